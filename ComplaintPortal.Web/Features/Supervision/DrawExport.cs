using System.Globalization;
using ComplaintPortal.Domain.Reporting.Excel;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Features.Supervision;

/// <summary>
/// A draw's list of cases (抽查样本清单) as an .xlsx workbook for the committee's file: the draw's period, parameters, seed and
/// status above every case it drew, in the order drawn, with how far each check is.
/// </summary>
internal static class DrawExport
{
    /// <summary>The file's name: the draw's number, so two draws of one period never share one.</summary>
    public static string FileName(int drawId) => string.Create(CultureInfo.InvariantCulture, $"sample-{drawId}.xlsx");

    /// <summary>The draw page's address for this export.</summary>
    public static string Address(int drawId) => string.Create(CultureInfo.InvariantCulture, $"/supervision/samples/{drawId}/export.xlsx");

    public static void Write(ReportWorkbook workbook, DrawSummary draw, IEnumerable<DrawnCaseRow> cases, SupervisionNames names, string drawnAtText,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(draw);
        ArgumentNullException.ThrowIfNull(names);
        var heading = new ReportHeading(string.Format(CultureInfo.CurrentCulture, SupervisionText.Draw_Title, SupervisionLabels.Period(draw.Period)),
            UiText.Report_GeneratedAt, now)
        {
            Lines =
            [
                new(SupervisionText.Col_Period, SupervisionLabels.Period(draw.Period)),
                new(SupervisionText.Col_Status, SupervisionLabels.DrawStatus(draw.Status)),
                new(SupervisionText.Col_Sample, SupervisionLabels.Parameters(draw)),
                new(SupervisionText.Col_DrawnBy, draw.DrawnByName),
                new(SupervisionText.Col_DrawnAt, drawnAtText),
                new(SupervisionText.Col_Seed, draw.Seed.ToString(CultureInfo.InvariantCulture)),
            ],
        };
        workbook.AddSheet(heading, Columns(names), cases);
    }

    private static ReportColumn<DrawnCaseRow>[] Columns(SupervisionNames names) =>
    [
        ReportColumn<DrawnCaseRow>.Integer(SupervisionText.Col_Order, c => c.DrawOrder),
        ReportColumn<DrawnCaseRow>.Text(SupervisionText.Col_Case, c => c.CaseNumber),
        ReportColumn<DrawnCaseRow>.Text(SupervisionText.Col_Department, c => names.Department(c.DepartmentId)),
        ReportColumn<DrawnCaseRow>.Text(SupervisionText.Col_Category, c => names.Category(c.CategoryId)),
        ReportColumn<DrawnCaseRow>.Text(SupervisionText.Col_Risk, c => c.Risk == CaseRisk.None ? null : SupervisionLabels.Risks(c.Risk)),
        ReportColumn<DrawnCaseRow>.Text(SupervisionText.Col_Checker, c => c.CheckerName),
        ReportColumn<DrawnCaseRow>.Text(SupervisionText.Col_Check, c => SupervisionLabels.CheckStatus(c.Status)),
        ReportColumn<DrawnCaseRow>.DateTime(SupervisionText.Col_CheckedAt, c => c.CheckedAt),
        ReportColumn<DrawnCaseRow>.Integer(SupervisionText.Col_Findings, c => c.Status == CheckStatus.Completed ? c.Findings : null),
    ];
}
