using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Features.Home;

/// <summary>How a tile's count reads: nothing to worry about, worth a look, or late.</summary>
public enum WorkTone
{
    Calm,
    Attention,
    Late,
}

/// <summary>One count on the home page: what waits for the person, how many, and the page where it is worked.</summary>
/// <param name="Key">Stable name for tests and styling (data-tile).</param>
/// <param name="AtMost">Counted no further than this: more reads "99+".</param>
public sealed record WorkTile(string Key, string Label, int Count, string Href, WorkTone Tone, int? AtMost = null)
{
    public string CountText(IFormatProvider culture) =>
        AtMost is { } most && Count > most ? most.ToString("N0", culture) + "+" : Count.ToString("N0", culture);
}

/// <summary>
/// The home page's tiles, the cases of the unread notices they counted (<see cref="WorkSummary.Concerns"/>), and the
/// queue's cases due soonest, as of <paramref name="Now"/> (their countdowns start from it).
/// </summary>
public sealed record WorkCounts(IReadOnlyList<WorkTile> Tiles, UnreadTally Unread, IReadOnlyList<CaseRow> SoonestDue, DateTimeOffset Now);

/// <summary>
/// What waits for the signed-in person, counted for each of their roles, so the home page opens on the work rather than
/// on a list of links: the queue and how much of it is overdue or due soon, unread notices, rectification notices to
/// answer or verify, checks to do, archive requests and disposals to decide, files out on loan. Each count is the one
/// the linked page lists (the same queries); the home page counts again when the work changes.
/// </summary>
public static class WorkSummary
{
    /// <summary>
    /// Whether <paramref name="change"/> may move one of <paramref name="user"/>'s tiles, last counted with the unread notices
    /// of <paramref name="unread"/> (none while counting): notices to them, or cases closed that sat in their queue or that a
    /// counted notice is about. The other tiles (checks, rectification notices, the archive's) do not move when a case closes.
    /// Without this, every open home page counted everything again on every close (about 54 ms for a leader at 1,000,000 cases).
    /// </summary>
    public static bool Concerns(NoticesChanged change, ActingUser user, UnreadTally? unread)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(user);
        return change.Concerns(user, unread)
            || (change.ClosedComplaintIds.Count > 0 && (change.QueuesLeft is { } left ? left.Reach(user) : HasQueue(user)));
    }

    private static bool HasQueue(ActingUser user) =>
        user.IsInRole(PortalRoles.IntakeClerk) || user.IsInRole(PortalRoles.DepartmentHandler)
        || user.IsInRole(PortalRoles.DepartmentHead) || user.IsInRole(PortalRoles.Leadership);

    /// <summary>How many of the queue's cases the home page lists, soonest deadline first.</summary>
    public const int SoonestShown = 5;

    public static async Task<WorkCounts> LoadAsync(IServiceProvider services, ActingUser user, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(user);
        var tiles = new List<WorkTile>();
        IReadOnlyList<CaseRow> soonest = [];

        if (HasQueue(user))
        {
            var queries = services.GetRequiredService<CaseQueries>();
            var queue = await queries.QueueCountsAsync(user, now, cancellationToken);
            soonest = await queries.SoonestDueAsync(user, SoonestShown, cancellationToken);
            tiles.Add(new("queue", UiText.Work_Queue, queue.Total, CaseRoutes.Queue, WorkTone.Calm));
            tiles.Add(new("overdue", UiText.Work_Overdue, queue.Overdue, CaseRoutes.QueueSoonestDue, queue.Overdue > 0 ? WorkTone.Late : WorkTone.Calm));
            tiles.Add(new("due-soon", UiText.Work_DueSoon, queue.DueSoon, CaseRoutes.QueueSoonestDue, queue.DueSoon > 0 ? WorkTone.Attention : WorkTone.Calm));
            if (user.IsInRole(PortalRoles.DepartmentHead))
            {
                // The department's tasks nobody owns yet, which the head assigns from the queue (批量指派).
                var unassigned = await queries.UnassignedCountAsync(user, cancellationToken);
                tiles.Add(new("unassigned", UiText.Work_Unassigned, unassigned, CaseRoutes.Queue, unassigned > 0 ? WorkTone.Attention : WorkTone.Calm));
            }
        }

        if (user.IsInRole(PortalRoles.DepartmentHead))
        {
            // The head's own department's, counted (a head who also leads sees every department's in the register, not here).
            var toAnswer = user.DepartmentId is { } department
                ? await services.GetRequiredService<RectificationNotices>().CountsAsync(user, department, cancellationToken)
                : NoticeViewCounts.None;
            tiles.Add(new("to-answer", UiText.Work_NoticesToAnswer, toAnswer.Open, "/supervision/to-answer",
                toAnswer.Overdue > 0 ? WorkTone.Late : toAnswer.Open > 0 ? WorkTone.Attention : WorkTone.Calm));
        }

        if (Committee.IsMember(user))
        {
            var checks = (await services.GetRequiredService<CaseChecking>().QueueCountsAsync(user, cancellationToken)).Mine;
            tiles.Add(new("to-check", UiText.Work_ChecksToDo, checks, "/supervision/checks", checks > 0 ? WorkTone.Attention : WorkTone.Calm));
            var answered = (await services.GetRequiredService<RectificationNotices>().CountsAsync(user, cancellationToken: cancellationToken)).Answered;
            tiles.Add(new("to-verify", UiText.Work_NoticesToVerify, answered, Supervision.Notices.Href(NoticeShown.Answered),
                answered > 0 ? WorkTone.Attention : WorkTone.Calm));
        }

        // Improvement actions: the department's in progress (late once one is past its date); to verify for those who raise them.
        var mayRaise = Improvements.MayRaise(user);
        if (user.IsInRole(PortalRoles.DepartmentHead) || mayRaise)
        {
            var zone = services.GetRequiredService<Hosting.OrganisationClock>().TimeZone;
            var (open, overdue, done) = await services.GetRequiredService<Improvements>().CountsAsync(user, zone, cancellationToken);
            if (user.IsInRole(PortalRoles.DepartmentHead))
            {
                tiles.Add(new("improvements", DeadlineText.Work_ImprovementsOpen, open,
                    Reports.ImprovementActions.Href(overdue > 0 ? Reports.ImprovementFilter.Overdue : Reports.ImprovementFilter.Open),
                    overdue > 0 ? WorkTone.Late : open > 0 ? WorkTone.Attention : WorkTone.Calm));
            }

            if (mayRaise)
            {
                tiles.Add(new("improvements-to-verify", DeadlineText.Work_ImprovementsToVerify, done, Reports.ImprovementActions.Href(Reports.ImprovementFilter.Done),
                    done > 0 ? WorkTone.Attention : WorkTone.Calm));
            }
        }

        var catalog = services.GetRequiredService<ArchiveCatalog>();
        if (user.IsInRole(PortalRoles.Leadership) || user.IsInRole(PortalRoles.ArchiveClerk))
        {
            // Counted, not listed: at a large organisation the loans and a month's disposal list run to thousands.
            var requests = await catalog.RequestCountsAsync(ct: cancellationToken);
            if (user.IsInRole(PortalRoles.Leadership))
            {
                var disposals = await catalog.CountDisposalsAsync(DisposalStatus.Listed, cancellationToken);
                tiles.Add(new("approvals", UiText.Work_AccessToDecide, requests.Pending, "/archive/approvals", requests.Pending > 0 ? WorkTone.Attention : WorkTone.Calm));
                tiles.Add(new("disposals", UiText.Work_DisposalsToDecide, disposals, "/archive/approvals", disposals > 0 ? WorkTone.Attention : WorkTone.Calm));
            }

            if (user.IsInRole(PortalRoles.ArchiveClerk))
            {
                // Late as the desk marks them (已到期未归还), each tile opening the desk on its own tab.
                tiles.Add(new("on-loan", UiText.Work_OnLoan, requests.OnLoan, Archive.Desk.Href(RequestShown.OnLoan), WorkTone.Calm));
                tiles.Add(new("loan-overdue", UiText.Work_LoanOverdue, requests.Overdue, Archive.Desk.Href(RequestShown.Overdue),
                    requests.Overdue > 0 ? WorkTone.Late : WorkTone.Calm));
            }
        }

        // Counted as far as the bell counts (99+), which stops early instead of counting a busy desk's every notice.
        var unread = await services.GetRequiredService<NoticeBook>().TallyUnreadAsync(user, Notices.NoticeBell.Shown + 1, cancellationToken);
        tiles.Add(new("unread", UiText.Work_Unread, unread.Count, "/notices", unread.Count > 0 ? WorkTone.Attention : WorkTone.Calm, AtMost: Notices.NoticeBell.Shown));
        return new WorkCounts(tiles, unread, soonest, now);
    }
}
