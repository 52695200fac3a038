using ComplaintPortal.Domain.Sla;

namespace ComplaintPortal.Tests.Sla;

public class SlaTargetTests
{
    [Theory]
    // 24 h from Mon Mar 2 09:00: Mar 2–4 (22.5 h) + Thu 09:00–10:30
    [InlineData(24, SlaTargetUnit.Hours, "2026-03-05 10:30")]
    // 2 days at the same clock time = 15 h: same as 15 working hours
    [InlineData(2, SlaTargetUnit.Days, "2026-03-03 18:00")]
    // 10 days = 75 h: two working weeks
    [InlineData(10, SlaTargetUnit.Days, "2026-03-13 18:00")]
    public void Same_clock_time_deadline_counts_working_time_from_the_start(int amount, SlaTargetUnit unit, string expected)
    {
        var calendar = SlaCalendars.Mainland;

        var deadline = new SlaTarget(amount, unit, DayCounting.SameClockTime).DeadlineFrom(calendar, calendar.At("2026-03-02 09:00"));

        Assert.Equal(expected, calendar.Local(deadline));
    }

    [Fact]
    public void Same_clock_time_day_target_across_spring_festival_uses_the_standard_day()
    {
        var calendar = SlaCalendars.Mainland;

        var deadline = SlaTarget.Days(2, DayCounting.SameClockTime).DeadlineFrom(calendar, calendar.At("2026-02-13 16:00"));

        Assert.Equal(TimeSpan.FromHours(7.5), calendar.StandardWorkingDay);
        Assert.Equal("2026-02-24 16:00", calendar.Local(deadline));
    }

    [Fact]
    public void Whole_day_target_is_the_default_and_names_its_reading()
    {
        Assert.Equal(DayCounting.WholeDays, SlaTarget.Days(3).Counting);
        Assert.Equal(["3d", "3d-clock", "4h"], new[] { SlaTarget.Days(3), SlaTarget.Days(3, DayCounting.SameClockTime), SlaTarget.Hours(4) }.Select(t => t.ToShortString()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Target_must_be_positive(int amount) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SlaTarget.Hours(amount));
}
