using ComplaintPortal.Domain.Sla;

namespace ComplaintPortal.Tests.Sla;

public class WorkingTimeBetweenTests
{
    private static readonly DateTimeOffset YearStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan SevenWorkingDays = TimeSpan.FromHours(7 * 7.5);

    public static TheoryData<string> Calendars => ["CN", "TW"];

    [Theory]
    [InlineData("2026-03-02 11:00", "2026-03-02 14:30", 2.0)]
    [InlineData("2026-02-13 16:00", "2026-02-24 16:00", 15.0)]
    [InlineData("2026-03-07 00:00", "2026-03-09 00:00", 0.0)]   // a weekend
    [InlineData("2026-09-30 10:00", "2026-10-10 10:00", 22.5)]
    [InlineData("2025-12-31 17:00", "2026-01-04 10:00", 2.0)]   // across the year boundary
    public void Counts_only_working_time(string from, string to, double hours)
    {
        var calendar = SlaCalendars.Mainland;

        Assert.Equal(TimeSpan.FromHours(hours), calendar.WorkingTimeBetween(calendar.At(from), calendar.At(to)));
    }

    [Fact]
    public void Reversed_interval_gives_the_negated_working_time()
    {
        var calendar = SlaCalendars.Mainland;

        Assert.Equal(TimeSpan.FromHours(-2), calendar.WorkingTimeBetween(calendar.At("2026-03-02 14:30"), calendar.At("2026-03-02 11:00")));
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void Working_time_between_start_and_deadline_is_the_working_time_added(string code)
    {
        var calendar = Pick(code);
        var random = new Random(42);
        for (int i = 0; i < 20_000; i++)
        {
            var start = RandomInstantIn2026(random);
            var workingTime = TimeSpan.FromMinutes(random.Next(1, (int)SevenWorkingDays.TotalMinutes + 1));

            var deadline = calendar.AddWorkingTime(start, workingTime);

            Assert.Equal(workingTime, calendar.WorkingTimeBetween(start, deadline));
            // The deadline is the end of worked time: the moment just before it was working time.
            Assert.True(calendar.IsWorkingTime(deadline.AddTicks(-1)), $"{calendar.Local(start)} + {workingTime}");
        }
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void Adding_the_working_time_between_two_instants_reaches_the_later_one(string code)
    {
        var calendar = Pick(code);
        var random = new Random(42);
        for (int i = 0; i < 20_000; i++)
        {
            var from = RandomInstantIn2026(random);
            var to = from.AddMinutes(random.Next(0, 20 * 24 * 60));
            var between = calendar.WorkingTimeBetween(from, to);

            var reached = calendar.AddWorkingTime(from, between);

            // Equal to `to`, or the end of the last period worked before it when `to` is off hours.
            Assert.True(reached <= to);
            Assert.Equal(TimeSpan.Zero, calendar.WorkingTimeBetween(reached, to));
            Assert.Equal(-between, calendar.WorkingTimeBetween(to, from));
        }
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void Counting_backwards_leaves_exactly_that_working_time(string code)
    {
        var calendar = Pick(code);
        var random = new Random(42);
        for (int i = 0; i < 5_000; i++)
        {
            var start = RandomInstantIn2026(random);
            var workingTime = TimeSpan.FromMinutes(random.Next(1, (int)SevenWorkingDays.TotalMinutes + 1));

            var earlier = calendar.AddWorkingTime(start, -workingTime);

            Assert.Equal(workingTime, calendar.WorkingTimeBetween(earlier, start));
        }
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void Agrees_with_a_day_by_day_count(string code)
    {
        var calendar = Pick(code);
        var random = new Random(42);
        for (int i = 0; i < 1_000; i++)
        {
            var from = RandomInstantIn2026(random);
            var to = from.AddMinutes(random.Next(0, 40 * 24 * 60));

            Assert.Equal(DayByDayWorkingTime(calendar, from, to), calendar.WorkingTimeBetween(from, to));
        }
    }

    private static WorkingCalendar Pick(string code) => code == "CN" ? SlaCalendars.Mainland : SlaCalendars.Taiwan;

    private static DateTimeOffset RandomInstantIn2026(Random random) =>
        YearStart.AddMinutes(random.Next(0, 365 * 24 * 60));

    /// <summary>An independent, slow reading of the definition: each local date's periods, overlapped with [from, to).</summary>
    private static TimeSpan DayByDayWorkingTime(WorkingCalendar calendar, DateTimeOffset from, DateTimeOffset to)
    {
        var definition = calendar.Definition;
        var specialDays = definition.SpecialDays.ToDictionary(d => d.Date);
        var total = TimeSpan.Zero;
        var firstDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, calendar.TimeZone).DateTime).AddDays(-1);
        var lastDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, calendar.TimeZone).DateTime).AddDays(1);
        for (var date = firstDate; date <= lastDate; date = date.AddDays(1))
        {
            var pattern = date.DayOfWeek;
            if (specialDays.TryGetValue(date, out var special))
            {
                if (special.Kind == SpecialDayKind.DayOff)
                {
                    continue;
                }

                pattern = definition.StandardWeekday;
            }

            foreach (var period in definition.WeeklyPeriods.Where(p => p.Day == pattern))
            {
                var start = Utc(calendar, date.ToDateTime(period.Start));
                var end = Utc(calendar, date.ToDateTime(period.End));
                var overlapStart = start > from ? start : from;
                var overlapEnd = end < to ? end : to;
                if (overlapEnd > overlapStart)
                {
                    total += overlapEnd - overlapStart;
                }
            }
        }

        return total;
    }

    private static DateTimeOffset Utc(WorkingCalendar calendar, DateTime local) =>
        new(TimeZoneInfo.ConvertTimeToUtc(local, calendar.TimeZone), TimeSpan.Zero);
}
