using ComplaintPortal.Domain.Sla;

namespace ComplaintPortal.Tests.Sla;

public class WorkingCalendarDefinitionTests
{
    private static readonly WorkingCalendarDefinition OfficeHours = new()
    {
        Code = "OFFICE",
        Name = "Office",
        TimeZoneId = "Asia/Shanghai",
        WeeklyPeriods = [new(DayOfWeek.Monday, new(9, 0), new(12, 0)), new(DayOfWeek.Monday, new(13, 0), new(17, 0))],
    };

    [Fact]
    public void Seed_definitions_are_valid()
    {
        Assert.Empty(CalendarSeeds.ChinaMainland2026.Validate());
        Assert.Empty(CalendarSeeds.Taiwan2026.Validate());
        Assert.Empty(CalendarSeeds.RoundTheClock.Validate());
    }

    [Fact]
    public void Overlapping_periods_are_rejected()
    {
        var definition = OfficeHours with
        {
            WeeklyPeriods = [new(DayOfWeek.Monday, new(9, 0), new(12, 0)), new(DayOfWeek.Monday, new(11, 30), new(18, 0))],
        };

        AssertRejected(definition, CalendarDefinitionProblemCode.OverlappingPeriods);
    }

    [Fact]
    public void Reversed_period_is_rejected()
    {
        var definition = OfficeHours with
        {
            WeeklyPeriods = [.. OfficeHours.WeeklyPeriods, new(DayOfWeek.Tuesday, new(18, 0), new(9, 0))],
        };

        AssertRejected(definition, CalendarDefinitionProblemCode.ReversedPeriod);
    }

    [Fact]
    public void Unknown_time_zone_is_rejected() =>
        AssertRejected(OfficeHours with { TimeZoneId = "Asia/Atlantis" }, CalendarDefinitionProblemCode.UnknownTimeZone);

    [Fact]
    public void Standard_weekday_without_hours_is_rejected() =>
        AssertRejected(OfficeHours with { StandardWeekday = DayOfWeek.Sunday }, CalendarDefinitionProblemCode.NoStandardWorkingDay);

    [Fact]
    public void Date_listed_twice_is_rejected()
    {
        var definition = OfficeHours with
        {
            SpecialDays =
            [
                new(new DateOnly(2026, 5, 1), SpecialDayKind.DayOff, "劳动节"),
                new(new DateOnly(2026, 5, 1), SpecialDayKind.WorkingDay, "调休"),
            ],
        };

        AssertRejected(definition, CalendarDefinitionProblemCode.DuplicateSpecialDay);
    }

    [Fact]
    public void Round_the_clock_calendar_takes_no_schedule() =>
        AssertRejected(OfficeHours with { IsRoundTheClock = true }, CalendarDefinitionProblemCode.RoundTheClockWithSchedule);

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var problems = (OfficeHours with { Code = " ", TimeZoneId = "Nowhere/Else" }).Validate();

        Assert.Equal(
            [CalendarDefinitionProblemCode.MissingCode, CalendarDefinitionProblemCode.UnknownTimeZone],
            problems.Select(p => p.Code));
    }

    [Fact]
    public void Make_up_day_follows_the_standard_weekday()
    {
        var calendar = WorkingCalendar.Create(OfficeHours with
        {
            WeeklyPeriods = [.. OfficeHours.WeeklyPeriods, new(DayOfWeek.Wednesday, new(9, 0), new(11, 0))],
            StandardWeekday = DayOfWeek.Wednesday,
            SpecialDays = [new(new DateOnly(2026, 3, 7), SpecialDayKind.WorkingDay, "Stocktaking Saturday")],
        });

        Assert.Equal(TimeSpan.FromHours(2), calendar.StandardWorkingDay);
        Assert.Equal(TimeSpan.FromHours(2), calendar.WorkingTimeOn(new DateOnly(2026, 3, 7)));
    }

    [Fact]
    public void Night_shift_ending_at_midnight_runs_on_into_the_next_day()
    {
        // End 00:00 means 24:00; Friday 22:00–24:00 and Saturday 00:00–02:00 are one unbroken shift.
        var calendar = WorkingCalendar.Create(OfficeHours with
        {
            WeeklyPeriods =
            [
                .. OfficeHours.WeeklyPeriods,
                new(DayOfWeek.Friday, new(22, 0), new(0, 0)),
                new(DayOfWeek.Saturday, new(0, 0), new(2, 0)),
            ],
        });

        var deadline = calendar.AddWorkingTime(calendar.At("2026-03-06 23:00"), TimeSpan.FromHours(2));

        Assert.Equal("2026-03-07 01:00", calendar.Local(deadline));
        Assert.Equal(TimeSpan.FromHours(2), calendar.WorkingTimeOn(new DateOnly(2026, 3, 6)));
    }

    private static void AssertRejected(WorkingCalendarDefinition definition, CalendarDefinitionProblemCode expected)
    {
        Assert.Contains(definition.Validate(), p => p.Code == expected);
        var thrown = Assert.Throws<InvalidWorkingCalendarException>(() => WorkingCalendar.Create(definition));
        Assert.Contains(thrown.Problems, p => p.Code == expected);
    }
}
