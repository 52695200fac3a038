namespace ComplaintPortal.Domain.Reporting;

/// <summary>
/// When the period's complaints came in, in the organisation's time (the seed's 時間段): how many in each hour of the day
/// (0 to 23) and on each day of the week (Monday first), so that staffing can follow the calls.
/// </summary>
public sealed record ReceivedTimes(IReadOnlyList<int> ByHour, IReadOnlyList<int> ByWeekday)
{
    public static ReceivedTimes Of(IEnumerable<DateTimeOffset> received, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(received);
        ArgumentNullException.ThrowIfNull(zone);
        var byHour = new int[24];
        var byWeekday = new int[7];
        foreach (var at in received)
        {
            byHour[HourOf(at, zone)]++;
            byWeekday[WeekdayOf(at, zone)]++;
        }

        return new(byHour, byWeekday);
    }

    /// <summary>The hour of the day (0 to 23) in <paramref name="zone"/> of an instant: its bar.</summary>
    public static int HourOf(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).Hour;

    /// <summary>The day of the week (Monday 0 to Sunday 6) in <paramref name="zone"/> of an instant: its bar.</summary>
    public static int WeekdayOf(DateTimeOffset at, TimeZoneInfo zone) => ((int)TimeZoneInfo.ConvertTime(at, zone).DayOfWeek + 6) % 7;
}
