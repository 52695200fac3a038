using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Sla;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Reporting;

/// <summary>Loads the deadlines touching a period and computes <see cref="TimelinessFigures"/> from them.</summary>
public sealed class TimelinessReport(PortalDbContext db, WorkingCalendarCache calendars)
{
    public async Task<TimelinessResult> ComputeAsync(ReportPeriod period, TimeZoneInfo zone, DateTimeOffset now, int? departmentId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (from, to) = period.UtcRange(zone);
        var facts = await FactsAsync(from, to, departmentId, withWorkingTime: true, cancellationToken);
        return TimelinessFigures.Compute(facts, from, to, now);
    }

    /// <summary>The trend: each of <paramref name="months"/> (consecutive, oldest first), from one read of their deadlines.</summary>
    public async Task<IReadOnlyList<MonthlyTimeliness>> MonthlyAsync(IReadOnlyList<ReportPeriod> months, TimeZoneInfo zone, DateTimeOffset now,
        int? departmentId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(months);
        if (months.Count == 0)
        {
            return [];
        }

        var from = months[0].UtcRange(zone).From;
        var to = months[^1].UtcRange(zone).To;
        var facts = await FactsAsync(from, to, departmentId, withWorkingTime: false, cancellationToken);
        return TimelinessFigures.Monthly(facts, months, zone, now);
    }

    private async Task<List<DeadlineFact>> FactsAsync(DateTimeOffset from, DateTimeOffset to, int? departmentId, bool withWorkingTime,
        CancellationToken cancellationToken)
    {
        var customerService = await db.Departments.AsNoTracking().Where(d => d.Code == DepartmentCatalog.CustomerService)
            .Select(d => d.Id).FirstOrDefaultAsync(cancellationToken);
        var rows = await db.CaseDeadlines.AsNoTracking()
            .Where(d => (d.MetAt >= from && d.MetAt < to) || (d.DueAt >= from && d.DueAt < to))
            .Select(d => new
            {
                d.ComplaintId,
                d.Complaint!.CaseNumber,
                TaskDepartment = d.Task == null ? (int?)null : d.Task.DepartmentId,
                d.Kind,
                d.CalendarCode,
                d.StartedAt,
                d.DueAt,
                d.MetAt,
                d.PausedWorkingTime,
            })
            .ToListAsync(cancellationToken);
        var facts = new List<DeadlineFact>(rows.Count);
        foreach (var row in rows)
        {
            var department = row.TaskDepartment ?? customerService;
            if (departmentId is not null && department != departmentId)
            {
                continue;
            }

            TimeSpan? used = null;
            if (withWorkingTime && row.MetAt is { } met)
            {
                var calendar = await calendars.GetAsync(db, row.CalendarCode, cancellationToken);
                used = DeadlineClock.WorkingTimeUsed(calendar, row.StartedAt, met, row.PausedWorkingTime);
            }

            facts.Add(new DeadlineFact(department, row.ComplaintId, row.CaseNumber, row.Kind, row.DueAt, row.MetAt, used));
        }

        return facts;
    }
}
