using ComplaintPortal.Domain.Sla;

namespace ComplaintPortal.Tests.Sla;

/// <summary>
/// "Within N working days" (N 個工作日內) as Chinese practice counts it: whole working days from the first
/// working day after the day of receipt, due at the close of the Nth; and the other reading, the same clock
/// time N working days later, which a policy may choose per target.
/// </summary>
public sealed class WholeWorkingDayTests
{
    [Theory]
    // The examples: Friday → the make-up Saturday; a holiday → the make-up Sunday; 08:00 on a workday.
    [InlineData("2026-02-13 10:00", 1, "2026-02-14 18:00")]
    [InlineData("2026-01-02 10:00", 1, "2026-01-04 18:00")]
    [InlineData("2026-03-03 08:00", 1, "2026-03-04 18:00")]
    // Workday during hours, at lunch, after closing: the receipt day never counts.
    [InlineData("2026-03-03 10:00", 1, "2026-03-04 18:00")]
    [InlineData("2026-03-03 12:30", 1, "2026-03-04 18:00")]
    [InlineData("2026-03-03 19:00", 1, "2026-03-04 18:00")]
    // Weekend: Monday is the first working day after Saturday.
    [InlineData("2026-03-07 10:00", 1, "2026-03-09 18:00")]
    // Received on the make-up Saturday: 15–23 February are the Spring Festival.
    [InlineData("2026-02-14 10:00", 1, "2026-02-24 18:00")]
    // Received on a holiday during National Day: 8 October is the first working day after it.
    [InlineData("2026-10-03 10:00", 1, "2026-10-08 18:00")]
    // Three and seven days across the Spring Festival and its make-up Saturday 28 February.
    [InlineData("2026-02-13 16:00", 3, "2026-02-25 18:00")]
    [InlineData("2026-02-13 16:00", 7, "2026-03-02 18:00")]
    public void Mainland_counts_whole_days_after_the_day_of_receipt(string received, int days, string expected)
    {
        var calendar = SlaCalendars.Mainland;

        var due = SlaTarget.Days(days).DeadlineFrom(calendar, calendar.At(received));

        Assert.Equal(expected, calendar.Local(due));
    }

    [Theory]
    // Holidays are days off and Taiwan has no make-up working days; a 補假 weekday is a day off too.
    [InlineData("2026-02-13 10:00", 1, "2026-02-23 17:30")]
    [InlineData("2026-01-01 10:00", 1, "2026-01-02 17:30")]
    [InlineData("2026-03-03 07:00", 1, "2026-03-04 17:30")]
    [InlineData("2026-03-03 12:45", 1, "2026-03-04 17:30")]
    [InlineData("2026-03-03 18:00", 1, "2026-03-04 17:30")]
    [InlineData("2026-03-07 10:00", 1, "2026-03-09 17:30")]
    [InlineData("2026-02-26 10:00", 1, "2026-03-02 17:30")]
    [InlineData("2026-04-02 09:00", 2, "2026-04-08 17:30")]
    public void Taiwan_counts_whole_days_after_the_day_of_receipt(string received, int days, string expected)
    {
        var calendar = SlaCalendars.Taiwan;

        var due = SlaTarget.Days(days).DeadlineFrom(calendar, calendar.At(received));

        Assert.Equal(expected, calendar.Local(due));
    }

    [Theory]
    // Every day is a working day that closes at midnight; holidays and weekends are worked alike.
    [InlineData("2026-02-13 10:00", 1, "2026-02-15 00:00")]
    [InlineData("2026-01-02 10:00", 1, "2026-01-04 00:00")]
    [InlineData("2026-03-03 08:00", 1, "2026-03-05 00:00")]
    [InlineData("2026-03-07 23:59", 1, "2026-03-09 00:00")]
    [InlineData("2026-03-03 00:00", 3, "2026-03-07 00:00")]
    public void Round_the_clock_days_close_at_midnight(string received, int days, string expected)
    {
        var calendar = SlaCalendars.RoundTheClock;

        var due = SlaTarget.Days(days).DeadlineFrom(calendar, calendar.At(received));

        Assert.Equal(expected, calendar.Local(due));
    }

    [Theory]
    [InlineData("2026-02-13 10:00", "2026-02-14 10:00")]
    // From a holiday or before opening the day's working time starts at the next opening: due the same evening.
    [InlineData("2026-01-02 10:00", "2026-01-04 18:00")]
    [InlineData("2026-03-03 08:00", "2026-03-03 18:00")]
    [InlineData("2026-03-03 16:00", "2026-03-04 16:00")]
    public void Same_clock_time_reading_adds_a_standard_day_of_working_time(string received, string expected)
    {
        var calendar = SlaCalendars.Mainland;

        var due = SlaTarget.Days(1, DayCounting.SameClockTime).DeadlineFrom(calendar, calendar.At(received));

        Assert.Equal(expected, calendar.Local(due));
    }

    [Fact]
    public void Hours_are_elapsed_working_time_whatever_the_day_counting()
    {
        var calendar = SlaCalendars.Mainland;
        var received = calendar.At("2026-03-03 16:00");

        var whole = new SlaTarget(4, SlaTargetUnit.Hours, DayCounting.WholeDays).DeadlineFrom(calendar, received);
        var clock = new SlaTarget(4, SlaTargetUnit.Hours, DayCounting.SameClockTime).DeadlineFrom(calendar, received);

        Assert.Equal(("2026-03-04 11:00", "2026-03-04 11:00"), (calendar.Local(whole), calendar.Local(clock)));
    }

    [Fact]
    public void Whole_days_run_into_the_next_year_on_its_weekly_pattern()
    {
        var calendar = SlaCalendars.Mainland;

        // 2027 has no holidays entered: 1 January 2027 is a Friday and counts as a working day.
        var due = SlaTarget.Days(2).DeadlineFrom(calendar, calendar.At("2026-12-30 10:00"));

        Assert.Equal("2027-01-01 18:00", calendar.Local(due));
    }

    [Fact]
    public void Whole_days_match_counting_dates_one_by_one_through_the_year()
    {
        var calendar = SlaCalendars.Mainland;
        for (var date = new DateOnly(2026, 1, 1); date.Year == 2026; date = date.AddDays(5))
        {
            // The reference: walk the dates, counting the working days after the day of receipt.
            var day = date;
            for (int counted = 0; counted < 4;)
            {
                day = day.AddDays(1);
                counted += calendar.IsWorkingDay(day) ? 1 : 0;
            }

            var due = calendar.CloseOfWorkingDaysAfter(calendar.At(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + " 11:00"), 4);

            Assert.Equal(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + " 18:00", calendar.Local(due));
        }
    }
}
