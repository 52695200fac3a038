using System.Globalization;

namespace ComplaintPortal.Domain.Sla;

/// <summary>
/// Plain data describing a working calendar, kept apart from the compiled <see cref="WorkingCalendar"/>
/// so it can be stored and edited; compile it with <see cref="WorkingCalendar.Create"/>.
/// </summary>
public sealed record WorkingCalendarDefinition
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    /// <summary>IANA zone id, e.g. <c>Asia/Shanghai</c>; periods and special days are local to it.</summary>
    public required string TimeZoneId { get; init; }

    /// <summary>Every instant counts (24/7 hotlines); weekly periods and special days must then be empty.</summary>
    public bool IsRoundTheClock { get; init; }

    /// <summary>
    /// The weekday whose periods make a normal working day: make-up working days are worked like it,
    /// and targets in days count its length (<see cref="WorkingCalendar.StandardWorkingDay"/>).
    /// </summary>
    public DayOfWeek StandardWeekday { get; init; } = DayOfWeek.Monday;

    public IReadOnlyList<WeeklyWorkingPeriod> WeeklyPeriods { get; init; } = [];

    public IReadOnlyList<SpecialDay> SpecialDays { get; init; } = [];

    /// <summary>
    /// Years an administrator confirmed as complete although they have holidays but no make-up working days
    /// (Taiwan has had none since 2025); see <see cref="WorkingCalendar.StatusOf"/>.
    /// </summary>
    public IReadOnlyList<int> ConfirmedYears { get; init; } = [];

    /// <summary>Every problem that would stop this definition compiling; empty when it is valid.</summary>
    public IReadOnlyList<CalendarDefinitionProblem> Validate()
    {
        var problems = new List<CalendarDefinitionProblem>();
        void Add(CalendarDefinitionProblemCode code, string detail) => problems.Add(new(code, detail));

        if (string.IsNullOrWhiteSpace(Code))
        {
            Add(CalendarDefinitionProblemCode.MissingCode, "The calendar has no code.");
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            Add(CalendarDefinitionProblemCode.MissingName, "The calendar has no name.");
        }

        if (!TryFindTimeZone(TimeZoneId, out _))
        {
            Add(CalendarDefinitionProblemCode.UnknownTimeZone, $"Time zone '{TimeZoneId}' is not known on this system.");
        }

        if (IsRoundTheClock)
        {
            if (WeeklyPeriods.Count > 0 || SpecialDays.Count > 0)
            {
                Add(CalendarDefinitionProblemCode.RoundTheClockWithSchedule,
                    "A round-the-clock calendar counts every instant, so it takes no weekly periods or special days.");
            }

            return problems;
        }

        CheckWeeklyPeriods(Add);
        CheckSpecialDays(Add);
        return problems;
    }

    internal static bool TryFindTimeZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    private void CheckWeeklyPeriods(Action<CalendarDefinitionProblemCode, string> add)
    {
        foreach (var period in WeeklyPeriods)
        {
            if (!Enum.IsDefined(period.Day))
            {
                add(CalendarDefinitionProblemCode.UnknownWeekday, $"Weekday value {(int)period.Day} does not exist.");
            }
            else if (period.EndTicks <= period.StartTicks)
            {
                add(CalendarDefinitionProblemCode.ReversedPeriod, $"{period.Day} {Format(period)} ends before it starts.");
            }
        }

        var ordered = WeeklyPeriods
            .Where(p => Enum.IsDefined(p.Day) && p.EndTicks > p.StartTicks)
            .GroupBy(p => p.Day)
            .SelectMany(day => day.OrderBy(p => p.StartTicks).Zip(day.OrderBy(p => p.StartTicks).Skip(1)));
        foreach (var (earlier, later) in ordered)
        {
            if (later.StartTicks < earlier.EndTicks)
            {
                add(CalendarDefinitionProblemCode.OverlappingPeriods,
                    $"{earlier.Day} {Format(earlier)} overlaps {Format(later)}.");
            }
        }

        if (!WeeklyPeriods.Any(p => p.Day == StandardWeekday && p.EndTicks > p.StartTicks))
        {
            add(CalendarDefinitionProblemCode.NoStandardWorkingDay,
                $"The standard weekday {StandardWeekday} has no working periods, so a working day has no length.");
        }
    }

    private void CheckSpecialDays(Action<CalendarDefinitionProblemCode, string> add)
    {
        foreach (var duplicate in SpecialDays.GroupBy(d => d.Date).Where(g => g.Count() > 1))
        {
            add(CalendarDefinitionProblemCode.DuplicateSpecialDay,
                $"{duplicate.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} is listed {duplicate.Count()} times.");
        }
    }

    private static string Format(WeeklyWorkingPeriod period) =>
        period.Start.ToString("HH:mm", CultureInfo.InvariantCulture) + "–" +
        period.End.ToString("HH:mm", CultureInfo.InvariantCulture);
}
