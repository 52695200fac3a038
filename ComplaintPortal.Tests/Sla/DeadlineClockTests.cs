using ComplaintPortal.Domain.Sla;

namespace ComplaintPortal.Tests.Sla;

// Mainland calendar: Monday–Friday 09:00–12:00 and 13:30–18:00 (7.5 h a day).
public class DeadlineClockTests
{
    private static readonly WorkingCalendar Calendar = SlaCalendars.Mainland;

    [Fact]
    public void Pause_spanning_national_day_carries_the_remaining_working_time_over()
    {
        // 5 days at the same clock time = 37.5 h from Mon Sep 21 09:00: Sep 21–24 (30 h), 中秋 Sep 25 off, weekend, Mon Sep 28 (7.5 h).
        var deadline = SlaTarget.Days(5, DayCounting.SameClockTime).DeadlineFrom(Calendar, Calendar.At("2026-09-21 09:00"));
        Assert.Equal("2026-09-28 18:00", Calendar.Local(deadline));

        // Left at the pause: Sep 23 15–18 (3 h) + Sep 24 (7.5 h) + Sep 28 (7.5 h) = 18 h.
        // From Thu Oct 8 10:00: Oct 8 (6.5 h), Oct 9 (7.5 h), make-up Sat Oct 10 09–12 (3 h) + 13:30–14:30 (1 h).
        var moved = DeadlineClock.DeadlineAfterPause(
            Calendar, deadline, pausedAt: Calendar.At("2026-09-23 15:00"), resumedAt: Calendar.At("2026-10-08 10:00"));

        Assert.Equal("2026-10-10 14:30", Calendar.Local(moved));
    }

    [Fact]
    public void Pause_outside_working_hours_leaves_the_deadline_alone()
    {
        var deadline = Calendar.At("2026-03-11 15:00");

        var moved = DeadlineClock.DeadlineAfterPause(
            Calendar, deadline, pausedAt: Calendar.At("2026-03-06 18:30"), resumedAt: Calendar.At("2026-03-09 08:00"));

        Assert.Equal(deadline, moved);
    }

    [Fact]
    public void Case_paused_after_its_deadline_stays_overdue_by_the_same_working_time()
    {
        // Due Mon 12:00, paused Mon 14:00 (0.5 h overdue: lunch does not count), resumed Tue 10:00.
        var moved = DeadlineClock.DeadlineAfterPause(
            Calendar, Calendar.At("2026-03-02 12:00"), Calendar.At("2026-03-02 14:00"), Calendar.At("2026-03-03 10:00"));

        Assert.Equal("2026-03-03 09:30", Calendar.Local(moved));
    }

    [Fact]
    public void Resuming_before_pausing_is_refused() =>
        Assert.Throws<ArgumentException>(() => DeadlineClock.DeadlineAfterPause(
            Calendar, Calendar.At("2026-03-04 18:00"), Calendar.At("2026-03-03 10:00"), Calendar.At("2026-03-03 09:00")));

    [Theory]
    // Started Mon Mar 2 09:00 with 3 days at the same clock time (due Wed Mar 4 18:00); raised to urgent (4 h) at...
    [InlineData("2026-03-02 10:00", "2026-03-02 14:30")]   // 1 h used, 3 h left: 10–12, 13:30–14:30
    [InlineData("2026-03-02 16:00", "2026-03-02 14:30")]   // 5.5 h used: already 1.5 h overdue
    [InlineData("2026-03-03 10:00", "2026-03-02 14:30")]   // 8.5 h used: overdue since Monday 14:30
    public void Priority_raised_mid_way_counts_the_new_target_from_the_original_start(string changedAt, string expected)
    {
        var start = Calendar.At("2026-03-02 09:00");
        Assert.Equal("2026-03-04 18:00", Calendar.Local(SlaTarget.Days(3, DayCounting.SameClockTime).DeadlineFrom(Calendar, start)));

        var deadline = DeadlineClock.DeadlineAfterTargetChange(Calendar, SlaTarget.Hours(4), start, Calendar.At(changedAt));

        Assert.Equal(expected, Calendar.Local(deadline));
        Assert.Equal(SlaTarget.Hours(4).DeadlineFrom(Calendar, start), deadline);
    }

    [Fact]
    public void Priority_change_after_a_pause_does_not_count_the_paused_time()
    {
        var start = Calendar.At("2026-03-02 09:00");
        // Paused Mon 11:00 to Tue 11:00: 1 h + 4.5 h + 2 h = 7.5 h of working time not used.
        var paused = Calendar.WorkingTimeBetween(Calendar.At("2026-03-02 11:00"), Calendar.At("2026-03-03 11:00"));
        Assert.Equal(TimeSpan.FromHours(7.5), paused);

        // At Tue 14:00: 11 h elapsed − 7.5 h paused = 3.5 h used; 1 day (7.5 h) leaves 4 h → Tue 18:00.
        var changedAt = Calendar.At("2026-03-03 14:00");
        Assert.Equal(TimeSpan.FromHours(3.5), DeadlineClock.WorkingTimeUsed(Calendar, start, changedAt, paused));

        var deadline = DeadlineClock.DeadlineAfterTargetChange(Calendar, SlaTarget.Days(1, DayCounting.SameClockTime), start, changedAt, paused);

        Assert.Equal("2026-03-03 18:00", Calendar.Local(deadline));
    }

    [Fact]
    public void Whole_day_target_after_a_change_falls_at_the_close_of_its_day_moved_on_by_the_pause()
    {
        var start = Calendar.At("2026-03-02 09:00");
        var paused = Calendar.WorkingTimeBetween(Calendar.At("2026-03-02 11:00"), Calendar.At("2026-03-03 11:00"));

        // 1 whole day: the close of Tue 3 March, then the 7.5 h paused: the close of Wed 4 March.
        var deadline = DeadlineClock.DeadlineAfterTargetChange(Calendar, SlaTarget.Days(1), start, Calendar.At("2026-03-03 14:00"), paused);

        Assert.Equal("2026-03-04 18:00", Calendar.Local(deadline));
        Assert.Equal(deadline, DeadlineClock.DeadlineFor(Calendar, SlaTarget.Days(1), start, paused));
    }
}
