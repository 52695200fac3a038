using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Tests.Deadlines;

namespace ComplaintPortal.Tests.Reporting;

/// <summary>The per-deadline figures read from the database: deadlines met in a period and those due in it.</summary>
public sealed class TimelinessReportTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task A_deadline_met_and_due_in_the_period_is_counted_once_in_each_figure_and_the_trend_agrees()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-03-02 09:30");
        var closed = (await s.Driver.CaseInStageAsync(CaseStage.Closed)).Id;
        var open = (await s.Driver.RegisterAsync()).Id;
        var now = s.SetLocal("2026-03-31 12:00");
        await using var db = s.Database.CreateContext();
        var report = new TimelinessReport(db, WorkingCalendarCache.Shared);
        var march = new ReportPeriod(ReportPeriodKind.Month, 2026, 3);

        var result = await report.ComputeAsync(march, Shanghai, now);

        var handled = result.Departments.SelectMany(d => d.HandledDeadlines).ToList();
        var due = result.Departments.SelectMany(d => d.DueDeadlines).ToList();
        var deadlines = (await s.DeadlinesAsync(closed)).Count;
        // Every deadline of the closed case was met in March and fell due in March: once in each list.
        Assert.True(deadlines >= 4);
        Assert.Equal(deadlines, handled.Count);
        Assert.All(handled, f => Assert.Equal(closed, f.ComplaintId));
        Assert.Equal(handled.Count, handled.DistinctBy(f => (f.ComplaintId, f.Kind, f.DepartmentId)).Count());
        Assert.Equal(deadlines + 3, due.Count);
        Assert.Equal(3, due.Count(f => f.ComplaintId == open && f.MetAt is null));
        Assert.All(handled, f => Assert.NotNull(f.WorkingTimeUsed));

        var trend = await report.MonthlyAsync(march.MonthsEndingHere(2), Shanghai, now);

        Assert.Equal((2026, 2, 0, 0), (trend[0].Year, trend[0].Month, trend[0].Handled, trend[0].DueInPeriod));
        Assert.Equal((handled.Count, result.Departments.Sum(d => d.HandledOnTime), due.Count, result.Departments.Sum(d => d.ResolvedOfDue)),
            (trend[1].Handled, trend[1].HandledOnTime, trend[1].DueInPeriod, trend[1].ResolvedOfDue));
    }
}
