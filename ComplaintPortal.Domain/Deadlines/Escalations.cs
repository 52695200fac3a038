using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Deadlines;

/// <summary>A deadline still unmet past its instant, and whose it is.</summary>
/// <param name="DepartmentId">The task's department; null for the case's own deadlines (customer service).</param>
public sealed record OverdueDeadline(DeadlineKind Kind, int? DepartmentId, string? OwnerName, DateTimeOffset DueAt);

/// <summary>An open escalated case as leadership's list shows it.</summary>
public sealed record EscalatedCase(int ComplaintId, string CaseNumber, Priority Priority, CaseStage Stage, DateTimeOffset? EscalatedAt,
    IReadOnlyList<OverdueDeadline> Overdue);

/// <summary>
/// Leadership's escalation list: open cases escalated by hand, by the emergency procedure (urgent and
/// serious) or by the deadline monitor (overdue), oldest escalation first, with what is overdue now.
/// </summary>
public sealed class Escalations(PortalDbContext db)
{
    public async Task<IReadOnlyList<EscalatedCase>> ListAsync(DateTimeOffset now, int take = 200, CancellationToken cancellationToken = default)
    {
        var open = CaseStages.Open.ToList();
        var cases = await db.Complaints.AsNoTracking()
            .Where(c => c.IsEscalated && open.Contains(c.Stage))
            .OrderBy(c => c.EscalatedAt).ThenBy(c => c.Id)
            .Take(take)
            .Select(c => new { c.Id, c.CaseNumber, c.Priority, c.Stage, c.EscalatedAt })
            .ToListAsync(cancellationToken);
        var ids = cases.Select(c => c.Id).ToList();
        var overdue = (await db.CaseDeadlines.AsNoTracking()
                .Where(d => ids.Contains(d.ComplaintId) && d.MetAt == null && d.DueAt <= now)
                .Select(d => new
                {
                    d.ComplaintId,
                    d.Kind,
                    Department = d.Task == null ? (int?)null : d.Task.DepartmentId,
                    Owner = d.Task == null ? d.Complaint!.RecordedByName : d.Task.OwnerName,
                    d.DueAt,
                })
                .ToListAsync(cancellationToken))
            .OrderBy(d => d.DueAt)
            .ToLookup(d => d.ComplaintId, d => new OverdueDeadline(d.Kind, d.Department, d.Owner, d.DueAt));
        return cases.Select(c => new EscalatedCase(c.Id, c.CaseNumber, c.Priority, c.Stage, c.EscalatedAt, overdue[c.Id].ToList())).ToList();
    }
}
