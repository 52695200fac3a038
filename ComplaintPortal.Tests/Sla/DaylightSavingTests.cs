using ComplaintPortal.Domain.Sla;

namespace ComplaintPortal.Tests.Sla;

// Shanghai and Taipei keep one offset all year, so the zone rules are exercised with Europe/Berlin:
// 2026-03-29 02:00 → 03:00 (CET → CEST) and 2026-10-25 03:00 → 02:00.
public class DaylightSavingTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Create(new WorkingCalendarDefinition
    {
        Code = "BER-NIGHT",
        Name = "Berlin night desk",
        TimeZoneId = "Europe/Berlin",
        WeeklyPeriods =
        [
            new(DayOfWeek.Sunday, new(1, 0), new(4, 0)),
            new(DayOfWeek.Monday, new(9, 0), new(17, 0)),
        ],
    });

    [Fact]
    public void Period_across_spring_forward_loses_the_skipped_hour() =>
        Assert.Equal(TimeSpan.FromHours(2), Calendar.WorkingTimeOn(SlaCalendars.Date("2026-03-29")));

    [Fact]
    public void Period_across_fall_back_gains_the_repeated_hour() =>
        Assert.Equal(TimeSpan.FromHours(4), Calendar.WorkingTimeOn(SlaCalendars.Date("2026-10-25")));

    [Fact]
    public void Deadline_jumps_over_the_skipped_hour()
    {
        // 01:30–02:00 CET is half an hour; the clock then reads 03:00 CEST, and half an hour more is 03:30.
        var deadline = Calendar.AddWorkingTime(Calendar.At("2026-03-29 01:30"), TimeSpan.FromHours(1));

        Assert.Equal("2026-03-29 03:30", Calendar.Local(deadline));
    }

    [Fact]
    public void Ordinary_sunday_counts_three_hours() =>
        Assert.Equal(TimeSpan.FromHours(3), Calendar.WorkingTimeOn(SlaCalendars.Date("2026-04-05")));
}
