using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Features.Cases;

/// <summary>One line of a queue or a search result; personal data is masked by the page when needed.</summary>
/// <param name="NextDue">The earliest unmet deadline of the case or its tasks; none while waiting for the customer.</param>
/// <param name="Chases">For a department's handler or head: how often their department's open task on the case was chased (催办).</param>
public sealed record CaseRow(int Id, string CaseNumber, CaseStage Stage, Priority Priority, bool IsEscalated, DateTimeOffset ReceivedAt,
    string Name, string? Phone, string Description, bool ViewerWorksIt, DateTimeOffset? NextDue, DateTimeOffset? NextDueSoon, bool Provisional = false,
    int Chases = 0)
{
    /// <summary>The case's version as listed: a step taken from the list (a head's bulk assignment) is refused if it changed since.</summary>
    public int Version { get; init; }

    /// <summary>For a department's viewer: the open task of their department on the case (its owner, or none yet).</summary>
    public OwnTask? Task { get; init; }
}

/// <summary>A department's open task on a listed case: which task, and who owns it (null: not assigned yet).</summary>
public sealed record OwnTask(int Id, string? OwnerName);

/// <summary>One page of a case list, sorted by a <see cref="CaseRow"/> property name.</summary>
public sealed record CaseListRequest(int Page, int PageSize, string? SortBy = null, bool Descending = false);

/// <param name="MoreThanTotal">The list holds more than <paramref name="Total"/> cases and pages through the first <paramref name="Total"/>.</param>
public sealed record CaseRowPage(IReadOnlyList<CaseRow> Rows, int Total, bool MoreThanTotal = false);

/// <summary>The size of a viewer's queue, and how much of it is overdue or due soon.</summary>
public sealed record QueueCounts(int Total, int Overdue, int DueSoon);

/// <summary>Read side of the case lists: the viewer's queue and search, paged and sorted in SQL.</summary>
public sealed class CaseQueries(PortalDbContext db)
{
    public const int MaxPageSize = 100;

    /// <summary>How far a search's matches are counted by default (see <see cref="SearchTotalCap"/>).</summary>
    public const int DefaultSearchTotalCap = 1_000;

    /// <summary>Stages in which customer service has the next move (<see cref="CaseQueues"/>, whose rules <see cref="Queue"/> follows).</summary>
    private static readonly CaseStage[] ClerkStages = CaseQueues.ClerkStages;

    /// <summary>Stages whose deadlines do not run: waiting for the customer, and every final stage.</summary>
    private static readonly CaseStage[] StoppedStages = [CaseStage.WaitingForCustomer, .. Enum.GetValues<CaseStage>().Where(s => s.IsFinal())];

    /// <summary>What waits for the viewer now; by default urgent first, then oldest first.</summary>
    public async Task<CaseRowPage> QueueAsync(ActingUser user, CaseListRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return await PageAsync(Queue(user), user, request, rows => rows.OrderByDescending(r => r.Priority).ThenBy(r => r.ReceivedAt), ct);
    }

    /// <summary>
    /// How much waits for the viewer (<see cref="QueueAsync"/>'s cases) and how much of it is overdue or due soon at
    /// <paramref name="now"/>, by the queue's own countdown: the case's earliest unmet deadline, none while the clock is stopped.
    /// </summary>
    public async Task<QueueCounts> QueueCountsAsync(ActingUser user, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var stopped = StoppedStages;
        var queue = Queue(user);
        var counting = queue.Where(c => !stopped.Contains(c.Stage));
        var total = await queue.CountAsync(ct);
        // By the case's kept next deadline (NextDeadlineKeeper: its earliest unmet deadline and that one's warning time), which
        // the (stage, archived, next deadline) index holds: overdue when it has passed, due soon when its warning time has come.
        // Asked through the deadlines instead, each count read every queued case's deadlines (110–140 ms at 1,000,000 cases).
        var overdue = await counting.CountAsync(c => c.NextDueAt <= now, ct);
        var dueSoon = await counting.CountAsync(c => c.NextDueAt > now && c.NextDueSoonAt <= now, ct);
        return new QueueCounts(total, overdue, dueSoon);
    }

