using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Board;

/// <summary>The open cases a viewer's board shows, filtered, sorted and paged in SQL, and their totals per deadline state.</summary>
public sealed class BoardQuery(PortalDbContext db)
{
    /// <summary>How many cases' rows one query reads by default (<see cref="IdsPerRead"/>).</summary>
    public const int DefaultIdsPerRead = 1_000;

    /// <summary>
    /// How many cases' rows one query of <see cref="PageAsync"/> reads. Each id is a parameter, and a database takes so many
    /// in one statement: SQLite 32,766, SQL Server 2,100.
    /// </summary>
    public int IdsPerRead { get; init; } = DefaultIdsPerRead;

    /// <summary>
    /// The next deadline of a row is the earliest unmet deadline of the case or its tasks (first response,
    /// solution plan, completion, each department's task), with the due-soon instant its policy set, as kept
    /// on the case (<see cref="Complaint.NextDueAt"/>).
    /// </summary>
    public Task<IReadOnlyList<BoardRow>> OpenCasesAsync(BoardViewer viewer, BoardFilter filter, DateTimeOffset now,
        int max = 300, int? onlyComplaintId = null, CancellationToken cancellationToken = default) =>
        PageAsync(viewer, filter, now, 0, max, onlyComplaintId, cancellationToken);

    /// <summary>One page of the viewer's board: <paramref name="take"/> rows after the first <paramref name="skip"/>.</summary>
    public async Task<IReadOnlyList<BoardRow>> PageAsync(BoardViewer viewer, BoardFilter filter, DateTimeOffset now,
        int skip, int take, int? onlyComplaintId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(filter);
        if (viewer.SeesNothing)
        {
            return [];
        }

        // Two steps: the page's ids first, sorted by the one key the sort needs (SQLite computes every selected
        // column of every matching row before it sorts, so the time-in-stage lookup over the ledger would run
        // for all open cases), then the rows of those ids with everything the board shows.
        // In deadline order (counting down by deadline, then no deadline, then paused: BoardRowOrder) the ids are the
        // start of a range of the board's keys (for a department, of its tasks' index alone).
        var ids = filter.Sort == BoardSort.Deadline
            ? await Keys(viewer, filter, now, onlyComplaintId).OrderBy(k => k.Group).ThenBy(k => k.DueAt).ThenBy(k => k.Id)
                .Skip(skip).Take(take).Select(k => k.Id).ToListAsync(cancellationToken)
            : await Sorted(Projected(Cases(viewer, filter, now, onlyComplaintId)), filter.Sort)
                .Skip(skip).Take(take).Select(c => c.Id).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        var place = ids.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
        var read = new List<Projection>(ids.Count);
        var taskRows = new List<(int ComplaintId, BoardTask Task)>();
        var provisional = new HashSet<int>();
        // A thousand ids a read: each id is a parameter, and the export's 47,000 open cases at 1,000,000 passed SQLite's
        // limit of 32,766 (SQL Server's is 2,100) and failed. A board's page is one read.
        foreach (var chunk in ids.Chunk(IdsPerRead))
        {
            read.AddRange(await Projected(db.Complaints.AsNoTracking().Where(c => chunk.Contains(c.Id))).ToListAsync(cancellationToken));
            taskRows.AddRange((await db.DepartmentTasks.AsNoTracking()
                    .Where(t => chunk.Contains(t.ComplaintId))
                    .OrderBy(t => t.Id)
                    .Select(t => new { t.ComplaintId, Task = new BoardTask(t.DepartmentId, t.OwnerName, t.Status, t.Deadline) })
                    .ToListAsync(cancellationToken))
                .Select(t => (t.ComplaintId, t.Task)));
            provisional.UnionWith(await db.CaseDeadlines.AsNoTracking()
                .Where(d => chunk.Contains(d.ComplaintId) && d.MetAt == null && d.IsProvisional)
                .Select(d => d.ComplaintId).Distinct().ToListAsync(cancellationToken));
        }

        var rows = read.OrderBy(r => place[r.Id]).ToList();
        var tasks = taskRows.ToLookup(t => t.ComplaintId, t => t.Task);

        return rows.Select(r => new BoardRow(
                r.Id, r.CaseNumber, r.CategoryId, r.Priority, r.Stage, r.ReceivedAt, r.StageEnteredAt ?? r.ReceivedAt,
                tasks[r.Id].ToList(), r.NextDeadline, r.NextDeadline is null ? null : r.NextDueSoonAt, r.Version,
                r.NextDeadline is not null && provisional.Contains(r.Id)))
            .ToList();
    }

