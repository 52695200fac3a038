using System.Globalization;
using System.Text.RegularExpressions;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Web.Resources;
using ComplaintPortal.Web.Features.Localization;

namespace ComplaintPortal.Web.Features.Deadlines;

/// <summary>
/// A time-limit target in words, with the reading it follows: "3 個工作日內（整日）", "3 個工作日後同一時刻",
/// "4 個工作小時（累計工作時間）"; and the stored one-line policy summaries (<see cref="SlaPolicy.Summary"/>) read back.
/// </summary>
public static partial class TargetText
{
    public static string Describe(SlaTarget target) => string.Format(CultureInfo.CurrentCulture, target.Unit switch
    {
        SlaTargetUnit.Hours => Counted.Pick(target.Amount, DeadlineText.Target_Hours_One, DeadlineText.Target_Hours),
        SlaTargetUnit.Days when target.Counting == DayCounting.SameClockTime => Counted.Pick(target.Amount, DeadlineText.Target_DaysSameClock_One, DeadlineText.Target_DaysSameClock),
        SlaTargetUnit.Days => Counted.Pick(target.Amount, DeadlineText.Target_DaysWhole_One, DeadlineText.Target_DaysWhole),
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    }, target.Amount);

    /// <summary>The name of a reading, for the policy form's selector.</summary>
    public static string ReadingName(DayCounting counting) => counting switch
    {
        DayCounting.WholeDays => DeadlineText.Reading_WholeDays,
        DayCounting.SameClockTime => DeadlineText.Reading_SameClockTime,
        _ => throw new ArgumentOutOfRangeException(nameof(counting)),
    };

    /// <summary>
    /// A change-log summary such as <c>CN 4h/3d/7d due-soon 20%</c> in the reader's language, the calendar by the name
    /// <paramref name="calendarName"/> gives its code (the code itself when it has none); an unknown form is shown as
    /// stored rather than hidden.
    /// </summary>
    public static string Summary(string? summary, Func<string, string>? calendarName = null)
    {
        if (summary is null)
        {
            return DeadlineText.Policies_NewPolicy;
        }

        if (summary == SlaPolicyBook.DeletedSummary)
        {
            return DeadlineText.Policies_Deleted;
        }

        var match = SummaryPattern().Match(summary);
        if (!match.Success
            || !SlaTarget.TryParseShortString(match.Groups["first"].Value, out var first)
            || !SlaTarget.TryParseShortString(match.Groups["plan"].Value, out var plan)
            || !SlaTarget.TryParseShortString(match.Groups["done"].Value, out var done)
            || !int.TryParse(match.Groups["soon"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var soon))
        {
            return summary;
        }

        return string.Format(CultureInfo.CurrentCulture, DeadlineText.Policies_SummaryText,
            calendarName?.Invoke(match.Groups["calendar"].Value) ?? match.Groups["calendar"].Value,
            Describe(first), Describe(plan), Describe(done), soon);
    }

    [GeneratedRegex(@"^(?<calendar>\S+) (?<first>\S+)/(?<plan>\S+)/(?<done>\S+) due-soon (?<soon>\d+)%$", RegexOptions.CultureInvariant)]
    private static partial Regex SummaryPattern();
}
