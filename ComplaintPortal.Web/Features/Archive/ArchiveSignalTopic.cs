using System.Globalization;
using ComplaintPortal.Domain;
using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Web.Hosting;

namespace ComplaintPortal.Web.Features.Archive;

/// <summary>
/// The archive's changes between instances (<see cref="InstanceSignalRelay"/>): a request filed through one server appears
/// in the clerk's queue on another, and access revoked through one closes the open views of that file on all of them.
/// </summary>
internal sealed class ArchiveSignalTopic(ArchiveFeed feed) : IInstanceSignalTopic
{
    public string Topic => "archive";

    public IDisposable Watch(Action<string> tell)
    {
        void OnChanged(ArchiveChange change)
        {
            if (!change.FromElsewhere)
            {
                tell(string.Create(CultureInfo.InvariantCulture, $"{(int)change.Kind}:{change.RequestId}"));
            }
        }

        feed.Changed += OnChanged;
        return new Subscription(() => feed.Changed -= OnChanged);
    }

    public void Hear(string data)
    {
        var parts = data.Split(':');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kind) && Enum.IsDefined((ArchiveChangeKind)kind))
        {
            feed.Publish(new ArchiveChange((ArchiveChangeKind)kind,
                int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var request) ? request : null, FromElsewhere: true));
        }
    }
}
