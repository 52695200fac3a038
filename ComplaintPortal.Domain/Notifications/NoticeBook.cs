using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Notifications;

/// <summary>
/// One notice as a person's list shows it: about a case (its id, number and stage), about an archive access request
/// (<paramref name="ArchiveRequestId"/>; no case), about an improvement action (<paramref name="ImprovementActionId"/>; no case) or
/// about a sample draw (<paramref name="SampleDrawId"/>; no case).
/// </summary>
/// <param name="Waiting">
/// For a notice to a role about an archive request or an improvement action: it still waits on the role (a decision; the
/// return of files overdue; the department's work; the verification), see <see cref="NotificationKinds.AwaitedStatus"/> and
/// <see cref="NotificationKinds.AwaitedImprovementStatus"/>.
/// </param>
public sealed record NoticeView(int Id, int? ComplaintId, string? CaseNumber, CaseStage? CaseStage, NotificationKind Kind, string Text,
    DateTimeOffset CreatedAt, bool IsPersonal, bool IsRead, int? ArchiveRequestId = null, bool Waiting = false, int? ImprovementActionId = null,
    int? SampleDrawId = null)
{
    /// <summary>
    /// Not marked read, and about a case still open, an archive request (one to the person stays until read; one to a role
    /// while the request waits on it), an improvement action waiting on the role, or a sample draw (to the person, until
    /// read): what the bell counts and the unread list shows.
    /// </summary>
    public bool IsUnread => !IsRead && (ArchiveRequestId is not null || ImprovementActionId is not null || SampleDrawId is not null
        ? IsPersonal || Waiting
        : CaseStage is { } stage && CaseStages.Open.Contains(stage));

    /// <summary>The archive request's number as people quote it (<c>CY-000042</c>); null for a notice about a case.</summary>
    public string? RequestNumber => ArchiveRequestId is { } id ? ArchiveAccessRequest.FormatNumber(id) : null;
}

/// <summary>How many unread notices were counted (up to a cap), and the cases they are about, in order, each once.</summary>
public sealed record UnreadTally(int Count, int[] Cases)
{
    /// <summary>Whether closing any of <paramref name="closed"/> takes a counted notice off the unread list.</summary>
    public bool Touches(IReadOnlyList<int> closed)
    {
        ArgumentNullException.ThrowIfNull(closed);
        return closed.Any(id => Array.BinarySearch(Cases, id) >= 0);
    }
}

/// <summary>
/// A person's notices: those addressed to them by name and those addressed to a role they hold (within their
/// department when the notice names one; by name only while the case page would open for them). Unread are the ones they have not marked read whose case is still
/// open: a closed (or withdrawn, invalid, duplicate) case leaves the unread list. Reading publishes to the
/// <see cref="INoticeFeed"/> so the person's other open pages re-count.
/// </summary>
public sealed partial class NoticeBook(PortalDbContext db, INoticeFeed? feed = null)
{
    /// <summary>
    /// How far the total of all a person's notices (read or not) is counted: a role's history grows with every case, so past
    /// this the total says "more than" (<see cref="PageAsync(ActingUser, bool, int, int, NoticeOrder, CancellationToken)"/>
    /// gives <c>TotalCap + 1</c>) and the list pages through the newest this many.
    /// </summary>
    public const int TotalCap = 10_000;

    public async Task<int> CountUnreadAsync(ActingUser reader, CancellationToken cancellationToken = default) =>
        await Unread(reader).CountAsync(cancellationToken);

    /// <summary>
    /// How many unread notices the person has, counted no further than <paramref name="atMost"/>: the bell shows
    /// "99+" beyond that, and a role's history can hold hundreds of thousands of notices, almost all of closed
    /// cases, which an exact count would read on every page.
    /// </summary>
    public async Task<int> CountUnreadAsync(ActingUser reader, int atMost, CancellationToken cancellationToken = default) =>
        (await TallyUnreadAsync(reader, atMost, cancellationToken)).Count;

