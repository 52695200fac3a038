using System.Globalization;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Web.Hosting;

namespace ComplaintPortal.Web.Features.Notices;

/// <summary>
/// What changes unread counts besides new notices (which <see cref="NoticeRelay"/> reads from the notices themselves),
/// between instances (<see cref="InstanceSignalRelay"/>): cases closed, whose notices leave every unread list, and notices a
/// person marked read, which their pages on the other servers re-count. Short forms: "closed:12,34" and "read:userId".
/// </summary>
internal sealed class NoticeSignalTopic(INoticeFeed feed) : IInstanceSignalTopic
{
    private const string Closed = "closed:";
    private const string Read = "read:";

    public string Topic => "notices";

    public IDisposable Watch(Action<string> tell) => feed.Subscribe(change =>
    {
        if (change.FromElsewhere)
        {
            return;
        }

        if (change.ClosedComplaintIds.Count > 0)
        {
            // Fifteen ids a signal, within its 200 characters.
            foreach (var chunk in change.ClosedComplaintIds.Chunk(15))
            {
                tell(Closed + string.Join(',', chunk.Select(id => id.ToString(CultureInfo.InvariantCulture))));
            }
        }

        // A person's reads are published without notice ids (new notices always name theirs).
        if (change.NoticeIds is null)
        {
            foreach (var reader in change.Addresses.Where(a => a.UserId is not null))
            {
                tell(Read + reader.UserId);
            }
        }
    });

    public void Hear(string data)
    {
        if (data.StartsWith(Closed, StringComparison.Ordinal))
        {
            var ids = data[Closed.Length..].Split(',')
                .Select(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0)
                .Where(id => id > 0).ToList();
            if (ids.Count > 0)
            {
                feed.Publish(new NoticesChanged([], ids, FromElsewhere: true));
            }
        }
        else if (data.StartsWith(Read, StringComparison.Ordinal) && data.Length > Read.Length)
        {
            feed.Publish(new NoticesChanged([new NoticeAddress(data[Read.Length..], null, null)], [], FromElsewhere: true));
        }
    }
}
