using System.Globalization;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Web.Hosting;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Features.Reports;

/// <summary>
/// A report's period as its address gives it (<c>?period=Quarter&amp;year=2026&amp;number=3</c>) and as its picker names it. The
/// report pages read the address, so a period can be bookmarked; anything unreadable or impossible means the current period.
/// </summary>
public static class ReportPeriodQuery
{
    /// <summary>The period asked for, or the current one (of the kind asked for) when the address names none or an impossible one.</summary>
    public static ReportPeriod Resolve(string? kindText, string? yearText, string? numberText, OrganisationClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var kind = Enum.TryParse<ReportPeriodKind>(kindText, ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : ReportPeriodKind.Month;
        var current = ReportPeriod.Containing(kind, clock.UtcNow, clock.TimeZone);
        var year = ReadNumber(yearText) is { } y && ReportPeriod.YearInRange(y) ? y : current.Year;
        var number = kind == ReportPeriodKind.Year ? 1 : ReadNumber(numberText) is { } n && n >= 1 && n <= Numbers(kind) ? n : current.Number;
        return new(kind, year, number);
    }

    /// <summary>The query that names <paramref name="period"/> (the number left out for a year).</summary>
    public static Dictionary<string, object?> Of(ReportPeriodKind kind, int year, int number) => new()
    {
        ["period"] = kind.ToString(),
        ["year"] = year,
        ["number"] = kind == ReportPeriodKind.Year ? null : number,
    };

    /// <summary>How many months or quarters a year has; one year.</summary>
    public static int Numbers(ReportPeriodKind kind) => kind switch
    {
        ReportPeriodKind.Month => 12,
        ReportPeriodKind.Quarter => 4,
        ReportPeriodKind.Year => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown period kind."),
    };

    /// <summary>A whole number from the address; null for anything else (the framework would throw on "?year=abc").</summary>
    public static int? ReadNumber(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>月度 / 季度 / 年度 in the reader's language.</summary>
    public static string KindName(ReportPeriodKind kind) =>
        DeadlineText.ResourceManager.GetString("Period_" + kind, CultureInfo.CurrentUICulture) ?? kind.ToString();

    /// <summary>The month's name, or "第 3 季度".</summary>
    public static string NumberName(ReportPeriodKind kind, int value) => kind == ReportPeriodKind.Month
        ? CultureInfo.CurrentCulture.DateTimeFormat.GetMonthName(value)
        : string.Format(CultureInfo.CurrentCulture, DeadlineText.Timeliness_QuarterName, value);

    /// <summary>"2026/11/1 至 2026/11/30": the period's first and last day in the organisation's dates.</summary>
    public static string RangeText(ReportPeriod period, OrganisationClock clock)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(clock);
        var (from, to) = period.UtcRange(clock.TimeZone);
        return string.Format(CultureInfo.CurrentCulture, DeadlineText.Timeliness_Range, clock.Format(from, "d"), clock.Format(to.AddTicks(-1), "d"));
    }

    /// <summary>A month on a chart's axis or a trend's line ("26年11月", "Nov 26").</summary>
    public static string MonthLabel(int year, int month) =>
        string.Format(CultureInfo.CurrentCulture, DeadlineText.Timeliness_MonthLabel, new DateTime(year, month, 1));
}