    /// <summary>
    /// As <see cref="CountUnreadAsync(ActingUser, int, CancellationToken)"/>, with the cases of the notices counted (each once),
    /// read in the same way: a case closed that is not among them changes nothing the bell shows (below the cap they are all
    /// the unread notices; at the cap they stay at least that many), so the bell need not count again.
    /// </summary>
    public async Task<UnreadTally> TallyUnreadAsync(ActingUser reader, int atMost, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(atMost);
        ArgumentNullException.ThrowIfNull(reader);
        // The counted notices' cases; null for one about an archive request, which no case's closing takes off the list.
        var cases = new List<int?>();
        foreach (var part in Parts(reader))
        {
            cases.AddRange(await WithoutRead(part, reader).OrderByDescending(n => n.CreatedAt).Take(atMost - cases.Count)
                .Select(n => n.ComplaintId).ToListAsync(cancellationToken));
            if (cases.Count >= atMost)
            {
                break;
            }
        }

        return new UnreadTally(cases.Count, [.. cases.OfType<int>().Distinct().Order()]);
    }

    public async Task<IReadOnlyList<NoticeView>> UnreadAsync(ActingUser reader, int take = 50, CancellationToken cancellationToken = default) =>
        await ByTimeAsync(reader, unreadOnly: true, 0, take, newestFirst: true, cancellationToken);

    /// <summary>All the person's notices, read or not, newest first (for the list page).</summary>
    public async Task<IReadOnlyList<NoticeView>> ListAsync(ActingUser reader, int take = 100, CancellationToken cancellationToken = default) =>
        await ByTimeAsync(reader, unreadOnly: false, 0, take, newestFirst: true, cancellationToken);

    /// <summary>
    /// One page of the person's notices, newest first, and how many there are: only the unread (a closed case's notices
    /// are not among the unread), or all of them counted up to <see cref="TotalCap"/> (more gives <c>TotalCap + 1</c>).
    /// </summary>
    public async Task<(IReadOnlyList<NoticeView> Notices, int Total)> PageAsync(ActingUser reader, bool unreadOnly, int skip, int take,
        CancellationToken cancellationToken = default) =>
        await PageAsync(reader, unreadOnly, skip, take, NoticeOrder.NewestFirst, cancellationToken);

    /// <summary>One page of the person's notices in the order asked for (a grid's sortable time and case columns).</summary>
    public async Task<(IReadOnlyList<NoticeView> Notices, int Total)> PageAsync(ActingUser reader, bool unreadOnly, int skip, int take,
        NoticeOrder order, CancellationToken cancellationToken = default)
    {
        var notices = unreadOnly ? Unread(reader) : AddressedTo(reader);
        var total = unreadOnly ? await CountUnreadOfOpenCasesAsync(reader, cancellationToken) : await CountAllAsync(reader, cancellationToken);
        if (order is not (NoticeOrder.NewestFirst or NoticeOrder.OldestFirst))
        {
            return (await ViewsAsync(notices, reader, Math.Max(0, skip), take, cancellationToken, order), total);
        }

        // By time, a page past the middle of a list whose length is known (the unread, or all below the cap) is read from the
        // end, the other way round: each way a notice arrives is read up to the page's end, so the last of 65,000 unread
        // read all 65,000 (1.5 s).
        var page = ListPage.Of(Math.Max(0, skip), take, unreadOnly || total <= TotalCap ? total : null);
        var newestFirst = (order == NoticeOrder.NewestFirst) != page.FromEnd;
        var views = await ByTimeAsync(reader, unreadOnly, page.Skip, page.Take, newestFirst, cancellationToken);
        return (page.FromEnd ? [.. views.Reverse()] : views, total);
    }

    // The same notices as the union of Parts, asked as one predicate: the totals and the by-case orders filter and count it
    // whole, and SQLite counts the union (filtered after the UNION ALL) in about twice the time (130–160 ms against 50–90
    // for a department head at 100,000 cases).
    private IQueryable<Notification> AddressedTo(ActingUser reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var roles = reader.Roles.ToList();
        var userId = reader.UserId;
        var department = reader.DepartmentId;
        // A notice addressed by name follows the case page's rule too: one about a case of a department the
        // person has since left (or lost the role for) is no longer theirs to read. One about their own archive request stays theirs.
        var visible = db.Complaints.Where(CaseVisibility.For(reader));
        return db.Notifications.AsNoTracking().Where(n => (n.RecipientUserId == userId && (n.ComplaintId == null || visible.Any(c => c.Id == n.ComplaintId)))
            || (roles.Contains(n.RecipientRole)
                && (n.RecipientDepartmentId == null || n.RecipientDepartmentId == department)
                && (n.ArchiveRequestId == null || !db.ArchiveAccessRequests.Any(r => r.Id == n.ArchiveRequestId && r.RequesterUserId == userId))));
    }

