using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Reporting;

namespace ComplaintPortal.Tests.Reporting;

public sealed class TimelinessFiguresTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTimeOffset March = new(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(8));

    private static DeadlineFact Fact(int department, int day, int? metDay, double hours = 5, DeadlineKind kind = DeadlineKind.DepartmentTask) =>
        new(department, day, "C" + day.ToString(System.Globalization.CultureInfo.InvariantCulture), kind, March.AddDays(day - 1).AddHours(12),
            metDay is { } m ? March.AddDays(m - 1).AddHours(10) : null, metDay is null ? null : TimeSpan.FromHours(hours));

    [Fact]
    public void On_time_rate_resolution_rate_and_average_working_time_per_department()
    {
        var (from, to) = new ReportPeriod(ReportPeriodKind.Month, 2026, 3).UtcRange(Shanghai);
        DeadlineFact[] facts =
        [
            Fact(1, 5, 5, hours: 4), Fact(1, 6, 6, hours: 6), Fact(1, 7, 9, hours: 20), Fact(1, 8, null),
            Fact(2, 10, 10), Fact(2, 40, null),
            Fact(1, 2, 3, kind: DeadlineKind.FirstResponse, hours: 7.5),
        ];

        var result = TimelinessFigures.Compute(facts, from, to, March.AddDays(20));

        var one = result.Departments.Single(d => d.DepartmentId == 1);
        Assert.Equal((4, 2, 5, 4), (one.Handled, one.HandledOnTime, one.DueInPeriod, one.ResolvedOfDue));
        Assert.Equal(50.0m, one.OnTimeRate);
        Assert.Equal(80.0m, one.ResolutionRate);
        Assert.Equal(TimeSpan.FromHours(10), one.AverageWorkingTime[DeadlineKind.DepartmentTask]);
        var two = result.Departments.Single(d => d.DepartmentId == 2);
        Assert.Equal((100.0m, 100.0m), (two.OnTimeRate, two.ResolutionRate));
        Assert.Equal(["C2", "C7", "C8"], result.Missed.Select(m => m.CaseNumber));
    }

    [Fact]
    public void Rates_are_empty_without_cases_and_round_to_one_decimal()
    {
        Assert.Null(DepartmentTimeliness.Rate(0, 0));
        Assert.Equal(66.7m, DepartmentTimeliness.Rate(2, 3));
    }

    [Fact]
    public void Quarter_runs_from_the_first_of_its_month_in_the_organisation_zone()
    {
        var period = ReportPeriod.Containing(ReportPeriodKind.Quarter, new DateTimeOffset(2026, 3, 31, 17, 0, 0, TimeSpan.Zero), Shanghai);

        Assert.Equal(new ReportPeriod(ReportPeriodKind.Quarter, 2026, 2), period);
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 16, 0, 0, TimeSpan.Zero), period.UtcRange(Shanghai).From);
    }
}
