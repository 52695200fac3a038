using System.Globalization;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Reporting.Excel;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Hosting;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Features.Reports;

/// <summary>The statistics of a period as a workbook for management: the page's tables, one sheet each, and the trend.</summary>
internal static class StatisticsExport
{
    public const string Address = "/reports/statistics/export.xlsx";

    /// <summary>Who may read the statistics (the page and its workbook): the whole organisation's, or a head their department's.</summary>
    public static readonly string[] Readers = [PortalRoles.Leadership, PortalRoles.Supervisor, PortalRoles.IntakeClerk, PortalRoles.DepartmentHead];

    /// <summary>The workbook's address for <paramref name="period"/>.</summary>
    public static string For(ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var address = string.Create(CultureInfo.InvariantCulture, $"{Address}?period={period.Kind}&year={period.Year}");
        return period.Kind == ReportPeriodKind.Year ? address : string.Create(CultureInfo.InvariantCulture, $"{address}&number={period.Number}");
    }

    public static IEndpointRouteBuilder MapStatisticsExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Address, ExportAsync).RequireAuthorization(p => p.RequireRole(Readers));
        return endpoints;
    }

    private static async Task<IResult> ExportAsync(HttpContext context, PortalDbContext db, CaseUsers users, TimeProvider time, OrganisationClock clock,
        CancellationToken ct)
    {
        var query = context.Request.Query;
        var period = ReportPeriodQuery.Resolve(query["period"], query["year"], query["number"], clock);
        var department = ReportReaders.OnlyDepartment(context.User, await users.FindAsync(context.User, ct));
        var result = await new ComplaintStatistics(db).ReadAsync(period, clock.TimeZone, department, ct);
        var names = await StatisticsTables.NamesAsync(db, CultureInfo.CurrentUICulture, ct);
        var tables = StatisticsTables.Of(result, names);
        var now = time.GetUtcNow();
        var periodText = ReportPeriodQuery.RangeText(period, clock);
        var about = new ReportLine(DeadlineText.Stats_Title, DeadlineText.Stats_Help);
        ReportHeading Heading(string title, ReportLine note) => new(title, UiText.Report_GeneratedAt, now)
        {
            Lines = [new(DeadlineText.Timeliness_Period, periodText), .. department is { } only ? [new ReportLine(DeadlineText.Stats_Department, names.Department(only))] : Array.Empty<ReportLine>(), note],
        };

        using var workbook = new ReportWorkbook(clock.TimeZone);
        workbook.AddSheet(Heading(DeadlineText.Stats_ByCategory, about), Columns(DeadlineText.Stats_Category, withBefore: true), tables.Categories);
        workbook.AddSheet(Heading(DeadlineText.Stats_ByChannel, about), Columns(DeadlineText.Stats_Channel, withBefore: false), tables.Channels);
        workbook.AddSheet(Heading(DeadlineText.Stats_ByDepartment, new(DeadlineText.Stats_Department, DeadlineText.Stats_DepartmentHelp)),
            Columns(DeadlineText.Stats_Department, withBefore: false), tables.Departments);
        workbook.AddSheet(Heading(DeadlineText.Stats_BySolution, new(CaseText.Field_SolutionType, DeadlineText.Stats_SolutionHelp)),
            Columns(CaseText.Field_SolutionType, withBefore: false), tables.Solutions);
        workbook.AddSheet(Heading(DeadlineText.Stats_ByCause, new(CaseText.Field_CauseCategory, DeadlineText.Stats_CauseHelp)),
            Columns(CaseText.Field_CauseCategory, withBefore: true), tables.Causes);
        workbook.AddSheet(Heading(DeadlineText.Stats_ByProduct, new(CaseText.Field_ProductModel, StatisticsTables.ProductHelp)),
            Columns(CaseText.Field_ProductModel, withBefore: true), tables.Products);
        workbook.AddSheet(Heading(DeadlineText.Stats_ByLocation, new(CaseText.Field_Location, StatisticsTables.LocationHelp)),
            Columns(CaseText.Field_Location, withBefore: true), tables.Locations);
        workbook.AddSheet(Heading(DeadlineText.Stats_ByCustomerGroup, new(CaseText.Field_CustomerGroup, StatisticsTables.CustomerGroupHelp)),
            Columns(CaseText.Field_CustomerGroup, withBefore: true), tables.CustomerGroups);
        var timesNote = new ReportLine(DeadlineText.Stats_ByTime, ReceivedTimesText.Help(result.Times));
        workbook.AddSheet(Heading(DeadlineText.Stats_ByHour, timesNote),
            [
                ReportColumn<int>.Text(DeadlineText.Stats_Hour, ReceivedTimesText.HourRange),
                ReportColumn<int>.Integer(DeadlineText.Stats_Received, h => result.Times.ByHour[h]),
            ], Enumerable.Range(0, 24).ToList());
        workbook.AddSheet(Heading(DeadlineText.Stats_ByWeekday, timesNote),
            [
                ReportColumn<int>.Text(DeadlineText.Stats_Weekday, ReceivedTimesText.Weekday),
                ReportColumn<int>.Integer(DeadlineText.Stats_Received, d => result.Times.ByWeekday[d]),
            ], Enumerable.Range(0, 7).ToList());
        workbook.AddSheet(Heading(DeadlineText.Stats_Trend, about),
            [
                ReportColumn<MonthReceived>.Text(DeadlineText.Stats_Month, m => ReportPeriodQuery.MonthLabel(m.Month.Year, m.Month.Number)),
                ReportColumn<MonthReceived>.Integer(DeadlineText.Stats_Received, m => m.Received),
            ], result.Trend);
        var (suggestions, _) = await new ComplaintStatistics(db).SuggestionsAsync(period, clock.TimeZone, department, 0, MaxSuggestions, ct);
        workbook.AddSheet(Heading(DeadlineText.Stats_Suggestions, new(DeadlineText.Stats_Suggestions, DeadlineText.Stats_SuggestionsHelp)),
            [
                ReportColumn<CallbackSuggestionRow>.Text(DeadlineText.Timeliness_Case, r => r.CaseNumber),
                ReportColumn<CallbackSuggestionRow>.DateTime(CaseText.Field_ReceivedAt, r => r.ReceivedAt),
                ReportColumn<CallbackSuggestionRow>.Text(CaseText.Field_Category, r => names.Category(r.CategoryId)),
                ReportColumn<CallbackSuggestionRow>.Text(DeadlineText.Stats_HandledBy,
                    r => string.Join(CaseText.Common_ListSeparator, r.DepartmentIds.Distinct().Select(names.Department))),
                ReportColumn<CallbackSuggestionRow>.Text(CaseText.Field_Suggestion, r => r.Suggestion),
                ReportColumn<CallbackSuggestionRow>.Text(DeadlineText.Nav_Improvements, r => string.Join(CaseText.Common_ListSeparator,
                    r.Actions.Select(a => string.Format(CultureInfo.CurrentCulture, DeadlineText.Stats_SuggestionAction, names.Department(a.DepartmentId),
                        ImprovementLabels.Status(a.Status))))),
            ], suggestions);
        var fileName = string.Create(CultureInfo.InvariantCulture, $"complaint-statistics-{period.Year}-{period.Kind}-{period.Number}.xlsx").ToLowerInvariant();
        return await WorkbookDownload.SendAsync(context, workbook, fileName, ct);
    }

    /// <summary>The most suggestions a workbook lists, newest first (a period's callbacks are far fewer).</summary>
    private const int MaxSuggestions = 50_000;

    private static ReportColumn<StatisticsRow>[] Columns(string keyTitle, bool withBefore) =>
    [
        ReportColumn<StatisticsRow>.Text(keyTitle, r => r.Name),
        ReportColumn<StatisticsRow>.Integer(DeadlineText.Stats_Received, r => r.Line.Received),
        .. withBefore
            ? new[]
            {
                ReportColumn<StatisticsRow>.Integer(DeadlineText.Stats_Before, r => r.Before),
                ReportColumn<StatisticsRow>.Integer(DeadlineText.Stats_Change, r => r.Change),
            }
            : [],
        ReportColumn<StatisticsRow>.Integer(DeadlineText.Stats_Closed, r => r.Line.Closed),
        ReportColumn<StatisticsRow>.Percent(DeadlineText.Stats_Satisfaction, r => r.Line.SatisfactionRate),
        ReportColumn<StatisticsRow>.Percent(DeadlineText.Stats_Attitude, r => r.Line.AttitudeRate),
        ReportColumn<StatisticsRow>.Integer(DeadlineText.Stats_Reopened, r => r.Line.Reopened),
        ReportColumn<StatisticsRow>.Integer(DeadlineText.Stats_Repeat, r => r.Line.RepeatCallers),
    ];
}