    /// <summary>How many of a department viewer's queued cases have their department's open task owned by nobody yet (for the head to assign).</summary>
    public async Task<int> UnassignedCountAsync(ActingUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (CaseAccess.DepartmentOf(user) is not { } department)
        {
            return 0;
        }

        return await Queue(user).CountAsync(c => c.Tasks.Any(t => t.DepartmentId == department && t.Status != DepartmentTaskStatus.ReportedBack
            && t.OwnerUserId == null), ct);
    }

    /// <summary>
    /// The first <paramref name="take"/> cases of the viewer's queue whose clock runs, soonest deadline (the most overdue) first:
    /// the home page's list of what is due next. Read by the kept next deadline and its index, so a long queue costs no more.
    /// </summary>
    public async Task<IReadOnlyList<CaseRow>> SoonestDueAsync(ActingUser user, int take, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var stopped = StoppedStages;
        var soonest = Queue(user).Where(c => !stopped.Contains(c.Stage) && c.NextDueAt != null)
            .OrderBy(c => c.NextDueAt).ThenBy(c => c.Id).Take(take);
        return await RowsAsync(soonest, user, new CaseListRequest(0, take, nameof(CaseRow.NextDue)), rows => rows.OrderBy(r => r.Id), ct);
    }

    /// <summary>The viewer's queue by <see cref="CaseQueues"/>' rules (its tests hold the two to the same cases).</summary>
    private IQueryable<Complaint> Queue(ActingUser user)
    {
        var clerk = user.IsInRole(PortalRoles.IntakeClerk);
        var leader = user.IsInRole(PortalRoles.Leadership);
        var department = CaseAccess.DepartmentOf(user);
        return db.Complaints.AsNoTracking().VisibleTo(user).Where(c =>
            (clerk && ClerkStages.Contains(c.Stage))
            || (leader && (c.Stage == CaseStage.AwaitingClosureApproval || (c.IsEscalated && c.ClosedAt == null)))
            || (department != null && (c.Stage == CaseStage.InDepartments || c.Stage == CaseStage.WaitingForCustomer)
                && c.Tasks.Any(t => t.DepartmentId == department && t.Status != DepartmentTaskStatus.ReportedBack)));
    }

    /// <summary>
    /// How far a search's matches are counted: past it the page says "more than" and pages through the newest this many, in
    /// whichever order is asked for (narrow the search to see the rest). A common word's whole count read most of the cases (空调, 90,000 matches at 1,000,000 cases:
    /// 650–1,000 ms in the portal, on every search); counted up to the cap it stops after the first matches (8 ms).
    /// </summary>
    public int SearchTotalCap { get; init; } = DefaultSearchTotalCap;

    /// <summary>
    /// The cases matching <paramref name="search"/> that the viewer may open; newest first by default. Counted no further than
    /// <see cref="SearchTotalCap"/> (then <see cref="CaseRowPage.MoreThanTotal"/>).
    /// </summary>
    public Task<CaseRowPage> SearchAsync(CaseSearch search, ActingUser user, CaseListRequest request, CancellationToken ct = default) =>
        SearchAsync(search, user, request, MaxPageSize, ct);

    /// <summary>
    /// Every case the search lists, in the order its pages are shown (<paramref name="order"/>, or newest first), as far as it
    /// counts them (<see cref="SearchTotalCap"/>): the search's export, read in one query rather than page by page.
    /// </summary>
    public Task<CaseRowPage> SearchAllAsync(CaseSearch search, ActingUser user, CaseOrder? order = null, CancellationToken ct = default) =>
        SearchAsync(search, user, new CaseListRequest(0, SearchTotalCap, order?.SortBy, order?.Descending ?? false), SearchTotalCap, ct);

