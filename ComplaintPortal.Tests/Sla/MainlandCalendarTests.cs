using ComplaintPortal.Domain.Sla;

namespace ComplaintPortal.Tests.Sla;

// Mainland hours: Monday–Friday 09:00–12:00 and 13:30–18:00 (7.5 h), Asia/Shanghai. Expected instants are
// worked out by hand from the 2026 State Council notice; the comments show the arithmetic.
public class MainlandCalendarTests
{
    private static readonly WorkingCalendar Calendar = SlaCalendars.Mainland;

    [Theory]
    [InlineData("2026-03-02 11:00", 2.0, "2026-03-02 14:30")]   // 11–12 (1 h), lunch, 13:30–14:30
    [InlineData("2026-03-02 12:15", 1.0, "2026-03-02 14:30")]   // starts in the lunch break
    [InlineData("2026-03-02 11:30", 0.5, "2026-03-02 12:00")]   // runs out at the end of a period, not at 13:30
    [InlineData("2026-03-02 09:00", 7.5, "2026-03-02 18:00")]   // a whole day ends at 18:00 that day
    public void Deadline_skips_the_lunch_break(string start, double hours, string expected) =>
        AssertDeadline(start, hours, expected);

    [Theory]
    [InlineData("2026-03-02 20:00", 1.0, "2026-03-03 10:00")]   // night
    [InlineData("2026-03-03 05:00", 1.0, "2026-03-03 10:00")]   // early morning
    [InlineData("2026-03-02 18:00", 1.0, "2026-03-03 10:00")]   // exactly at closing time
    [InlineData("2026-03-07 10:00", 1.0, "2026-03-09 10:00")]   // Saturday → Monday
    [InlineData("2026-04-06 10:00", 2.0, "2026-04-07 11:00")]   // 清明 Monday → Tuesday
    [InlineData("2026-02-18 10:00", 1.0, "2026-02-24 10:00")]   // inside Spring Festival (Feb 15–23)
    public void Start_outside_working_hours_begins_at_the_next_working_period(string start, double hours, string expected) =>
        AssertDeadline(start, hours, expected);

    [Theory]
    // Fri 16–18 (2 h), Sat Feb 14 worked (7.5 h), Feb 15–23 off, Tue Feb 24 09–12 (3 h) + 13:30–16:00 (2.5 h) = 15 h
    [InlineData("2026-02-13 16:00", 15.0, "2026-02-24 16:00")]
    // Thu Apr 30 15–18 (3 h), May 1–5 off, Wed May 6 09–12 (3 h) + 13:30–15:00 (1.5 h) = 7.5 h
    [InlineData("2026-04-30 15:00", 7.5, "2026-05-06 15:00")]
    // Wed Sep 30 10:00–18:00 (6.5 h), Oct 1–7 off, Oct 8 and 9 (15 h), Sat Oct 10 worked 09–10 (1 h) = 22.5 h
    [InlineData("2026-09-30 10:00", 22.5, "2026-10-10 10:00")]
    // Thu Sep 24 17–18 (1 h), 中秋 Fri Sep 25 off, weekend, Mon Sep 28 09–10 (1 h)
    [InlineData("2026-09-24 17:00", 2.0, "2026-09-28 10:00")]
    // Thu Jun 18 17–18 (1 h), 端午 Fri Jun 19 off, weekend, Mon Jun 22 09–10 (1 h)
    [InlineData("2026-06-18 17:00", 2.0, "2026-06-22 10:00")]
    public void Deadline_skips_public_holidays(string start, double hours, string expected) =>
        AssertDeadline(start, hours, expected);

    [Theory]
    [InlineData("2025-12-31 17:00", 2.0, "2026-01-04 10:00")]   // 元旦 Jan 1–3 off, Sun Jan 4 worked; crosses the year
    [InlineData("2026-02-13 17:00", 2.0, "2026-02-14 10:00")]
    [InlineData("2026-02-27 17:00", 2.0, "2026-02-28 10:00")]
    [InlineData("2026-05-08 17:00", 2.0, "2026-05-09 10:00")]
    [InlineData("2026-09-18 17:00", 2.0, "2026-09-20 10:00")]   // Sat Sep 19 is off, Sun Sep 20 worked
    [InlineData("2026-10-09 17:00", 2.0, "2026-10-10 10:00")]
    public void Deadline_falls_on_make_up_working_day(string start, double hours, string expected) =>
        AssertDeadline(start, hours, expected);

    [Theory]
    [InlineData("2026-01-04")]
    [InlineData("2026-02-14")]
    [InlineData("2026-02-28")]
    [InlineData("2026-05-09")]
    [InlineData("2026-09-20")]
    [InlineData("2026-10-10")]
    public void Make_up_weekend_day_is_worked_like_a_monday(string date)
    {
        var day = SlaCalendars.Date(date);

        Assert.True(day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.Equal(TimeSpan.FromHours(7.5), Calendar.WorkingTimeOn(day));
        Assert.True(Calendar.IsWorkingTime(Calendar.At(date + " 09:00")));
        Assert.False(Calendar.IsWorkingTime(Calendar.At(date + " 12:30")));
        Assert.True(Calendar.IsWorkingTime(Calendar.At(date + " 17:59")));
        Assert.False(Calendar.IsWorkingTime(Calendar.At(date + " 18:00")));
    }

    [Fact]
    public void Ordinary_weekend_is_not_worked()
    {
        Assert.False(Calendar.IsWorkingDay(SlaCalendars.Date("2026-03-07")));
        Assert.False(Calendar.IsWorkingDay(SlaCalendars.Date("2026-03-08")));
    }

    [Fact]
    public void Year_2026_has_248_working_days()
    {
        // 365 days − 104 weekend days − 19 holidays on weekdays + 6 make-up weekend days = 248.
        var days = Enumerable.Range(0, 365).Select(i => new DateOnly(2026, 1, 1).AddDays(i));

        Assert.Equal(248, days.Count(Calendar.IsWorkingDay));
    }

    [Fact]
    public void Holiday_keeps_its_name()
    {
        Assert.True(Calendar.TryGetSpecialDay(SlaCalendars.Date("2026-10-03"), out var day));
        Assert.Equal("国庆节", day.Name);
        Assert.Equal(SpecialDayKind.DayOff, day.Kind);
    }

    [Theory]
    [InlineData("2026-03-02 09:00", "2026-03-02 09:00")]
    [InlineData("2026-03-02 12:00", "2026-03-02 13:30")]
    [InlineData("2026-03-02 18:00", "2026-03-03 09:00")]
    [InlineData("2026-02-13 18:30", "2026-02-14 09:00")]
    [InlineData("2026-09-30 18:00", "2026-10-08 09:00")]
    public void Next_working_instant_is_the_next_period_start(string instant, string expected) =>
        Assert.Equal(expected, Calendar.Local(Calendar.NextWorkingInstant(Calendar.At(instant))));

    [Fact]
    public void Zero_working_time_returns_the_start_unchanged()
    {
        var saturdayNight = Calendar.At("2026-03-07 23:00");

        Assert.Equal(saturdayNight, Calendar.AddWorkingTime(saturdayNight, TimeSpan.Zero));
    }

    private static void AssertDeadline(string start, double hours, string expected)
    {
        var deadline = Calendar.AddWorkingTime(Calendar.At(start), TimeSpan.FromHours(hours));

        Assert.Equal(expected, Calendar.Local(deadline));
        Assert.Equal(TimeSpan.Zero, deadline.Offset);
    }
}
