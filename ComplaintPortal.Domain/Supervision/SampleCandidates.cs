using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Supervision;

/// <summary>
/// The handled cases a draw chooses from: every case that reached a final stage (closed, withdrawn, invalid,
/// duplicate) in [from, before). A case's stratum is the department of its first task (customer service when it
/// never left the complaint room) and its top-level category; its risks come from the case and its ledger, which
/// do not change once the case is final, so a later reproduction sees the same candidates.
/// </summary>
public static class SampleCandidates
{
    private static readonly CaseStage[] Final = [CaseStage.Closed, CaseStage.Withdrawn, CaseStage.Invalid, CaseStage.Duplicate];

    private static readonly string[] UnsatisfiedActions =
        [nameof(WorkflowAction.ReopenUnsatisfied), nameof(WorkflowAction.RequestUnsatisfiedClosure)];

    private static readonly string LeadershipApproval = nameof(WorkflowAction.ApproveUnsatisfiedClosure);

    public static async Task<IReadOnlyList<SampleCandidate>> LoadAsync(PortalDbContext db, DateTimeOffset from, DateTimeOffset before,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var handled = db.Complaints.Where(c => Final.Contains(c.Stage) && c.ClosedAt >= from && c.ClosedAt < before);
        var cases = await handled.AsNoTracking()
            .Select(c => new
            {
                c.Id,
                c.CategoryId,
                c.Priority,
                c.ReopenCount,
                c.SatisfiedWithResult,
                c.ClosedAt,
                FirstDepartment = c.Tasks.OrderBy(t => t.Id).Select(t => (int?)t.DepartmentId).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        if (cases.Count == 0)
        {
            return [];
        }

        // Joined from the period's cases, so SQLite reads each case's own deadlines and events along their case's index
        // (asked as "whose case is among them", it read every deadline and every ledger event ever written).
        var late = (await handled.AsNoTracking()
                .Join(db.CaseDeadlines, c => c.Id, d => d.ComplaintId, (c, d) => new { d.ComplaintId, d.DueAt, d.MetAt, c.ClosedAt })
                .Where(d => (d.MetAt == null && d.DueAt < d.ClosedAt) || (d.MetAt != null && d.MetAt > d.DueAt))
                .Select(d => d.ComplaintId)
                .Distinct()
                .ToListAsync(cancellationToken))
            .ToHashSet();
        var flagged = (await handled.AsNoTracking().Join(db.LedgerEvents, c => c.Id, e => e.ComplaintId, (c, e) => e)
                .Where(e => UnsatisfiedActions.Contains(e.Action) || e.Action == LeadershipApproval)
                .Select(e => new { e.ComplaintId, e.Action })
                .Distinct()
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.ComplaintId, e => e.Action);
        var customerService = await db.Departments.AsNoTracking().Where(d => d.Code == DepartmentCatalog.CustomerService)
            .Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken);
        var parents = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.ParentId, cancellationToken);

        return cases.Select(c =>
            {
                var risk = CaseRisk.None;
                var actions = flagged[c.Id].ToList();
                risk |= c.Priority == Priority.Urgent ? CaseRisk.Urgent : CaseRisk.None;
                risk |= c.ReopenCount > 0 ? CaseRisk.Reopened : CaseRisk.None;
                risk |= late.Contains(c.Id) ? CaseRisk.Overdue : CaseRisk.None;
                risk |= c.SatisfiedWithResult == false || actions.Any(a => UnsatisfiedActions.Contains(a)) ? CaseRisk.UnsatisfiedCallback : CaseRisk.None;
                risk |= actions.Contains(LeadershipApproval) ? CaseRisk.ClosedWithLeadershipApproval : CaseRisk.None;
                return new SampleCandidate(c.Id, c.FirstDepartment ?? customerService, TopLevel(c.CategoryId, parents), risk);
            })
            .ToList();
    }

    private static int? TopLevel(int? categoryId, Dictionary<int, int?> parents)
    {
        var current = categoryId;
        for (var hops = 0; current is { } id && parents.TryGetValue(id, out var parent) && parent is not null && hops < 32; hops++)
        {
            current = parent;
        }

        return current;
    }
}
