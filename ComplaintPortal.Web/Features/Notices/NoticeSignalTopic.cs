using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Web.Hosting;

namespace ComplaintPortal.Web.Features.Notices;

/// <summary>
/// What changes unread counts besides new notices (which <see cref="NoticeRelay"/> reads from the notices themselves),
/// between instances (<see cref="InstanceSignalRelay"/>): cases closed, whose notices leave every unread list, and notices a
/// person marked read, which their pages on the other servers re-count, and archive requests decided, whose notices to decide
/// them leave the leaders' unread lists, and overdue archive loans ended, whose notices leave the archive clerks' unread lists,
/// and improvement actions that took a step, whose waiting notices leave their holders' unread lists.
/// Short forms: "closed:12,34,q,c,l,d3,d5" (the cases,
/// then "q" and the queues they left: c customer service's, l leadership's, dN department N's), "read:userId",
/// "archive-decided", "archive-loans-ended" and "improvements:3,5" (the actions' departments). A closed
/// signal without its queues (too long to carry them) counts as one that may have left any queue; a server of an earlier
/// version reads the cases and passes over the rest, which it cannot take for numbers.
/// </summary>
internal sealed class NoticeSignalTopic(INoticeFeed feed) : IInstanceSignalTopic
{
    private const string Closed = "closed:";
    private const string Read = "read:";
    private const string Decided = "archive-decided";
    private const string LoansEnded = "archive-loans-ended";
    private const string Improvements = "improvements:";
    private const string Known = "q";
    private const string Clerks = "c";
    private const string Leadership = "l";
    private const string Department = "d";

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

        if (change.RequestsDecided)
        {
            tell(Decided);
        }

        if (change.LoansEnded)
        {
            tell(LoansEnded);
        }

        if (change.ImprovementsMoved is { Count: > 0 } moved)
        {
            foreach (var chunk in moved.Chunk(20))
            {
                tell(Improvements + string.Join(',', chunk.Select(id => id.ToString(CultureInfo.InvariantCulture))));
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
            var items = data[Closed.Length..].Split(',', StringSplitOptions.RemoveEmptyEntries);
            var ids = Numbers(items);
            if (ids.Count > 0)
            {
                var queues = items.Contains(Known)
                    ? new QueuesLeft(items.Contains(Clerks), items.Contains(Leadership), Numbers(items.Where(i => i.StartsWith(Department, StringComparison.Ordinal)).Select(i => i[1..])))
                    : null;
                feed.Publish(new NoticesChanged([], ids, FromElsewhere: true, QueuesLeft: queues));
            }
        }
        else if (data == Decided)
        {
            feed.Publish(new NoticesChanged([new NoticeAddress(null, PortalRoles.Leadership, null)], [], FromElsewhere: true, RequestsDecided: true));
        }
        else if (data == LoansEnded)
        {
            feed.Publish(new NoticesChanged([new NoticeAddress(null, PortalRoles.ArchiveClerk, null)], [], FromElsewhere: true, LoansEnded: true));
        }
        else if (data.StartsWith(Improvements, StringComparison.Ordinal))
        {
            var departments = Numbers(data[Improvements.Length..].Split(',', StringSplitOptions.RemoveEmptyEntries));
            if (departments.Count > 0)
            {
                feed.Publish(new NoticesChanged([.. ImprovementsMoved.Addresses(departments)], [], FromElsewhere: true, ImprovementsMoved: departments));
            }
        }
        else if (data.StartsWith(Read, StringComparison.Ordinal) && data.Length > Read.Length)
        {
            feed.Publish(new NoticesChanged([new NoticeAddress(data[Read.Length..], null, null)], [], FromElsewhere: true));
        }
    }

    private static string? Queues(QueuesLeft? left) => left is null ? null
        : "," + string.Join(',', new[] { Known, left.Clerks ? Clerks : null, left.Leadership ? Leadership : null }.OfType<string>()
            .Concat(left.Departments.Select(d => Department + d.ToString(CultureInfo.InvariantCulture))));

    /// <summary>The items that are numbers; the rest are passed over.</summary>
    private static List<int> Numbers(IEnumerable<string> items) =>
        [.. items.Select(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0).Where(id => id > 0)];
}
