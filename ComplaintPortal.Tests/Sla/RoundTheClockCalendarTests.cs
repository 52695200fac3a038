using ComplaintPortal.Domain.Sla;

namespace ComplaintPortal.Tests.Sla;

public class RoundTheClockCalendarTests
{
    private static readonly WorkingCalendar Calendar = SlaCalendars.RoundTheClock;

    [Theory]
    [InlineData("2026-02-16 23:00", 5.0, "2026-02-17 04:00")]   // Spring Festival counts too
    [InlineData("2026-10-03 12:00", 48.0, "2026-10-05 12:00")]
    [InlineData("2026-12-31 22:00", 3.0, "2027-01-01 01:00")]
    public void Every_instant_counts(string start, double hours, string expected)
    {
        var deadline = Calendar.AddWorkingTime(Calendar.At(start), TimeSpan.FromHours(hours));

        Assert.Equal(expected, Calendar.Local(deadline));
    }

    [Fact]
    public void Working_day_is_24_hours()
    {
        var start = Calendar.At("2026-05-01 08:15");

        Assert.Equal(TimeSpan.FromHours(24), Calendar.StandardWorkingDay);
        Assert.Equal(start.AddHours(72), Calendar.AddWorkingDays(start, 3));
        Assert.Equal(start.AddHours(72), SlaTarget.Days(3, DayCounting.SameClockTime).DeadlineFrom(Calendar, start));
        // Whole days: 2, 3 and 4 May, closing at midnight.
        Assert.Equal("2026-05-05 00:00", Calendar.Local(SlaTarget.Days(3).DeadlineFrom(Calendar, start)));
    }

    [Fact]
    public void Working_time_between_is_elapsed_time()
    {
        var from = Calendar.At("2026-02-14 03:07");
        var to = Calendar.At("2026-02-23 19:41");

        Assert.Equal(to - from, Calendar.WorkingTimeBetween(from, to));
        Assert.True(Calendar.IsWorkingTime(from));
        Assert.Equal(from, Calendar.NextWorkingInstant(from));
    }

    [Fact]
    public void Clock_change_day_counts_its_real_length()
    {
        // Europe/Berlin springs forward on 2026-03-29 (02:00 → 03:00) and falls back on 2026-10-25.
        var berlin = WorkingCalendar.RoundTheClock("24X7-BER", "Berlin 24/7", "Europe/Berlin");

        Assert.Equal(TimeSpan.FromHours(23), berlin.WorkingTimeOn(SlaCalendars.Date("2026-03-29")));
        Assert.Equal(TimeSpan.FromHours(25), berlin.WorkingTimeOn(SlaCalendars.Date("2026-10-25")));
        Assert.Equal("2026-03-29 04:00", berlin.Local(berlin.AddWorkingTime(berlin.At("2026-03-29 01:00"), TimeSpan.FromHours(2))));
    }
}
