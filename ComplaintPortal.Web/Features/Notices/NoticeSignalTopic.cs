using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Web.Hosting;

namespace ComplaintPortal.Web.Features.Notices;

/// <summary>
/// What changes unread counts besides new notices (which <see cref="NoticeRelay"/> reads from the notices themselves),
/// between instances (<see cref="InstanceSignalRelay"/>): cases closed, whose notices leave every unread list, and notices a
/// person marked read, which their pages on the other servers re-count. Short forms: "closed:12,34|cl|3,5" (the cases, then
/// the queues they left: c customer service's, l leadership's, and the departments') and "read:userId". A closed signal
/// without its queues (too long to carry them, or from an older server) counts as one that may have left any queue.
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
            // Fifteen ids a signal, with the queues when they fit its 200 characters.
            var queues = Queues(change.QueuesLeft);
            foreach (var chunk in change.ClosedComplaintIds.Chunk(15))
            {
                var ids = Closed + string.Join(',', chunk.Select(id => id.ToString(CultureInfo.InvariantCulture)));
                tell(queues is not null && ids.Length + queues.Length <= InstanceSignal.DataMaxLength ? ids + queues : ids);
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
            var parts = data[Closed.Length..].Split('|');
            var ids = Ids(parts[0]);
            if (ids.Count > 0)
            {
                var queues = parts.Length == 3 ? new QueuesLeft(parts[1].Contains('c', StringComparison.Ordinal), parts[1].Contains('l', StringComparison.Ordinal), Ids(parts[2])) : null;
                feed.Publish(new NoticesChanged([], ids, FromElsewhere: true, QueuesLeft: queues));
            }
        }
        else if (data.StartsWith(Read, StringComparison.Ordinal) && data.Length > Read.Length)
        {
            feed.Publish(new NoticesChanged([new NoticeAddress(data[Read.Length..], null, null)], [], FromElsewhere: true));
        }
    }

    private static string? Queues(QueuesLeft? left) => left is null ? null
        : "|" + (left.Clerks ? "c" : "") + (left.Leadership ? "l" : "") + "|" + string.Join(',', left.Departments.Select(d => d.ToString(CultureInfo.InvariantCulture)));

    private static List<int> Ids(string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0)
            .Where(id => id > 0)];
}
