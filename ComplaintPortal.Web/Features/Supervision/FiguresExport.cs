using System.Globalization;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Reporting.Excel;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Features.Supervision;

/// <summary>
/// A period's reward-and-penalty figures as an .xlsx workbook: one sheet per department, per checklist item and
/// per handler, with the same columns as the figures page. The viewer's <see cref="FiguresView"/> decides what
/// is in it (published or live, whose handlers), so the file never shows more than the page.
/// </summary>
internal static class FiguresExport
{
    /// <summary>The file's name, by the period as people write it: figures-2026-03, figures-2026-Q1, figures-2026.</summary>
    public static string FileName(ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.Kind switch
        {
            ReportPeriodKind.Month => FormattableString.Invariant($"figures-{period.Year:D4}-{period.Number:D2}.xlsx"),
            ReportPeriodKind.Quarter => FormattableString.Invariant($"figures-{period.Year:D4}-Q{period.Number}.xlsx"),
            _ => FormattableString.Invariant($"figures-{period.Year:D4}.xlsx"),
        };
    }

    /// <summary>The figures page's address for this period's export.</summary>
    public static string Address(ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return string.Create(CultureInfo.InvariantCulture, $"/supervision/figures/export.xlsx?kind={period.Kind}&year={period.Year}&number={period.Number}");
    }

    public static void Write(ReportWorkbook workbook, FiguresView view, SupervisionNames names, string? publishedAtText, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(names);
        ReportLine[] lines =
        [
            new(SupervisionText.Col_Period, SupervisionLabels.Period(view.Period)),
            new(SupervisionText.Export_State, view.Publication is { } p
                ? string.Format(CultureInfo.CurrentCulture, SupervisionText.Figures_Published, p.PublishedByName, publishedAtText)
                : SupervisionText.Figures_Live),
        ];
        ReportHeading Heading(string title) => new(title, UiText.Report_GeneratedAt, now) { Lines = lines };

        workbook.AddSheet(Heading(SupervisionText.Figures_Departments), DepartmentColumns(names), view.Figures.Departments);
        workbook.AddSheet(Heading(SupervisionText.Figures_Items), ItemColumns(), view.Figures.Items);
        workbook.AddSheet(Heading(SupervisionText.Figures_Handlers), HandlerColumns(names), view.Figures.Handlers);
    }

    private static ReportColumn<DepartmentFigures>[] DepartmentColumns(SupervisionNames names) =>
    [
        ReportColumn<DepartmentFigures>.Text(SupervisionText.Col_Department, d => names.Department(d.DepartmentId)),
        ReportColumn<DepartmentFigures>.Integer(SupervisionText.Col_Handled, d => d.Cases.Handled),
        ReportColumn<DepartmentFigures>.Percent(SupervisionText.Col_OnTime, d => d.Cases.OnTimeRate),
        ReportColumn<DepartmentFigures>.Percent(SupervisionText.Col_Satisfaction, d => d.Cases.SatisfactionRate),
        ReportColumn<DepartmentFigures>.Percent(SupervisionText.Col_ReopenRate, d => d.Cases.ReopenRate),
        ReportColumn<DepartmentFigures>.Percent(SupervisionText.Col_CheckPass, d => d.CheckPassRate),
        ReportColumn<DepartmentFigures>.Integer(SupervisionText.Col_NoticesIssued, d => d.Notices.Issued),
        ReportColumn<DepartmentFigures>.Integer(SupervisionText.Col_NoticesClosed, d => d.Notices.Closed),
        ReportColumn<DepartmentFigures>.Integer(SupervisionText.Col_NoticesOverdue, d => d.Notices.Overdue),
    ];

    private static ReportColumn<ItemTally>[] ItemColumns() =>
    [
        ReportColumn<ItemTally>.Text(SupervisionText.Col_Item, i => i.DisplayText(CultureInfo.CurrentUICulture)),
        ReportColumn<ItemTally>.Integer(SupervisionText.Col_Passed, i => i.Passed),
        ReportColumn<ItemTally>.Integer(SupervisionText.Col_Failed, i => i.Failed),
        ReportColumn<ItemTally>.Integer(SupervisionText.Col_NotApplicable, i => i.NotApplicable),
        ReportColumn<ItemTally>.Percent(SupervisionText.Col_PassRate, i => i.PassRate),
    ];

    private static ReportColumn<HandlerFigures>[] HandlerColumns(SupervisionNames names) =>
    [
        ReportColumn<HandlerFigures>.Text(SupervisionText.Col_Handler, h => h.Name),
        ReportColumn<HandlerFigures>.Text(SupervisionText.Col_Department, h => names.Department(h.DepartmentId)),
        ReportColumn<HandlerFigures>.Integer(SupervisionText.Col_Handled, h => h.Cases.Handled),
        ReportColumn<HandlerFigures>.Percent(SupervisionText.Col_OnTime, h => h.Cases.OnTimeRate),
        ReportColumn<HandlerFigures>.Percent(SupervisionText.Col_Satisfaction, h => h.Cases.SatisfactionRate),
        ReportColumn<HandlerFigures>.Percent(SupervisionText.Col_ReopenRate, h => h.Cases.ReopenRate),
    ];
}
