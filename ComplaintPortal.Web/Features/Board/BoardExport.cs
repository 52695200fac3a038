using ComplaintPortal.Domain.Board;
using ComplaintPortal.Domain.Reporting.Excel;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>The board's current view as an .xlsx sheet: the viewer's rows and filters, the columns of <see cref="BoardColumns"/>.</summary>
internal static class BoardExport
{
    public const int MaxRows = 50_000;

    public static async Task WriteAsync(Stream output, BoardView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        var heading = new ReportHeading(BoardText.Board_Title, UiText.Report_GeneratedAt, view.Now) { Lines = FilterLines(view) };
        using var workbook = new ReportWorkbook(view.TimeZone);
        workbook.AddSheet(heading, BoardExportColumns.For(view.Lookups, view.Now), view.Rows);
        await workbook.SaveAsync(output, cancellationToken);
    }

    private static ReportLine[] FilterLines(BoardView view)
    {
        var filter = view.Filter;
        var all = BoardText.Board_All;
        var due = filter.OverdueOnly ? BoardText.Board_State_Overdue : filter.DueSoonOnly ? BoardText.Board_State_DueSoon : all;
        return
        [
            new(UiText.Admin_Department, filter.DepartmentId is { } id ? view.Lookups.Department(id) : all),
            new(BoardText.Board_Column_Stage, filter.Stage is { } stage ? CaseLabels.Stage(stage) : all),
            new(BoardText.Board_Column_Priority, filter.Priority is { } priority ? CaseLabels.Priority(priority) : all),
            new(BoardText.Board_Column_State, due),
            new(BoardText.Board_Sort, BoardLabels.Sort(filter.Sort)),
        ];
    }
}

/// <summary>What one viewer's board shows at one instant: the rows, the filters that chose them, and the names to show.</summary>
internal sealed record BoardView(IReadOnlyList<BoardRow> Rows, BoardFilter Filter, BoardLookups Lookups, DateTimeOffset Now, TimeZoneInfo TimeZone);
