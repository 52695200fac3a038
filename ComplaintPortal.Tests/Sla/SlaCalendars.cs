using System.Globalization;
using ComplaintPortal.Domain.Sla;

namespace ComplaintPortal.Tests.Sla;

/// <summary>The seed calendars, compiled once, and conversions between wall-clock text and UTC instants.</summary>
internal static class SlaCalendars
{
    private const string LocalFormat = "yyyy-MM-dd HH:mm";

    public static WorkingCalendar Mainland { get; } = WorkingCalendar.Create(CalendarSeeds.ChinaMainland2026);

    public static WorkingCalendar Taiwan { get; } = WorkingCalendar.Create(CalendarSeeds.Taiwan2026);

    public static WorkingCalendar RoundTheClock { get; } = WorkingCalendar.Create(CalendarSeeds.RoundTheClock);

    /// <summary>The UTC instant of a wall-clock time ("yyyy-MM-dd HH:mm") in the calendar's zone.</summary>
    public static DateTimeOffset At(this WorkingCalendar calendar, string local)
    {
        var wallClock = DateTime.ParseExact(local, LocalFormat, CultureInfo.InvariantCulture);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(wallClock, calendar.TimeZone), TimeSpan.Zero);
    }

    /// <summary>The wall-clock text of an instant in the calendar's zone, so failures read like the test data.</summary>
    public static string Local(this WorkingCalendar calendar, DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, calendar.TimeZone).ToString(LocalFormat, CultureInfo.InvariantCulture);

    public static DateOnly Date(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
