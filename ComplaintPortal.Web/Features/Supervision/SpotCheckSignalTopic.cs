using System.Globalization;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Web.Hosting;

namespace ComplaintPortal.Web.Features.Supervision;

/// <summary>
/// The committee's spot checks between instances (<see cref="InstanceSignalRelay"/>): a draw made, or a check recorded, through
/// one server reaches the registers and queues open on the others. In short form <c>kind:draw:check</c>.
/// </summary>
internal sealed class SpotCheckSignalTopic(SpotCheckFeed feed) : IInstanceSignalTopic
{
    public string Topic => "spot-check";

    public IDisposable Watch(Action<string> tell) => feed.Subscribe(change =>
    {
        if (!change.FromElsewhere)
        {
            tell(string.Create(CultureInfo.InvariantCulture, $"{(int)change.Kind}:{change.DrawId}:{change.SampledCaseId}"));
        }
    });

    public void Hear(string data)
    {
        var parts = data.Split(':');
        if (parts.Length == 3 && Number(parts[0]) is { } kind && Enum.IsDefined((SpotCheckChangeKind)kind) && Number(parts[1]) is { } draw)
        {
            feed.Publish(new SpotCheckChange((SpotCheckChangeKind)kind, draw, Number(parts[2]), FromElsewhere: true));
        }
    }

    private static int? Number(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
}
