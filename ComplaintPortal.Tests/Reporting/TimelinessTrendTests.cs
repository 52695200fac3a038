using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Reporting;

namespace ComplaintPortal.Tests.Reporting;

public sealed class TimelinessTrendTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static DateTimeOffset Local(int month, int day, int hour = 12) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    private static DeadlineFact Fact(int department, DateTimeOffset due, DateTimeOffset? met) =>
        new(department, 1, "C", DeadlineKind.DepartmentTask, due, met, met is null ? null : TimeSpan.FromHours(1));

    [Fact]
    public void Quarter_trend_ends_with_its_last_month_and_a_year_with_december()
    {
        var months = new ReportPeriod(ReportPeriodKind.Quarter, 2026, 1).MonthsEndingHere(4);

        Assert.Equal([(2025, 12), (2026, 1), (2026, 2), (2026, 3)], months.Select(m => (m.Year, m.Number)));
        Assert.All(months, m => Assert.Equal(ReportPeriodKind.Month, m.Kind));
        var year = new ReportPeriod(ReportPeriodKind.Year, 2026, 1).MonthsEndingHere(12);
        Assert.Equal([(2026, 1), (2026, 12)], new[] { year[0], year[^1] }.Select(m => (m.Year, m.Number)));
    }

    [Fact]
    public void Each_month_counts_what_was_met_and_fell_due_in_it_across_departments()
    {
        DeadlineFact[] facts =
        [
            Fact(1, Local(1, 10), Local(1, 9)), Fact(2, Local(1, 20), Local(2, 2)),
            Fact(1, Local(2, 10), Local(2, 10, hour: 11)), Fact(2, Local(2, 25), null),
        ];
        var months = new ReportPeriod(ReportPeriodKind.Month, 2026, 3).MonthsEndingHere(3);

        var trend = TimelinessFigures.Monthly(facts, months, Shanghai, Local(3, 15));

        var (january, february, march) = (trend[0], trend[1], trend[2]);
        // The January deadline met late in February counts as resolved for January and as handled (late) in February.
        Assert.Equal((1, 1, 2, 2), (january.Handled, january.HandledOnTime, january.DueInPeriod, january.ResolvedOfDue));
        Assert.Equal((100.0m, 100.0m), (january.OnTimeRate, january.ResolutionRate));
        Assert.Equal((2, 1, 2, 1), (february.Handled, february.HandledOnTime, february.DueInPeriod, february.ResolvedOfDue));
        Assert.Equal((50.0m, 50.0m), (february.OnTimeRate, february.ResolutionRate));
        Assert.Equal((0, 0, null, null), (march.Handled, march.DueInPeriod, march.OnTimeRate, march.ResolutionRate));
    }
}