    // AddressedTo by the ways a notice reaches the person (by name, by each of their roles), which never overlap.
    private IEnumerable<IQueryable<Notification>> Parts(ActingUser reader) =>
        reader.Roles.Distinct(StringComparer.Ordinal).Select(role => ToRole(reader, role)).Prepend(ToPerson(reader));

    private IQueryable<Notification> ToPerson(ActingUser reader)
    {
        var userId = reader.UserId;
        var visible = db.Complaints.Where(CaseVisibility.For(reader));
        return db.Notifications.AsNoTracking()
            .Where(n => n.RecipientUserId == userId && (n.ComplaintId == null || visible.Any(c => c.Id == n.ComplaintId)));
    }

    // By the role alone (a notice to a person has an empty role): with "and no person" added, SQLite chose the by-person index
    // for "no person", which holds every role notice, and read the role's whole history for a role with few notices left (an
    // intake clerk once clerks own their cases: 115 ms against 1 ms at 100,000 cases).
    //
    // A leader's own archive request is not theirs to decide: its notice to leadership is left out of their list.
    private IQueryable<Notification> ToRole(ActingUser reader, string role)
    {
        var department = reader.DepartmentId;
        var userId = reader.UserId;
        return db.Notifications.AsNoTracking().Where(n => n.RecipientRole == role
            && (n.RecipientDepartmentId == null || n.RecipientDepartmentId == department)
            && (n.ArchiveRequestId == null || !db.ArchiveAccessRequests.Any(r => r.Id == n.ArchiveRequestId && r.RequesterUserId == userId)));
    }

    private IQueryable<Notification> Unread(ActingUser reader) => WithoutRead(AddressedTo(reader), reader);

    /// <summary>
    /// How many notices the person has, read or not, counted part by part along each part's (recipient, created) index and
    /// no further than <see cref="TotalCap"/> + 1: the whole count read a department head's whole history (60 ms at
    /// 100,000 cases for the largest department, ten times that at 1,000,000); capped it stops after the newest 10,001.
    /// </summary>
    private async Task<int> CountAllAsync(ActingUser reader, CancellationToken ct) =>
        await CountAtMostAsync(reader, part => part, TotalCap + 1, ct);

    /// <summary>
    /// The person's notices that <paramref name="filter"/> keeps, counted no further than <paramref name="atMost"/>: one count
    /// per way a notice reaches the person (by name, by each role), newest first, each read along its own (recipient,
    /// created) index and stopped at the cap. The ways in one query let SQLite gather every notice of either before it
    /// stops (seconds at 1,000,000 cases). The parts never overlap.
    /// </summary>
    private async Task<int> CountAtMostAsync(ActingUser reader, Func<IQueryable<Notification>, IQueryable<Notification>> filter, int atMost,
        CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(atMost);
        ArgumentNullException.ThrowIfNull(reader);
        var total = 0;
        foreach (var part in Parts(reader))
        {
            total += await filter(part).OrderByDescending(n => n.CreatedAt).Take(atMost - total).CountAsync(ct);
            if (total >= atMost)
            {
                break;
            }
        }

        return total;
    }

