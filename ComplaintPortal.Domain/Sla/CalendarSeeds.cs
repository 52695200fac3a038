namespace ComplaintPortal.Domain.Sla;

/// <summary>
/// Calendars a new installation starts with. Each year's special days come from the official notice cited
/// above its data; later years are added by administrators (e.g. through <see cref="HolidayCsvParser"/>).
/// </summary>
public static partial class CalendarSeeds
{
    /// <summary>Hotlines and other round-the-clock services: every instant counts.</summary>
    public static WorkingCalendarDefinition RoundTheClock { get; } = new()
    {
        Code = "24X7",
        Name = "全天候 24/7",
        TimeZoneId = "Asia/Shanghai",
        IsRoundTheClock = true,
    };

    private static IReadOnlyList<WeeklyWorkingPeriod> MondayToFriday(params (TimeOnly Start, TimeOnly End)[] periods) =>
    [
        .. from day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
           from period in periods
           select new WeeklyWorkingPeriod(day, period.Start, period.End),
    ];

    private static IEnumerable<SpecialDay> DaysOff(string name, DateOnly first, DateOnly last)
    {
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            yield return new SpecialDay(date, SpecialDayKind.DayOff, name);
        }
    }

    private static SpecialDay DayOff(string name, DateOnly date) => new(date, SpecialDayKind.DayOff, name);

    private static SpecialDay WorkingDay(string name, DateOnly date) => new(date, SpecialDayKind.WorkingDay, name);
}