    /// <summary>One case as this viewer's board would show it, or null when it is closed or not theirs to see.</summary>
    public async Task<BoardRow?> RowAsync(BoardViewer viewer, int complaintId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        (await PageAsync(viewer, BoardFilter.None, now, 0, 1, complaintId, cancellationToken)).SingleOrDefault();

    /// <summary>How many open cases the viewer's filtered board holds, per deadline state at <paramref name="now"/>.</summary>
    /// <remarks>
    /// Each state is a range of the board's index (<see cref="Complaint.BoardGroup"/>, <see cref="Complaint.BoardDueAt"/>;
    /// for a department, the same keys on its tasks) counted on its own, and the ranges do not overlap (but due soon,
    /// inside not yet overdue), so every open case is visited about once and the figures always add up. One pass that
    /// works out every open case's state and groups by it cost four times as much (47,000 open cases: 42 ms against
    /// 10 ms in SQLite, bench/README.md).
    /// </remarks>
    public async Task<BoardTotals> TotalsAsync(BoardViewer viewer, BoardFilter filter, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(filter);
        if (viewer.SeesNothing)
        {
            return BoardTotals.Empty;
        }

        var keys = Keys(viewer, filter, now, null);
        var paused = await keys.CountAsync(k => k.Group == BoardGroup.Paused, cancellationToken);
        var none = await keys.CountAsync(k => k.Group == BoardGroup.NoDeadline, cancellationToken);
        var counting = keys.Where(k => k.Group == BoardGroup.CountingDown);
        var overdue = await counting.CountAsync(k => k.DueAt <= now, cancellationToken);
        var ahead = counting.Where(k => k.DueAt > now);
        var notYetDue = await ahead.CountAsync(cancellationToken);
        var dueSoon = notYetDue == 0 ? 0 : await ahead.CountAsync(k => k.DueSoonAt <= now, cancellationToken);
        return new BoardTotals(paused + none + overdue + notYetDue, overdue, dueSoon, notYetDue - dueSoon, paused);
    }

    private sealed class Projection
    {
        public int Id { get; init; }

        public string CaseNumber { get; init; } = "";

        public int? CategoryId { get; init; }

        public Priority Priority { get; init; }

        public CaseStage Stage { get; init; }

        public DateTimeOffset ReceivedAt { get; init; }

        public int Version { get; init; }

        public DateTimeOffset? NextDeadline { get; init; }

        public DateTimeOffset? NextDueSoonAt { get; init; }

        public DateTimeOffset? StageEnteredAt { get; init; }
    }

    /// <summary>What a board pages in deadline order and counts by, of one case it holds.</summary>
    private sealed class BoardKey
    {
        public int Id { get; init; }

        public BoardGroup? Group { get; init; }

        public DateTimeOffset? DueAt { get; init; }

        public DateTimeOffset? DueSoonAt { get; init; }
    }

    // The department a board is narrowed to: the viewer's own, or the one a viewer of every case chose.
    private static int? DepartmentOf(BoardViewer viewer, BoardFilter filter) => viewer.SeesEveryCase ? filter.DepartmentId : viewer.DepartmentId;

    // A department's board reads the copy of the keys on its tasks (index (department, case open, group, due, case,
    // due-soon), BoardKeysKeeper), so its page and totals are ranges of that index with no look-up per open case: one
    // task per case and department (a unique index), so the tasks count cases. A board of every case reads the cases'
    // own keys (index (archived, group, due, due-soon)).
    private IQueryable<BoardKey> Keys(BoardViewer viewer, BoardFilter filter, DateTimeOffset now, int? onlyComplaintId)
    {
        IQueryable<BoardKey> keys;
        if (DepartmentOf(viewer, filter) is { } department)
        {
            var tasks = db.DepartmentTasks.AsNoTracking().Where(t => t.DepartmentId == department && t.CaseOpen);
            if (onlyComplaintId is { } id)
            {
                tasks = tasks.Where(t => t.ComplaintId == id);
            }

            if (filter.Stage is not null || filter.Priority is not null || OtherDepartment(viewer, filter) is not null)
            {
                tasks = tasks.Join(Narrowed(db.Complaints.AsNoTracking(), viewer, filter), t => t.ComplaintId, c => c.Id, (t, c) => t);
            }

            keys = tasks.Select(t => new BoardKey { Id = t.ComplaintId, Group = t.BoardGroup, DueAt = t.BoardDueAt, DueSoonAt = t.BoardDueSoonAt });
        }
        else
        {
            keys = Narrowed(OpenCases(onlyComplaintId), viewer, filter)
                .Select(c => new BoardKey { Id = c.Id, Group = c.BoardGroup, DueAt = c.BoardDueAt, DueSoonAt = c.NextDueSoonAt });
        }

        if (filter.OverdueOnly)
        {
            keys = keys.Where(k => k.Group == BoardGroup.CountingDown && k.DueAt <= now);
        }
        else if (filter.DueSoonOnly)
        {
            keys = keys.Where(k => k.Group == BoardGroup.CountingDown && k.DueAt > now && k.DueSoonAt <= now);
        }

        return keys;
    }

    // The board's cases, for the sorts that need more than the keys: a department's are those its keys list.
    private IQueryable<Complaint> Cases(BoardViewer viewer, BoardFilter filter, DateTimeOffset now, int? onlyComplaintId)
    {
        if (DepartmentOf(viewer, filter) is not null)
        {
            var ids = Keys(viewer, filter, now, onlyComplaintId).Select(k => k.Id);
            return db.Complaints.AsNoTracking().Where(c => ids.Contains(c.Id));
        }

        var cases = Narrowed(OpenCases(onlyComplaintId), viewer, filter);
        if (filter.OverdueOnly)
        {
            cases = cases.Where(c => c.BoardGroup == BoardGroup.CountingDown && c.BoardDueAt <= now);
        }
        else if (filter.DueSoonOnly)
        {
            cases = cases.Where(c => c.BoardGroup == BoardGroup.CountingDown && c.BoardDueAt > now && c.NextDueSoonAt <= now);
        }

        return cases;
    }

    // Open cases are those with a board group (BoardKeysKeeper keeps it null at a final stage); the index starts
    // with the archive instant, so every query names it.
    private IQueryable<Complaint> OpenCases(int? onlyComplaintId)
    {
        var cases = db.Complaints.AsNoTracking().Where(c => c.ArchivedAt == null && c.BoardGroup != null);
        return onlyComplaintId is { } id ? cases.Where(c => c.Id == id) : cases;
    }

    // The filters on the case itself: stage, priority, and a second department (a department's viewer who chose another).
    private IQueryable<Complaint> Narrowed(IQueryable<Complaint> cases, BoardViewer viewer, BoardFilter filter)
    {
        if (OtherDepartment(viewer, filter) is { } other)
        {
            cases = cases.Where(c => db.DepartmentTasks.Any(t => t.ComplaintId == c.Id && t.DepartmentId == other));
        }

        if (filter.Stage is { } stage)
        {
            cases = cases.Where(c => c.Stage == stage);
        }

        if (filter.Priority is { } priority)
        {
            cases = cases.Where(c => c.Priority == priority);
        }

        return cases;
    }

    // The department chosen in the filter when the board is already another department's (the case page's rule,
    // CaseVisibility.OfDepartment; PageAsync and TotalsAsync return nothing for a viewer who sees nothing).
    private static int? OtherDepartment(BoardViewer viewer, BoardFilter filter) =>
        !viewer.SeesEveryCase && filter.DepartmentId is { } chosen && chosen != viewer.DepartmentId ? chosen : null;

    private IQueryable<Projection> Projected(IQueryable<Complaint> cases) =>
        cases.Select(c => new Projection
        {
            Id = c.Id,
            CaseNumber = c.CaseNumber,
            CategoryId = c.CategoryId,
            Priority = c.Priority,
            Stage = c.Stage,
            ReceivedAt = c.ReceivedAt,
            Version = c.Version,
            // The deadline the case counts down to, kept with its board group (BoardKeysKeeper): none while waiting
            // for the customer (the clock stopped) or with every deadline met.
            NextDeadline = c.BoardDueAt,
            NextDueSoonAt = c.NextDueSoonAt,
            StageEnteredAt = db.LedgerEvents.Where(e => e.ComplaintId == c.Id && e.FromStage != e.ToStage).Max(e => (DateTimeOffset?)e.OccurredAt),
        });

    // The deadline order is the order of the board's keys (Keys in PageAsync).
    private static IQueryable<Projection> Sorted(IQueryable<Projection> projected, BoardSort sort) => sort switch
    {
        BoardSort.Received => projected.OrderByDescending(c => c.ReceivedAt).ThenBy(c => c.Id),
        BoardSort.CaseNumber => projected.OrderBy(c => c.CaseNumber).ThenBy(c => c.Id),
        BoardSort.TimeInStage => projected.OrderBy(c => c.StageEnteredAt).ThenBy(c => c.Id),
        _ => throw new ArgumentOutOfRangeException(nameof(sort)),
    };
}