    /// <summary>
    /// How many unread notices the person has, all counted (the list's total), part by part (the parts never overlap).
    /// A role's notices are looked up by the open cases' ids along the notices' case index: its history is tens of
    /// thousands of notices, almost all of closed cases, which <see cref="WithoutRead"/> checks one by one (a department
    /// head at 100,000 cases: 88–96 ms; this way 14–36 ms, growing with the open cases rather than the history). The
    /// person's own notices are few and read along their own index (by the open cases too, 12–16 ms).
    /// </summary>
    private async Task<int> CountUnreadOfOpenCasesAsync(ActingUser reader, CancellationToken ct)
    {
        var open = CaseStages.Open.ToList();
        var openCases = db.Complaints.Where(c => open.Contains(c.Stage)).Select(c => (int?)c.Id);
        var total = await WithoutRead(ToPerson(reader), reader).CountAsync(ct);
        // The archive requests waiting on a role (to be decided; overdue loans), read first (a handful at most): their notices
        // to a role are then found along the notices' request index. Asked as a subquery, SQLite read the role's whole history
        // instead (a department head at 100,000 cases: 44–265 ms).
        var pending = await PendingRequests().ToListAsync(ct);
        var overdue = await OverdueLoans().ToListAsync(ct);
        // The improvement actions in the department's hands and those waiting to be verified, likewise (a few dozen at a time).
        var working = await ActionsIn(ImprovementStatus.Open).ToListAsync(ct);
        var reported = await ActionsIn(ImprovementStatus.Done).ToListAsync(ct);
        foreach (var role in reader.Roles.Distinct(StringComparer.Ordinal))
        {
            total += await NotReadBy(ToRole(reader, role).Where(n => openCases.Contains(n.ComplaintId)), reader).CountAsync(ct);
            if (pending.Count > 0)
            {
                total += await NotReadBy(ToRole(reader, role)
                    .Where(n => pending.Contains(n.ArchiveRequestId) && n.Kind == NotificationKind.ArchiveRequestToDecide), reader).CountAsync(ct);
            }

            if (overdue.Count > 0)
            {
                total += await NotReadBy(ToRole(reader, role)
                    .Where(n => overdue.Contains(n.ArchiveRequestId) && n.Kind == NotificationKind.ArchiveLoanOverdue), reader).CountAsync(ct);
            }

            if (working.Count > 0)
            {
                total += await NotReadBy(WaitingOnAction(ToRole(reader, role).Where(n => working.Contains(n.ImprovementActionId))), reader).CountAsync(ct);
            }

            if (reported.Count > 0)
            {
                total += await NotReadBy(WaitingOnAction(ToRole(reader, role).Where(n => reported.Contains(n.ImprovementActionId))), reader).CountAsync(ct);
            }
        }

        return total;
    }

    // Not marked read by the person, and about a case still open; or about no case and to the person by name (an archive
    // request, a sample draw: to read once); or about an archive request to a role while it waits on the role (a decision;
    // the return of files overdue); or about an improvement action while it waits on the role (the department's work while
    // open; the verification once reported done) and no later step has replaced it (a send-back's notice replaces the raised one).
    private IQueryable<Notification> WithoutRead(IQueryable<Notification> notices, ActingUser reader)
    {
        var open = CaseStages.Open.ToList();
        var pending = PendingRequests();
        var overdue = OverdueLoans();
        var actions = db.ImprovementActions;
        return NotReadBy(notices, reader).Where(n => (n.ComplaintId == null && (n.RecipientUserId != null
                || (n.Kind == NotificationKind.ArchiveRequestToDecide && pending.Contains(n.ArchiveRequestId))
                || (n.Kind == NotificationKind.ArchiveLoanOverdue && overdue.Contains(n.ArchiveRequestId))
                || actions.Any(a => a.Id == n.ImprovementActionId && a.StepAt <= n.CreatedAt
                    && (a.Status == ImprovementStatus.Done) == (n.Kind == NotificationKind.ImprovementReportedDone) && a.Status != ImprovementStatus.Verified)))
            || db.Complaints.Any(c => c.Id == n.ComplaintId && open.Contains(c.Stage)));
    }

    private IQueryable<int?> ActionsIn(ImprovementStatus status) =>
        db.ImprovementActions.Where(a => a.Status == status).Select(a => (int?)a.Id);

    // The notices about an improvement action that wait on their role: the action is in the state the notice's kind waits for
    // (done for one reported done; open for the others: raised, sent back, overdue) and has taken no step since the notice.
    private IQueryable<Notification> WaitingOnAction(IQueryable<Notification> notices)
    {
        var actions = db.ImprovementActions;
        return notices.Where(n => actions.Any(a => a.Id == n.ImprovementActionId && a.StepAt <= n.CreatedAt
            && (a.Status == ImprovementStatus.Done) == (n.Kind == NotificationKind.ImprovementReportedDone) && a.Status != ImprovementStatus.Verified));
    }

    private IQueryable<int?> PendingRequests() =>
        db.ArchiveAccessRequests.Where(r => r.Status == AccessRequestStatus.Pending).Select(r => (int?)r.Id);

    // Still approved after the reader was told their days ran out: the files are not back (the clerks' notices wait on them).
    private IQueryable<int?> OverdueLoans() =>
        db.ArchiveAccessRequests.Where(r => r.Status == AccessRequestStatus.Approved && r.ExpiryNoticeAt != null).Select(r => (int?)r.Id);

    private IQueryable<Notification> NotReadBy(IQueryable<Notification> notices, ActingUser reader)
    {
        var userId = reader.UserId;
        return notices.Where(n => !db.NotificationReads.Any(r => r.NotificationId == n.Id && r.UserId == userId));
    }

