using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Reporting;

/// <summary>
/// The timeliness page's figures from the kept counts (<see cref="TimelinessCount"/>): a handful of small reads,
/// whatever the number of cases. The figures equal <see cref="ComplaintTimelinessReport"/>'s; the cases behind one
/// figure come from <see cref="TimelinessFigureList"/>, a page at a time.
/// </summary>
public sealed class KeptTimelinessReport(PortalDbContext db)
{
    public async Task<KeptTimelinessResult> ComputeAsync(ReportPeriod period, int trendMonths, TimeZoneInfo zone, DateTimeOffset now,
        int? departmentId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(zone);
        await TimelinessCounts.EnsureAsync(db, zone, now, cancellationToken);
        var (from, to) = period.UtcRange(zone);
        var months = period.MonthsEndingHere(trendMonths);
        var periodMonths = period.Months().Select(m => m.MonthKey()).ToHashSet();
        var (first, last) = (Math.Min(months[0].MonthKey(), periodMonths.Min()), periodMonths.Max());
        var cells = await db.Set<TimelinessCount>().AsNoTracking()
            .Where(c => c.Month >= first && c.Month <= last && (departmentId == null || c.DepartmentId == departmentId || c.DepartmentId == TimelinessCount.WholeOrganisation))
            .GroupBy(c => new { c.Month, c.DepartmentId, c.Kind })
            .Select(g => new Cell(g.Key.Month, g.Key.DepartmentId, g.Key.Kind, g.Sum(c => c.Complaints), g.Sum(c => c.Resolved), g.Sum(c => c.Open),
                g.Sum(c => c.Late), g.Sum(c => c.OpenLate), g.Sum(c => c.Handled), g.Sum(c => c.HandledOnTime), g.Sum(c => c.WorkingTicks),
                g.Sum(c => c.Due), g.Sum(c => c.ResolvedOfDue)))
            .ToListAsync(cancellationToken);
        // Open complaints that have turned late with the clock since their last change.
        var lateByClock = await db.Set<TimelinessWatch>().AsNoTracking()
            .Where(w => w.Month >= first && w.Month <= last && w.LateFrom <= now)
            .GroupBy(w => new { w.Month, w.DepartmentId })
            .Select(g => new { g.Key.Month, g.Key.DepartmentId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Clock(int month, int department) => lateByClock.Where(w => w.Month == month && w.DepartmentId == department).Sum(w => w.Count);

        ComplaintCounts Row(int department, IEnumerable<int> inMonths)
        {
            var set = inMonths.ToHashSet();
            var own = cells.Where(c => c.Kind == null && c.DepartmentId == department && set.Contains(c.Month)).ToList();
            var clock = set.Sum(m => Clock(m, department));
            var (complaints, late, openLate) = (own.Sum(c => c.Complaints), own.Sum(c => c.Late) + clock, own.Sum(c => c.OpenLate) + clock);
            return new ComplaintCounts(department == TimelinessCount.WholeOrganisation ? null : department, complaints, complaints - late,
                own.Sum(c => c.Open) - openLate, own.Sum(c => c.Resolved));
        }

        var departments = cells.Where(c => c.Kind == null && c.DepartmentId != TimelinessCount.WholeOrganisation && periodMonths.Contains(c.Month))
            .Select(c => c.DepartmentId).Distinct().Order()
            .Select(d => Row(d, periodMonths)).Where(r => r.Complaints > 0).ToList();
        if (departmentId is not null)
        {
            departments = [.. departments.Where(d => d.DepartmentId == departmentId)];
        }

        var overall = departmentId is null ? Row(TimelinessCount.WholeOrganisation, periodMonths)
            : departments.FirstOrDefault() ?? new ComplaintCounts(departmentId, 0, 0, 0, 0);
        var trend = months.Select(m =>
        {
            var row = departmentId is null ? Row(TimelinessCount.WholeOrganisation, [m.MonthKey()]) : Row(departmentId.Value, [m.MonthKey()]);
            return new MonthlyComplaintTimeliness(m.Year, m.Number, row.Complaints, row.OnTime, row.Resolved);
        }).ToList();

        var perDeadline = PerDeadline(cells.Where(c => c.Kind != null && periodMonths.Contains(c.Month) && (departmentId == null || c.DepartmentId == departmentId)));
        var missed = perDeadline.Sum(d => d.Handled - d.HandledOnTime + d.DueInPeriod - d.ResolvedOfDue)
            - await NotYetDueAsync(from, to, now, departmentId, cancellationToken);
        return new KeptTimelinessResult(overall, departments, perDeadline, missed, trend);
    }

    private static List<DeadlineCounts> PerDeadline(IEnumerable<Cell> cells) => cells
        .GroupBy(c => c.DepartmentId)
        .Where(g => g.Sum(c => c.Handled) + g.Sum(c => c.Due) > 0)
        .OrderBy(g => g.Key)
        .Select(g => new DeadlineCounts(g.Key, g.Sum(c => c.Handled), g.Sum(c => c.HandledOnTime), g.Sum(c => c.Due), g.Sum(c => c.ResolvedOfDue),
            g.GroupBy(c => c.Kind!.Value).Where(k => k.Sum(c => c.Handled) > 0)
                .ToDictionary(k => k.Key, k => TimeSpan.FromTicks((long)((double)k.Sum(c => c.WorkingTicks) / k.Sum(c => c.Handled))))))
        .ToList();

    /// <summary>Unmet deadlines of the period not yet due at <paramref name="now"/>: due in it but not missed (yet).</summary>
    private async Task<int> NotYetDueAsync(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, int? departmentId, CancellationToken ct)
    {
        var start = now > from ? now : from;
        if (start >= to)
        {
            return 0;
        }

        var customerService = await db.Departments.AsNoTracking().Where(d => d.Code == DepartmentCatalog.CustomerService)
            .Select(d => d.Id).FirstOrDefaultAsync(ct);
        return await db.CaseDeadlines.AsNoTracking()
            .Where(d => d.DueAt >= start && d.DueAt < to && d.MetAt == null)
            .Where(d => departmentId == null || (d.Task == null ? customerService : d.Task.DepartmentId) == departmentId)
            .CountAsync(ct);
    }

    private sealed record Cell(int Month, int DepartmentId, DeadlineKind? Kind, int Complaints, int Resolved, int Open, int Late, int OpenLate,
        int Handled, int HandledOnTime, long WorkingTicks, int Due, int ResolvedOfDue);
}
