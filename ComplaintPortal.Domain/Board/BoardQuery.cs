using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Board;

/// <summary>The open cases a viewer's board shows, filtered and sorted in SQL, capped at <c>max</c> rows.</summary>
public sealed class BoardQuery(PortalDbContext db)
{
    /// <summary>
    /// The next deadline of a row is the earliest unmet deadline of the case or its tasks (first response,
    /// solution plan, completion, each department's task), with the due-soon instant its policy set.
    /// </summary>
    public async Task<IReadOnlyList<BoardRow>> OpenCasesAsync(BoardViewer viewer, BoardFilter filter, DateTimeOffset now,
        int max = 300, int? onlyComplaintId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(filter);
        if (viewer.SeesNothing)
        {
            return [];
        }

        var open = CaseStages.Open.ToList();
        var cases = db.Complaints.AsNoTracking().Where(c => open.Contains(c.Stage));
        if (onlyComplaintId is { } id)
        {
            cases = cases.Where(c => c.Id == id);
        }

        if (!viewer.SeesEveryCase)
        {
            cases = cases.Where(c => c.Tasks.Any(t => t.DepartmentId == viewer.DepartmentId));
        }

        if (filter.DepartmentId is { } department)
        {
            cases = cases.Where(c => c.Tasks.Any(t => t.DepartmentId == department));
        }

        if (filter.Stage is { } stage)
        {
            cases = cases.Where(c => c.Stage == stage);
        }

        if (filter.Priority is { } priority)
        {
            cases = cases.Where(c => c.Priority == priority);
        }

        var projected = cases.Select(c => new
        {
            c.Id,
            c.CaseNumber,
            c.CategoryId,
            c.Priority,
            c.Stage,
            c.ReceivedAt,
            // Waiting for the customer stops the clock, so a paused case shows no countdown.
            NextDeadline = c.Stage == CaseStage.WaitingForCustomer
                ? null
                : db.CaseDeadlines.Where(d => d.ComplaintId == c.Id && d.MetAt == null).Min(d => (DateTimeOffset?)d.DueAt),
            NextDueSoonAt = db.CaseDeadlines.Where(d => d.ComplaintId == c.Id && d.MetAt == null)
                .OrderBy(d => d.DueAt).Select(d => (DateTimeOffset?)d.DueSoonAt).FirstOrDefault(),
            StageEnteredAt = db.LedgerEvents.Where(e => e.ComplaintId == c.Id && e.FromStage != e.ToStage).Max(e => (DateTimeOffset?)e.OccurredAt),
        });

        if (filter.OverdueOnly)
        {
            projected = projected.Where(c => c.NextDeadline != null && c.NextDeadline <= now);
        }
        else if (filter.DueSoonOnly)
        {
            projected = projected.Where(c => c.NextDeadline != null && c.NextDeadline > now && c.NextDueSoonAt <= now);
        }

        projected = filter.Sort switch
        {
            BoardSort.Deadline => projected.OrderBy(c => c.NextDeadline == null).ThenBy(c => c.NextDeadline).ThenBy(c => c.Id),
            BoardSort.Received => projected.OrderByDescending(c => c.ReceivedAt).ThenBy(c => c.Id),
            BoardSort.CaseNumber => projected.OrderBy(c => c.CaseNumber),
            BoardSort.TimeInStage => projected.OrderBy(c => c.StageEnteredAt).ThenBy(c => c.Id),
            _ => throw new ArgumentOutOfRangeException(nameof(filter)),
        };

        var rows = await projected.Take(max).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var tasks = (await db.DepartmentTasks.AsNoTracking()
                .Where(t => ids.Contains(t.ComplaintId))
                .OrderBy(t => t.Id)
                .Select(t => new { t.ComplaintId, Task = new BoardTask(t.DepartmentId, t.OwnerName, t.Status, t.Deadline) })
                .ToListAsync(cancellationToken))
            .ToLookup(t => t.ComplaintId, t => t.Task);

        return rows.Select(r => new BoardRow(
                r.Id, r.CaseNumber, r.CategoryId, r.Priority, r.Stage, r.ReceivedAt, r.StageEnteredAt ?? r.ReceivedAt,
                tasks[r.Id].ToList(), r.NextDeadline, r.NextDeadline is null ? null : r.NextDueSoonAt))
            .ToList();
    }
}