    /// <summary>
    /// One page by time: each way a notice reaches the person is read apart, in order along its own (recipient,
    /// created) index and stopped at the end of the page, and the parts are merged here. Asked in one query, SQLite
    /// joins the role's whole history of notices to their cases and sorts it before taking the page (a tenth of a
    /// second for a clerk at 100,000 cases, on every queue page, and growing with the history).
    /// </summary>
    private async Task<IReadOnlyList<NoticeView>> ByTimeAsync(ActingUser reader, bool unreadOnly, int skip, int take, bool newestFirst,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        skip = Math.Max(0, skip);
        var order = newestFirst ? NoticeOrder.NewestFirst : NoticeOrder.OldestFirst;
        var gathered = new List<NoticeView>();
        foreach (var part in Parts(reader))
        {
            gathered.AddRange(await ViewsAsync(unreadOnly ? WithoutRead(part, reader) : part, reader, 0, skip + take, ct, order));
        }

        var sorted = newestFirst
            ? gathered.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            : gathered.OrderBy(n => n.CreatedAt).ThenBy(n => n.Id);
        return sorted.Skip(skip).Take(take).ToList();
    }

    private async Task<IReadOnlyList<NoticeView>> ViewsAsync(IQueryable<Notification> notices, ActingUser reader, int skip, int take, CancellationToken ct,
        NoticeOrder order = NoticeOrder.NewestFirst)
    {
        var userId = reader.UserId;
        // With their case where they have one (a notice about an archive request has none; by case number it sorts before the cases).
        var joined = from n in notices
                     join c in db.Complaints on n.ComplaintId equals c.Id into cases
                     from c in cases.DefaultIfEmpty()
                     select new { Notice = n, CaseNumber = c == null ? null : c.CaseNumber, Stage = c == null ? (CaseStage?)null : c.Stage };
        var ordered = order switch
        {
            NoticeOrder.OldestFirst => joined.OrderBy(x => x.Notice.CreatedAt).ThenBy(x => x.Notice.Id),
            // A case's notices together, its newest first.
            NoticeOrder.CaseAscending => joined.OrderBy(x => x.CaseNumber).ThenByDescending(x => x.Notice.CreatedAt).ThenByDescending(x => x.Notice.Id),
            NoticeOrder.CaseDescending => joined.OrderByDescending(x => x.CaseNumber).ThenByDescending(x => x.Notice.CreatedAt).ThenByDescending(x => x.Notice.Id),
            _ => joined.OrderByDescending(x => x.Notice.CreatedAt).ThenByDescending(x => x.Notice.Id),
        };
        var rows = await ordered
            .Skip(skip).Take(take)
            .Select(x => new
            {
                x.Notice,
                x.CaseNumber,
                x.Stage,
                IsRead = db.NotificationReads.Any(r => r.NotificationId == x.Notice.Id && r.UserId == userId),
                RequestStatus = x.Notice.ArchiveRequestId == null ? null
                    : db.ArchiveAccessRequests.Where(r => r.Id == x.Notice.ArchiveRequestId).Select(r => (AccessRequestStatus?)r.Status).FirstOrDefault(),
                // The action's state, while no later step has replaced the notice.
                ActionStatus = x.Notice.ImprovementActionId == null ? null
                    : db.ImprovementActions.Where(a => a.Id == x.Notice.ImprovementActionId && a.StepAt <= x.Notice.CreatedAt)
                        .Select(a => (ImprovementStatus?)a.Status).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Select(x => new NoticeView(x.Notice.Id, x.Notice.ComplaintId, x.CaseNumber, x.Stage, x.Notice.Kind, x.Notice.Text,
            x.Notice.CreatedAt, x.Notice.RecipientUserId is not null, x.IsRead, x.Notice.ArchiveRequestId,
            Waiting: x.Notice.RecipientUserId is null && ((x.RequestStatus is { } status && x.Notice.Kind.AwaitedStatus() == status)
                || (x.ActionStatus is { } step && x.Notice.Kind.AwaitedImprovementStatus() == step)),
            ImprovementActionId: x.Notice.ImprovementActionId, SampleDrawId: x.Notice.SampleDrawId)).ToList();
    }
}

/// <summary>The orders a person's notices can be listed in.</summary>
public enum NoticeOrder
{
    NewestFirst,
    OldestFirst,
    CaseAscending,
    CaseDescending,
}