    private async Task<CaseRowPage> SearchAsync(CaseSearch search, ActingUser user, CaseListRequest request, int largestPage, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(user);
        var visible = db.Complaints.AsNoTracking().VisibleTo(user);
        var index = ComplaintTextIndex.For(db);
        if (index is not null)
        {
            await index.PrepareAsync(CaseSearch.Words(search.Text), ct);
        }

        // The index narrows by rare words only (a common one is read in order: ComplaintTextIndex.IsCommon), so its candidates
        // are few to sort, for the count and the page alike. Either way the words' own tests decide.
        var query = search.Apply(visible, index);
        var counted = await query.Take(SearchTotalCap + 1).CountAsync(ct);
        var many = counted > SearchTotalCap;
        if (many && !IsSearchDefaultOrder(request))
        {
            // Past the cap the pages hold the newest matches, as many as were counted, and another order sorts those. Sorting
            // every match of a common word by priority or deadline read and sorted 90,000 cases at 1,000,000 (0.6 s warm, 10 s
            // cold); the newest 1,000 are found in arrival order and sorted in a few milliseconds.
            var newest = query.OrderByDescending(c => c.ReceivedAt).ThenBy(c => c.Id).Take(SearchTotalCap).Select(c => c.Id);
            query = visible.Where(c => newest.Contains(c.Id));
        }

        var rows = await RowsAsync(query, user, request, rows => rows.OrderByDescending(r => r.ReceivedAt), ct, largestPage);
        return new CaseRowPage(rows, many ? SearchTotalCap : counted, many);
    }

    /// <summary>The search's own order, newest first (by case after that, as <see cref="Sort"/> breaks ties).</summary>
    private static bool IsSearchDefaultOrder(CaseListRequest request) =>
        request.SortBy is null || (request.SortBy == nameof(CaseRow.ReceivedAt) && request.Descending);

