using ComplaintPortal.Domain.Sla;

namespace ComplaintPortal.Tests.Sla;

// Taiwan hours: Monday–Friday 08:30–12:30 and 13:30–17:30 (8 h), Asia/Taipei, with the DGPA 2026 office calendar.
public class TaiwanCalendarTests
{
    private static readonly WorkingCalendar Calendar = SlaCalendars.Taiwan;

    [Theory]
    [InlineData("2026-02-13 17:00", "2026-02-23 09:00")]   // Feb 14–22 off, incl. 補假 Fri Feb 20 for 除夕前一日
    [InlineData("2026-02-26 17:00", "2026-03-02 09:00")]   // 228 on Saturday → 補假 Fri Feb 27
    [InlineData("2026-04-02 17:00", "2026-04-07 09:00")]   // 兒童節 Sat → Fri Apr 3, 清明 Sun → Mon Apr 6
    [InlineData("2026-09-24 17:00", "2026-09-29 09:00")]   // 中秋 Fri Sep 25, 教師節 Mon Sep 28
    [InlineData("2026-10-08 17:00", "2026-10-12 09:00")]   // 國慶 Sat → 補假 Fri Oct 9
    [InlineData("2026-10-23 17:00", "2026-10-27 09:00")]   // 光復節 Sun → 補假 Mon Oct 26
    [InlineData("2026-12-24 17:00", "2026-12-28 09:00")]   // 行憲紀念日 Fri Dec 25
    public void Deadline_skips_holidays_and_their_make_up_days_off(string start, string expected)
    {
        // Half an hour before closing, then half an hour after opening on the next working day.
        var deadline = Calendar.AddWorkingTime(Calendar.At(start), TimeSpan.FromHours(1));

        Assert.Equal(expected, Calendar.Local(deadline));
    }

    [Theory]
    [InlineData("2026-02-20")]
    [InlineData("2026-02-27")]
    [InlineData("2026-04-03")]
    [InlineData("2026-04-06")]
    [InlineData("2026-10-09")]
    [InlineData("2026-10-26")]
    public void Make_up_day_off_for_a_weekend_holiday_falls_on_a_weekday_and_is_not_worked(string date)
    {
        var day = SlaCalendars.Date(date);

        Assert.True(day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        Assert.False(Calendar.IsWorkingDay(day));
        Assert.True(Calendar.TryGetSpecialDay(day, out var special));
        Assert.EndsWith("補假", special.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Lunch_hour_is_not_worked()
    {
        // 12:00–12:30 (0.5 h), lunch 12:30–13:30, 13:30–14:00 (0.5 h)
        var deadline = Calendar.AddWorkingTime(Calendar.At("2026-03-02 12:00"), TimeSpan.FromHours(1));

        Assert.Equal("2026-03-02 14:00", Calendar.Local(deadline));
    }

    [Fact]
    public void Year_2026_has_120_days_off_as_the_office_calendar_states()
    {
        var days = Enumerable.Range(0, 365).Select(i => new DateOnly(2026, 1, 1).AddDays(i));

        Assert.Equal(120, days.Count(d => !Calendar.IsWorkingDay(d)));
        Assert.DoesNotContain(CalendarSeeds.Taiwan2026.SpecialDays, d => d.Kind == SpecialDayKind.WorkingDay);
    }

    [Fact]
    public void Saturday_worked_in_the_mainland_is_off_in_Taiwan()
    {
        var saturday = SlaCalendars.Date("2026-02-14");

        Assert.True(SlaCalendars.Mainland.IsWorkingDay(saturday));
        Assert.False(Calendar.IsWorkingDay(saturday));
    }

    [Fact]
    public void Working_day_is_eight_hours()
    {
        Assert.Equal(TimeSpan.FromHours(8), Calendar.StandardWorkingDay);
        Assert.Equal("2026-03-03 10:00", Calendar.Local(Calendar.AddWorkingDays(Calendar.At("2026-03-02 10:00"), 1)));
    }
}
