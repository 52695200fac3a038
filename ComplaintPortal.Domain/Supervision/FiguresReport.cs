using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Supervision;

/// <summary>
/// Loads the facts of one period and computes its <see cref="PeriodFigures"/>: the cases closed (結案) in the
/// period, with every department that had a task on them (and customer service on all), on time when all that
/// department's time limits on the case were met by their deadlines; the handler is whoever reported back for
/// the department (customer service: whoever replied to the customer). Spot checks and notices are those of
/// the period's active draw.
/// </summary>
public sealed class FiguresReport(PortalDbContext db)
{
    private static readonly string ReportBack = nameof(WorkflowAction.ReportBack);
    private static readonly string Reply = nameof(WorkflowAction.Reply);

    public async Task<PeriodFigures> ComputeAsync(ReportPeriod period, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (from, to) = period.UtcRange(zone);
        var customerService = await db.Departments.AsNoTracking().Where(d => d.Code == DepartmentCatalog.CustomerService)
            .Select(d => d.Id).FirstOrDefaultAsync(cancellationToken);
        var closed = db.Complaints.Where(c => c.Stage == CaseStage.Closed && c.ClosedAt >= from && c.ClosedAt < to);
        var cases = await closed.AsNoTracking()
            .Select(c => new { c.Id, c.SatisfiedWithResult, c.ReopenCount, Departments = c.Tasks.Select(t => t.DepartmentId).ToList() })
            .ToListAsync(cancellationToken);
        // Joined from the period's cases, so SQLite reads each case's own deadlines and events along their case's index
        // (asked as "whose case is among them", it read every deadline and every ledger event ever written).
        var deadlines = (await closed.AsNoTracking().Join(db.CaseDeadlines, c => c.Id, d => d.ComplaintId, (c, d) => d)
                .Select(d => new { d.ComplaintId, Department = d.Task == null ? (int?)null : d.Task.DepartmentId, d.DueAt, d.MetAt })
                .ToListAsync(cancellationToken))
            .ToLookup(d => d.ComplaintId);
        var handlers = (await closed.AsNoTracking().Join(db.LedgerEvents, c => c.Id, e => e.ComplaintId, (c, e) => e)
                .Where(e => e.Action == ReportBack || e.Action == Reply)
                .Select(e => new { e.Id, e.ComplaintId, e.Action, e.DepartmentId, e.ActorUserId, e.ActorName })
                .ToListAsync(cancellationToken))
            .OrderBy(e => e.Id)
            .ToLookup(e => (e.ComplaintId, Department: e.Action == Reply ? customerService : e.DepartmentId ?? 0));

        var handled = cases.Select(c => new HandledCaseFact(c.Id, c.SatisfiedWithResult, c.ReopenCount > 0,
                c.Departments.Prepend(customerService).Distinct().Select(department =>
                {
                    var own = deadlines[c.Id].Where(d => department == customerService ? d.Department is null : d.Department == department);
                    var handler = handlers[(c.Id, department)].LastOrDefault();
                    return new DepartmentShare(department, own.All(d => d.MetAt is { } met && met <= d.DueAt), handler?.ActorUserId, handler?.ActorName);
                }).ToList()))
            .ToList();

        var (checks, wording) = await ChecksAsync(period, customerService, cancellationToken);
        var (kind, year, number) = (period.Kind, period.Year, period.Number);
        var notices = (await db.RectificationNotices.AsNoTracking()
                .Where(n => n.SampledCase!.Draw!.Status == SampleDrawStatus.Active && n.SampledCase.Draw.PeriodKind == kind
                    && n.SampledCase.Draw.PeriodYear == year && n.SampledCase.Draw.PeriodNumber == number)
                .ToListAsync(cancellationToken))
            .Select(n => new NoticeFact(n.DepartmentId, n.Status, n.WentOverdue(now)))
            .ToList();
        return RewardPenaltyFigures.Compute(SampleDraw.PeriodKey(period), now, handled, checks, notices, wording);
    }

    private async Task<(List<CheckFact> Checks, List<ItemWording> Wording)> ChecksAsync(ReportPeriod period, int customerService, CancellationToken ct)
    {
        var (kind, year, number) = (period.Kind, period.Year, period.Number);
        var checkedCases = await db.SampledCases.AsNoTracking().Include(s => s.Results)
            .Where(s => s.CheckStatus == CheckStatus.Completed && s.Draw!.Status == SampleDrawStatus.Active && s.Draw.PeriodKind == kind
                && s.Draw.PeriodYear == year && s.Draw.PeriodNumber == number)
            .ToListAsync(ct);
        var complaintIds = checkedCases.Select(s => s.ComplaintId).Distinct().ToList();
        var taking = (await db.DepartmentTasks.AsNoTracking().Where(t => complaintIds.Contains(t.ComplaintId))
                .Select(t => new { t.ComplaintId, t.DepartmentId }).ToListAsync(ct))
            .ToLookup(t => t.ComplaintId, t => t.DepartmentId);
        var checks = checkedCases.Select(s => new CheckFact(
                taking[s.ComplaintId].Prepend(customerService).Distinct().ToList(),
                s.Results.Select(r => new CheckResultFact(r.ItemCode, r.Outcome, r.ResponsibleDepartmentId)).ToList()))
            .ToList();

        var versionIds = await db.SampleDraws.AsNoTracking().Where(d => d.Status == SampleDrawStatus.Active && d.PeriodKind == kind
                && d.PeriodYear == year && d.PeriodNumber == number)
            .Select(d => d.ChecklistVersionId).ToListAsync(ct);
        var items = await db.ChecklistItems.AsNoTracking().Where(i => versionIds.Contains(i.ChecklistVersionId)).ToListAsync(ct);
        var wording = items.OrderByDescending(i => i.ChecklistVersionId).ThenBy(i => i.Position)
            .DistinctBy(i => i.Code, StringComparer.Ordinal)
            .OrderBy(i => i.Position)
            .Select(i => new ItemWording(i.Code, i.TextZhHans, i.TextZhHant, i.TextEn))
            .ToList();
        return (checks, wording);
    }
}
