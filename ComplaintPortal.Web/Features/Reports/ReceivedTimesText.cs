using System.Globalization;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Features.Reports;

/// <summary>When the complaints came in, in the reader's words: the hours and the days of the week (Monday first), and the busiest of each.</summary>
public static class ReceivedTimesText
{
    /// <summary>An hour's short label under its bar (9时, 09:00).</summary>
    public static string HourLabel(int hour) => string.Format(CultureInfo.CurrentCulture, DeadlineText.Stats_HourLabel, hour);

    /// <summary>An hour as a span of time (09:00–10:00), for the workbook and the busiest hour.</summary>
    public static string HourRange(int hour) => string.Create(CultureInfo.InvariantCulture, $"{hour:00}:00–{hour + 1:00}:00");

    /// <summary>A day's name (星期一, Monday); <paramref name="day"/> counts from Monday.</summary>
    public static string Weekday(int day) => CultureInfo.CurrentCulture.DateTimeFormat.DayNames[(day + 1) % 7];

    /// <summary>A day's short name under its bar (周一, Mon).</summary>
    public static string WeekdayShort(int day) => CultureInfo.CurrentCulture.DateTimeFormat.AbbreviatedDayNames[(day + 1) % 7];

    /// <summary>The time zone the times are in, and the busiest hour and day with their counts (the first of equals).</summary>
    public static string Help(ReceivedTimes times)
    {
        ArgumentNullException.ThrowIfNull(times);
        var hour = Busiest(times.ByHour);
        var day = Busiest(times.ByWeekday);
        return string.Format(CultureInfo.CurrentCulture, DeadlineText.Stats_TimesHelp,
            HourRange(hour), times.ByHour[hour].ToString("N0", CultureInfo.CurrentCulture), Weekday(day), times.ByWeekday[day].ToString("N0", CultureInfo.CurrentCulture));
    }

    /// <summary>The hours with complaints, each with its label and the figure listing them (the bars a manager clicks, the chart's own bars telling nobody which was clicked).</summary>
    public static IEnumerable<(string Label, StatisticsSelection Selection)> Hours(ReceivedTimes times)
    {
        ArgumentNullException.ThrowIfNull(times);
        return Bars(times.ByHour, HourLabel, HourRange, StatisticsSlice.AtHour);
    }

    /// <summary>The days of the week with complaints, Monday first, each with its label and the figure listing them.</summary>
    public static IEnumerable<(string Label, StatisticsSelection Selection)> Weekdays(ReceivedTimes times)
    {
        ArgumentNullException.ThrowIfNull(times);
        return Bars(times.ByWeekday, WeekdayShort, Weekday, StatisticsSlice.OnWeekday);
    }

    /// <summary>A bar's label with its count (17时（4）, 17:00 (4)).</summary>
    public static string Bar(string label, int count) =>
        string.Format(CultureInfo.CurrentCulture, DeadlineText.Stats_TimeBar, label, count.ToString("N0", CultureInfo.CurrentCulture));

    /// <summary>The bars with complaints: a short label under the chart, and the figure titled by the bar's full name.</summary>
    private static IEnumerable<(string Label, StatisticsSelection Selection)> Bars(IReadOnlyList<int> counts, Func<int, string> label,
        Func<int, string> name, Func<int, StatisticsSlice> slice) =>
        Enumerable.Range(0, counts.Count).Where(i => counts[i] > 0)
            .Select(i => (label(i), new StatisticsSelection(name(i) + " · " + DeadlineText.Stats_Received, StatisticsFigure.Received, slice(i), false, counts[i])));

    private static int Busiest(IReadOnlyList<int> counts) => Enumerable.Range(0, counts.Count).MaxBy(i => counts[i]);
}
