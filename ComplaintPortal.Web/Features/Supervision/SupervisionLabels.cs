using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Web.Resources;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Features.Supervision;

/// <summary>Localized words of supervision; keys are <c>{Kind}_{EnumName}</c> in <see cref="SupervisionText"/>.</summary>
public static class SupervisionLabels
{
    public static string Error(SupervisionError error) => Text("Error_", error.ToString());

    public static string NoticeStatus(NoticeStatus status) => Text("NoticeStatus_", status.ToString());

    public static string Outcome(CheckOutcome outcome) => Text("Outcome_", outcome.ToString());

    public static string CheckStatus(CheckStatus status) => Text("CheckStatus_", status.ToString());

    public static string DrawStatus(SampleDrawStatus status) => Text("DrawStatus_", status.ToString());

    public static string LogAction(SupervisionAction action) => Text("LogAction_", action.ToString());

    public static string PeriodKind(ReportPeriodKind kind) => Text("PeriodKind_", kind.ToString());

    /// <summary>A case's risks as one list in the viewer's language (加急、重开 / Urgent, Reopened); empty for none.</summary>
    public static string Risks(CaseRisk risk) =>
        string.Join(CaseText.Common_ListSeparator,
            Enum.GetValues<CaseRisk>().Where(r => r != CaseRisk.None && risk.HasFlag(r)).Select(r => Text("Risk_", r.ToString())));

    /// <summary>A list's risks cell: the risks, or a dash when the case had none (rather than an empty cell).</summary>
    public static string RisksOrNone(CaseRisk risk) => risk == CaseRisk.None ? SupervisionText.Common_None : Risks(risk);

    public static string Period(ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var format = period.Kind switch
        {
            ReportPeriodKind.Month => SupervisionText.Period_Month,
            ReportPeriodKind.Quarter => SupervisionText.Period_Quarter,
            ReportPeriodKind.Year => SupervisionText.Period_Year,
            _ => throw new ArgumentOutOfRangeException(nameof(period)),
        };
        // {2} is the period's first day, for a language that names the month ("November 2026"; 2026年11月 takes its number).
        var first = new DateTime(period.Year, period.Kind == ReportPeriodKind.Month ? period.Number : 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return string.Format(CultureInfo.CurrentCulture, format, period.Year, period.Number, first);
    }

    /// <summary>A percentage to one decimal in the viewer's culture, or a dash when there was nothing to count.</summary>
    public static string Rate(decimal? rate) =>
        rate is { } r ? r.ToString("0.#", CultureInfo.CurrentCulture) + "%" : SupervisionText.Common_None;

    public static string Parameters(DrawSummary draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        var format = draw.Plan.Mode == SampleSizeMode.Rate ? SupervisionText.Draw_ParametersRate : SupervisionText.Draw_ParametersCount;
        var text = string.Format(CultureInfo.CurrentCulture, format, draw.Plan.Size, draw.Plan.MinimumPerStratum, draw.CandidateCount, draw.Drawn);
        return draw.Plan.RiskWeighted ? text + SupervisionText.Common_Separator + SupervisionText.Draw_RiskWeighted : text;
    }

    /// <summary>"2 d 3 h left" or "overdue by 5 h 10 min" for an open notice; waiting for verification once answered.</summary>
    public static string Countdown(NoticeStatus status, DateTimeOffset dueAt, DateTimeOffset now) => status switch
    {
        Domain.Supervision.NoticeStatus.Open => dueAt >= now
            ? string.Format(CultureInfo.CurrentCulture, SupervisionText.Countdown_Left, Duration(dueAt - now))
            : string.Format(CultureInfo.CurrentCulture, SupervisionText.Countdown_Overdue, Duration(now - dueAt)),
        Domain.Supervision.NoticeStatus.Answered => SupervisionText.Countdown_Waiting,
        Domain.Supervision.NoticeStatus.Closed => SupervisionText.Common_None,
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Duration(TimeSpan span) => span.TotalDays >= 1
        ? string.Format(CultureInfo.CurrentCulture, SupervisionText.Duration_DaysHours, (int)span.TotalDays, span.Hours)
        : string.Format(CultureInfo.CurrentCulture, SupervisionText.Duration_HoursMinutes, (int)span.TotalHours, span.Minutes);

    private static string Text(string prefix, string name) =>
        SupervisionText.ResourceManager.GetString(prefix + name, CultureInfo.CurrentUICulture) ?? name;
}

/// <summary>Department and category names for supervision pages, loaded once per page load.</summary>
public sealed record SupervisionNames(IReadOnlyDictionary<int, Department> Departments, IReadOnlyDictionary<int, Category> Categories)
{
    public static SupervisionNames Empty { get; } = new(new Dictionary<int, Department>(), new Dictionary<int, Category>());

    public string Department(int? id) =>
        id is { } d && Departments.TryGetValue(d, out var department) ? department.DisplayName(CultureInfo.CurrentUICulture) : SupervisionText.Common_None;

    public string Category(int? id) =>
        id is { } c && Categories.TryGetValue(c, out var category) ? category.DisplayName(CultureInfo.CurrentUICulture) : SupervisionText.Uncategorised;

    public static async Task<SupervisionNames> LoadAsync(PortalDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new(await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id), await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id));
    }
}