    /// <summary>Active categories in their order, for filters.</summary>
    public async Task<IReadOnlyList<Category>> CategoriesAsync(CancellationToken ct = default) =>
        await db.Categories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);

    private async Task<CaseRowPage> PageAsync(IQueryable<Complaint> query, ActingUser user, CaseListRequest request,
        Func<IQueryable<RowData>, IOrderedQueryable<RowData>> defaultOrder, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        return new CaseRowPage(await RowsAsync(query, user, request, defaultOrder, ct), total);
    }

    private async Task<IReadOnlyList<CaseRow>> RowsAsync(IQueryable<Complaint> query, ActingUser user, CaseListRequest request,
        Func<IQueryable<RowData>, IOrderedQueryable<RowData>> defaultOrder, CancellationToken ct, int largestPage = MaxPageSize)
    {
        var size = Math.Clamp(request.PageSize, 1, largestPage);
        var page = await Sort(Rows(query, user), request, defaultOrder).Skip(Math.Max(0, request.Page) * size).Take(size).ToListAsync(ct);
        var tasks = await OwnTasksAsync([.. page.Select(r => r.Id)], user, ct);
        return page.Select(r => tasks.TryGetValue(r.Id, out var own) ? Row(r, own.Task, own.Chases) : Row(r, null, 0)).ToList();

        static CaseRow Row(RowData r, OwnTask? task, int chases) => new(r.Id, r.CaseNumber, r.Stage, r.Priority, r.IsEscalated, r.ReceivedAt, r.Name,
            r.Phone, r.Description, r.ViewerWorksIt, r.NextDue, r.NextDue is null ? null : r.NextDueSoon, r.NextDue is not null && r.Provisional, chases)
        {
            Version = r.Version,
            Task = task,
        };
    }

    /// <summary>
    /// For a department's viewer, each listed case's open task of their department: its owner, and how often the department
    /// was chased on the case (催办). Read for the page shown only, after it is sorted and cut, so a long list costs no more.
    /// </summary>
    private async Task<Dictionary<int, (OwnTask Task, int Chases)>> OwnTasksAsync(List<int> ids, ActingUser user, CancellationToken ct)
    {
        if (CaseAccess.DepartmentOf(user) is not { } department || ids.Count == 0)
        {
            return [];
        }

        var chase = nameof(WorkflowAction.ChaseTask);
        var open = await db.DepartmentTasks.AsNoTracking()
            .Where(t => ids.Contains(t.ComplaintId) && t.DepartmentId == department && t.Status != DepartmentTaskStatus.ReportedBack)
            .OrderBy(t => t.Id)
            .Select(t => new
            {
                t.ComplaintId,
                t.Id,
                t.OwnerName,
                Chases = db.LedgerEvents.Count(e => e.ComplaintId == t.ComplaintId && e.DepartmentId == department && e.Action == chase),
            })
            .ToListAsync(ct);
        return open.DistinctBy(t => t.ComplaintId).ToDictionary(t => t.ComplaintId, t => (new OwnTask(t.Id, t.OwnerName), t.Chases));
    }

    private IQueryable<RowData> Rows(IQueryable<Complaint> query, ActingUser user)
    {
        var worksAll = CaseAccess.WorksEveryCase(user);
        var department = CaseAccess.DepartmentOf(user);
        var stopped = StoppedStages;
        return query.Select(c => new RowData
        {
            Id = c.Id,
            CaseNumber = c.CaseNumber,
            Version = c.Version,
            Stage = c.Stage,
            Priority = c.Priority,
            IsEscalated = c.IsEscalated,
            ReceivedAt = c.ReceivedAt,
            Name = c.Complainant.Name,
            Phone = c.Complainant.Phone,
            Description = c.Description,
            ViewerWorksIt = worksAll || (department != null && c.Tasks.Any(t => t.DepartmentId == department)),
            // Waiting for the customer stops the clock and an ended case has none: no countdown (as on the board).
            NextDue = stopped.Contains(c.Stage)
                ? null
                : db.CaseDeadlines.Where(d => d.ComplaintId == c.Id && d.MetAt == null).Min(d => (DateTimeOffset?)d.DueAt),
            NextDueSoon = db.CaseDeadlines.Where(d => d.ComplaintId == c.Id && d.MetAt == null)
                .OrderBy(d => d.DueAt).Select(d => (DateTimeOffset?)d.DueSoonAt).FirstOrDefault(),
            Provisional = db.CaseDeadlines.Any(d => d.ComplaintId == c.Id && d.MetAt == null && d.IsProvisional),
        });
    }

    private static IQueryable<RowData> Sort(IQueryable<RowData> rows, CaseListRequest request, Func<IQueryable<RowData>, IOrderedQueryable<RowData>> defaultOrder)
    {
        var d = request.Descending;
        var sorted = request.SortBy switch
        {
            nameof(CaseRow.CaseNumber) => d ? rows.OrderByDescending(r => r.CaseNumber) : rows.OrderBy(r => r.CaseNumber),
            nameof(CaseRow.ReceivedAt) => d ? rows.OrderByDescending(r => r.ReceivedAt) : rows.OrderBy(r => r.ReceivedAt),
            // Stored by name: "Urgent" sorts after "General", so descending puts urgent cases first.
            nameof(CaseRow.Priority) => d ? rows.OrderByDescending(r => r.Priority) : rows.OrderBy(r => r.Priority),
            // Cases without a running deadline go last either way.
            nameof(CaseRow.NextDue) => d
                ? rows.OrderBy(r => r.NextDue == null).ThenByDescending(r => r.NextDue)
                : rows.OrderBy(r => r.NextDue == null).ThenBy(r => r.NextDue),
            _ => defaultOrder(rows),
        };
        return sorted.ThenBy(r => r.Id);
    }

    /// <summary>The row as SQL sorts it (a member-init projection EF can order by).</summary>
    private sealed class RowData
    {
        public int Id { get; init; }

        public string CaseNumber { get; init; } = "";

        public int Version { get; init; }

        public CaseStage Stage { get; init; }

        public Priority Priority { get; init; }

        public bool IsEscalated { get; init; }

        public DateTimeOffset ReceivedAt { get; init; }

        public string Name { get; init; } = "";

        public string? Phone { get; init; }

        public string Description { get; init; } = "";

        public bool ViewerWorksIt { get; init; }

        public DateTimeOffset? NextDue { get; init; }

        public DateTimeOffset? NextDueSoon { get; init; }

        /// <summary>An unmet deadline of the case reaches a year whose holidays are not entered yet.</summary>
        public bool Provisional { get; init; }
    }
}
