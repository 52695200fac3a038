using System.Globalization;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Features.Deadlines;

/// <summary>
/// The words of a countdown in the current UI culture, for the server's first rendering and as the
/// attributes of the browser's &lt;portal-countdown&gt; (wwwroot/js/countdown.js), which says the same.
/// </summary>
public static class CountdownText
{
    private static readonly (long Ticks, Func<string> Template)[] Units =
    [
        (TimeSpan.TicksPerDay, () => CaseText.Countdown_Day),
        (TimeSpan.TicksPerHour, () => CaseText.Countdown_Hour),
        (TimeSpan.TicksPerMinute, () => CaseText.Countdown_Minute),
        (TimeSpan.TicksPerSecond, () => CaseText.Countdown_Second),
    ];

    /// <summary>"2 d 3 h left", "已超期5分12秒": the two largest parts, as the browser shows them.</summary>
    public static string Format(DateTimeOffset due, DateTimeOffset now) => now >= due
        ? string.Format(CultureInfo.CurrentCulture, CaseText.Countdown_Overdue, Duration(now - due))
        : string.Format(CultureInfo.CurrentCulture, CaseText.Countdown_Left, Duration(due - now));

    public static string Duration(TimeSpan span)
    {
        var parts = new List<string>();
        var rest = span.Ticks - (span.Ticks % TimeSpan.TicksPerSecond);
        foreach (var (ticks, template) in Units)
        {
            var count = rest / ticks;
            rest -= count * ticks;
            if (parts.Count > 0 || count > 0 || ticks == TimeSpan.TicksPerSecond)
            {
                parts.Add(string.Format(CultureInfo.CurrentCulture, template(), count));
            }

            if (parts.Count == 2)
            {
                break;
            }
        }

        return string.Join(Separator, parts);
    }

    /// <summary>Languages that put a space between a number and its unit ("2 d") put one between the parts too; Chinese puts none.</summary>
    public static string Separator => CaseText.Countdown_Day.Contains(' ', StringComparison.Ordinal) ? " " : "";
}
