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
        // Met in the period, or due in it: two range reads (each on its own index) instead of one OR over the whole table.
        var metInPeriod = await Rows(db.CaseDeadlines.Where(d => d.MetAt >= from && d.MetAt < to)).ToListAsync(cancellationToken);
        var dueInPeriod = await Rows(db.CaseDeadlines.Where(d => d.DueAt >= from && d.DueAt < to && !(d.MetAt >= from && d.MetAt < to)))
            .ToListAsync(cancellationToken);
        var facts = new List<DeadlineFact>(metInPeriod.Count + dueInPeriod.Count);
        // Each calendar is looked up (and its stamp checked) once per report, not once per deadline.
        var compiled = new Dictionary<string, WorkingCalendar>(StringComparer.Ordinal);
        foreach (var row in metInPeriod.Concat(dueInPeriod))
        {
            var department = row.TaskDepartment ?? customerService;
            if (departmentId is not null && department != departmentId)
            {
                continue;
            }

            TimeSpan? used = null;
            if (withWorkingTime && row.MetAt is { } met)
            {
                if (!compiled.TryGetValue(row.CalendarCode, out var calendar))
                {
                    calendar = await calendars.GetAsync(db, row.CalendarCode, cancellationToken);
                    compiled[row.CalendarCode] = calendar;
                }

                used = DeadlineClock.WorkingTimeUsed(calendar, row.StartedAt, met, row.PausedWorkingTime);
            }

            facts.Add(new DeadlineFact(department, row.ComplaintId, row.CaseNumber, row.Kind, row.DueAt, row.MetAt, used));
        }

        return facts;
    }

    private static IQueryable<DeadlineRow> Rows(IQueryable<CaseDeadline> deadlines) => deadlines.AsNoTracking()
        .Select(d => new DeadlineRow(d.ComplaintId, d.Complaint!.CaseNumber, d.Task == null ? null : d.Task.DepartmentId, d.Kind, d.CalendarCode,
            d.StartedAt, d.DueAt, d.MetAt, d.PausedWorkingTime));

    private sealed record DeadlineRow(int ComplaintId, string CaseNumber, int? TaskDepartment, DeadlineKind Kind, string CalendarCode,
        DateTimeOffset StartedAt, DateTimeOffset DueAt, DateTimeOffset? MetAt, TimeSpan PausedWorkingTime);
}
