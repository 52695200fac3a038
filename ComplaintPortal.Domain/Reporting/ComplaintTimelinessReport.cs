using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Reporting;

/// <summary>
/// Loads the complaints received in a period with their deadlines and computes the seed's per-complaint rate
/// (<see cref="ComplaintTimeliness"/>), with today's per-deadline figures (<see cref="TimelinessReport"/>) as the
/// drill-down.
/// </summary>
public sealed class ComplaintTimelinessReport(PortalDbContext db, TimelinessReport perDeadline)
{
    public async Task<ComplaintTimelinessResult> ComputeAsync(ReportPeriod period, TimeZoneInfo zone, DateTimeOffset now, int? departmentId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (from, to) = period.UtcRange(zone);
        var (overall, departments) = await RowsAsync(from, to, now, departmentId, cancellationToken);
        return new(overall, departments, await perDeadline.ComputeAsync(period, zone, now, departmentId, cancellationToken));
    }

    /// <summary>The trend: the seed's rates for each of <paramref name="months"/>, by the month the complaints were received.</summary>
    public async Task<IReadOnlyList<MonthlyComplaintTimeliness>> MonthlyAsync(IReadOnlyList<ReportPeriod> months, TimeZoneInfo zone, DateTimeOffset now,
        int? departmentId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(months);
        var trend = new List<MonthlyComplaintTimeliness>(months.Count);
        foreach (var month in months)
        {
            var (from, to) = month.UtcRange(zone);
            var (overall, _) = await RowsAsync(from, to, now, departmentId, cancellationToken);
            trend.Add(new(month.Year, month.Number, overall.Cases.Count, overall.OnTime.Count, overall.Resolved.Count));
        }

        return trend;
    }

    private async Task<(ComplaintTimelinessRow Overall, IReadOnlyList<ComplaintTimelinessRow> Departments)> RowsAsync(DateTimeOffset from,
        DateTimeOffset to, DateTimeOffset now, int? departmentId, CancellationToken cancellationToken)
    {
        var customerService = await db.Departments.AsNoTracking().Where(d => d.Code == DepartmentCatalog.CustomerService)
            .Select(d => d.Id).FirstOrDefaultAsync(cancellationToken);
        var complaints = await db.Complaints.AsNoTracking()
            .Where(c => c.ReceivedAt >= from && c.ReceivedAt < to && c.Stage != CaseStage.Duplicate)
            .Select(c => new { c.Id, c.CaseNumber, c.Stage, c.ClosedAt, c.PausedAt })
            .ToListAsync(cancellationToken);
        var numbers = complaints.ToDictionary(c => c.Id, c => c.CaseNumber);
        // The case number comes from the complaints read above: the deadlines' read stays on narrow columns.
        var deadlines = (await db.CaseDeadlines.AsNoTracking()
                .Where(d => d.Complaint!.ReceivedAt >= from && d.Complaint.ReceivedAt < to && d.Complaint.Stage != CaseStage.Duplicate)
                .Select(d => new { d.ComplaintId, Department = d.Task == null ? (int?)null : d.Task.DepartmentId, d.Kind, d.DueAt, d.MetAt })
                .ToListAsync(cancellationToken))
            .ToLookup(d => d.ComplaintId, d => new DeadlineFact(d.Department ?? customerService, d.ComplaintId, numbers[d.ComplaintId], d.Kind, d.DueAt, d.MetAt, null));
        var facts = complaints.Select(c => new ComplaintFact(c.Id, c.CaseNumber, c.Stage, c.ClosedAt, c.PausedAt, deadlines[c.Id].ToList()));
        var (overall, departments) = ComplaintTimeliness.Compute(facts, now);
        if (departmentId is not null)
        {
            // One department's view (a department head, or a chosen department): its own row stands in for the whole,
            // so the headline and the department's row are one and the same figure.
            departments = [.. departments.Where(d => d.DepartmentId == departmentId)];
            overall = departments.FirstOrDefault() ?? new ComplaintTimelinessRow(departmentId, []);
        }

        return (overall, departments);
    }
}

/// <summary>One month of the seed's rates (complaints received that month): a point of the trend.</summary>
public sealed record MonthlyComplaintTimeliness(int Year, int Month, int Complaints, int OnTime, int Resolved)
{
    public decimal? TimelinessRate => DepartmentTimeliness.Rate(OnTime, Complaints);

    public decimal? ResolutionRate => DepartmentTimeliness.Rate(Resolved, Complaints);
}
