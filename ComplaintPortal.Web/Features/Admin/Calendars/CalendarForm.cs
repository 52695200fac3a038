using System.Globalization;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Features.Admin.Calendars;

/// <summary>
/// The calendar edit form: one text field of periods per weekday ("09:00-12:00, 13:30-18:00") and the
/// special days as CSV lines, read with the same parser as a holiday import.
/// </summary>
public sealed class CalendarForm
{
    public static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public string Name { get; set; } = "";

    public string TimeZoneId { get; set; } = "";

    public string Stamp { get; set; } = "";

    public string? Monday { get; set; }

    public string? Tuesday { get; set; }

    public string? Wednesday { get; set; }

    public string? Thursday { get; set; }

    public string? Friday { get; set; }

    public string? Saturday { get; set; }

    public string? Sunday { get; set; }

    public string? SpecialDays { get; set; }

    public static CalendarForm From(WorkingCalendarRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var definition = record.Definition;
        var form = new CalendarForm
        {
            Name = definition.Name,
            TimeZoneId = definition.TimeZoneId,
            Stamp = record.Stamp.ToString("D", CultureInfo.InvariantCulture),
            SpecialDays = string.Join('\n', definition.SpecialDays.OrderBy(d => d.Date).Select(d => string.Create(CultureInfo.InvariantCulture,
                $"{d.Date:yyyy-MM-dd},{(d.Kind == SpecialDayKind.DayOff ? "off" : "work")},{Quote(d.Name)}"))),
        };
        foreach (var day in Week)
        {
            form.Set(day, string.Join(", ", definition.WeeklyPeriods.Where(p => p.Day == day).OrderBy(p => p.Start)
                .Select(p => p.Start.ToString("HH:mm", CultureInfo.InvariantCulture) + "-" + (p.End == TimeOnly.MinValue ? "24:00" : p.End.ToString("HH:mm", CultureInfo.InvariantCulture)))));
        }

        return form;
    }

    public string? Get(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => Monday,
        DayOfWeek.Tuesday => Tuesday,
        DayOfWeek.Wednesday => Wednesday,
        DayOfWeek.Thursday => Thursday,
        DayOfWeek.Friday => Friday,
        DayOfWeek.Saturday => Saturday,
        DayOfWeek.Sunday => Sunday,
        _ => throw new ArgumentOutOfRangeException(nameof(day)),
    };

    public void Set(DayOfWeek day, string? value)
    {
        switch (day)
        {
            case DayOfWeek.Monday: Monday = value; break;
            case DayOfWeek.Tuesday: Tuesday = value; break;
            case DayOfWeek.Wednesday: Wednesday = value; break;
            case DayOfWeek.Thursday: Thursday = value; break;
            case DayOfWeek.Friday: Friday = value; break;
            case DayOfWeek.Saturday: Saturday = value; break;
            case DayOfWeek.Sunday: Sunday = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(day));
        }
    }

    /// <summary>The inline message for one weekday's field, or null when it reads as periods.</summary>
    public static string? HoursProblem(DayOfWeek day, string? text) =>
        TryParsePeriods(day, text, []) ? null
            : string.Format(CultureInfo.CurrentCulture, DeadlineText.Calendar_InvalidHours, CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(day), text);

    /// <summary>The inline messages for the special-days field (one per bad line).</summary>
    public static IReadOnlyList<string> SpecialDaysProblems(string? text) =>
        HolidayCsvParser.Parse(text ?? "").Errors.Where(e => e.Code != HolidayCsvErrorCode.NoRows).Select(CsvErrorText).ToList();

    /// <summary>The definition this form describes, or the localized reasons it does not describe one.</summary>
    public (WorkingCalendarDefinition? Definition, IReadOnlyList<string> Errors) ToDefinition(WorkingCalendarDefinition current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var errors = new List<string>();
        var periods = new List<WeeklyWorkingPeriod>();
        foreach (var day in Week)
        {
            if (!TryParsePeriods(day, Get(day), periods))
            {
                errors.Add(HoursProblem(day, Get(day))!);
            }
        }

        var special = HolidayCsvParser.Parse(SpecialDays ?? "");
        errors.AddRange(special.Errors.Where(e => e.Code != HolidayCsvErrorCode.NoRows).Select(CsvErrorText));
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var definition = current with
        {
            Name = Name.Trim(),
            TimeZoneId = TimeZoneId.Trim(),
            WeeklyPeriods = current.IsRoundTheClock ? [] : periods,
            SpecialDays = current.IsRoundTheClock ? [] : special.SpecialDays,
        };
        return (definition, definition.Validate().Select(ProblemText).ToList() is { Count: > 0 } problems ? problems : []);
    }

    public static string CsvErrorText(HolidayCsvRowError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var reason = DeadlineText.ResourceManager.GetString("Csv_" + error.Code, CultureInfo.CurrentUICulture) ?? error.Code.ToString();
        return error.LineNumber == 0
            ? reason
            : string.Format(CultureInfo.CurrentCulture, DeadlineText.Csv_Line, error.LineNumber, reason) + (string.IsNullOrEmpty(error.Text) ? "" : " «" + error.Text + "»");
    }

    public static string ProblemText(CalendarDefinitionProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return DeadlineText.ResourceManager.GetString("Problem_" + problem.Code, CultureInfo.CurrentUICulture) ?? problem.Code.ToString();
    }

    private static bool TryParsePeriods(DayOfWeek day, string? text, List<WeeklyWorkingPeriod> periods)
    {
        foreach (var part in (text ?? "").Split([',', '，', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split(['-', '–'], StringSplitOptions.TrimEntries);
            if (ends.Length != 2 || !TryTime(ends[0], out var start) || !TryTime(ends[1], out var end))
            {
                return false;
            }

            periods.Add(new WeeklyWorkingPeriod(day, start, end));
        }

        return true;
    }

    private static bool TryTime(string text, out TimeOnly time)
    {
        if (text == "24:00")
        {
            time = TimeOnly.MinValue;
            return true;
        }

        return TimeOnly.TryParseExact(text, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    private static string Quote(string text) =>
        text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal)
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;
}
