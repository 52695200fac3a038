using System.Linq.Expressions;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Board;

/// <summary>The open cases a viewer's board shows, filtered, sorted and paged in SQL, and their totals per deadline state.</summary>
public sealed class BoardQuery(PortalDbContext db)
{
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
        var ids = await Sorted(Filtered(viewer, filter, now, onlyComplaintId), filter.Sort)
            .Skip(skip).Take(take).Select(c => c.Id).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        var place = ids.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
        var rows = (await Projected(db.Complaints.AsNoTracking().Where(c => ids.Contains(c.Id))).ToListAsync(cancellationToken))
            .OrderBy(r => place[r.Id]).ToList();
        var tasks = (await db.DepartmentTasks.AsNoTracking()
                .Where(t => ids.Contains(t.ComplaintId))
                .OrderBy(t => t.Id)
                .Select(t => new { t.ComplaintId, Task = new BoardTask(t.DepartmentId, t.OwnerName, t.Status, t.Deadline) })
                .ToListAsync(cancellationToken))
            .ToLookup(t => t.ComplaintId, t => t.Task);
        var provisional = (await db.CaseDeadlines.AsNoTracking()
                .Where(d => ids.Contains(d.ComplaintId) && d.MetAt == null && d.IsProvisional)
                .Select(d => d.ComplaintId).Distinct().ToListAsync(cancellationToken))
            .ToHashSet();

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
    /// Each state is a range of the board's index (<see cref="Complaint.BoardGroup"/>, <see cref="Complaint.BoardDueAt"/>)
    /// counted on its own, and the ranges do not overlap (but due soon, inside not yet overdue), so every open case is
    /// visited about once and the figures always add up. One pass that works out every open case's state and groups
    /// by it cost four times as much (47,000 open cases: 42 ms against 10 ms in SQLite, bench/README.md).
    /// </remarks>
    public async Task<BoardTotals> TotalsAsync(BoardViewer viewer, BoardFilter filter, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(filter);
        if (viewer.SeesNothing)
        {
            return BoardTotals.Empty;
        }

        var cases = Cases(viewer, filter, now, null);
        var paused = await cases.CountAsync(c => c.BoardGroup == BoardGroup.Paused, cancellationToken);
        var none = await cases.CountAsync(c => c.BoardGroup == BoardGroup.NoDeadline, cancellationToken);
        var counting = cases.Where(c => c.BoardGroup == BoardGroup.CountingDown);
        var overdue = await counting.CountAsync(c => c.BoardDueAt <= now, cancellationToken);
        var ahead = counting.Where(c => c.BoardDueAt > now);
        var notYetDue = await ahead.CountAsync(cancellationToken);
        var dueSoon = notYetDue == 0 ? 0 : await ahead.CountAsync(c => c.NextDueSoonAt <= now, cancellationToken);
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

        public BoardGroup? Group { get; init; }
    }

    private IQueryable<Projection> Filtered(BoardViewer viewer, BoardFilter filter, DateTimeOffset now, int? onlyComplaintId) =>
        Projected(Cases(viewer, filter, now, onlyComplaintId));

    // Open cases are those with a board group (BoardKeysKeeper keeps it null at a final stage); the index starts
    // with the archive instant, so every query names it.
    private IQueryable<Complaint> Cases(BoardViewer viewer, BoardFilter filter, DateTimeOffset now, int? onlyComplaintId)
    {
        var cases = db.Complaints.AsNoTracking().Where(c => c.ArchivedAt == null && c.BoardGroup != null);
        if (onlyComplaintId is { } id)
        {
            cases = cases.Where(c => c.Id == id);
        }

        if (!viewer.SeesEveryCase)
        {
            // The case page's rule (CaseVisibility.OfDepartment) for open cases; PageAsync and TotalsAsync return
            // nothing for a viewer who sees nothing.
            cases = cases.Where(OfDepartment(viewer.DepartmentId ?? -1));
        }

        if (filter.DepartmentId is { } department)
        {
            cases = cases.Where(OfDepartment(department));
        }

        if (filter.Stage is { } stage)
        {
            cases = cases.Where(c => c.Stage == stage);
        }

        if (filter.Priority is { } priority)
        {
            cases = cases.Where(c => c.Priority == priority);
        }

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

    // An open case on which the department has a task, as one list from the tasks' (department, case open) index that
    // every open case is looked up in: checking each of 47,000 open cases for a task of the department took 70-150 ms
    // at 1,000,000 cases (bench/README.md). BoardKeysKeeper keeps the flag with the stage.
    private Expression<Func<Complaint, bool>> OfDepartment(int departmentId) =>
        c => db.DepartmentTasks.Where(t => t.DepartmentId == departmentId && t.CaseOpen).Select(t => t.ComplaintId).Contains(c.Id);

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
            Group = c.BoardGroup,
            StageEnteredAt = db.LedgerEvents.Where(e => e.ComplaintId == c.Id && e.FromStage != e.ToStage).Max(e => (DateTimeOffset?)e.OccurredAt),
        });

    private static IQueryable<Projection> Sorted(IQueryable<Projection> projected, BoardSort sort) => sort switch
    {
        // The board index's order: counting down by deadline, then no deadline, then paused (BoardRowOrder).
        BoardSort.Deadline => projected.OrderBy(c => c.Group).ThenBy(c => c.NextDeadline).ThenBy(c => c.Id),
        BoardSort.Received => projected.OrderByDescending(c => c.ReceivedAt).ThenBy(c => c.Id),
        BoardSort.CaseNumber => projected.OrderBy(c => c.CaseNumber).ThenBy(c => c.Id),
        BoardSort.TimeInStage => projected.OrderBy(c => c.StageEnteredAt).ThenBy(c => c.Id),
        _ => throw new ArgumentOutOfRangeException(nameof(sort)),
    };
}
