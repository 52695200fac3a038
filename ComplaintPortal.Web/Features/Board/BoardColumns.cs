using ComplaintPortal.Domain.Board;
using ComplaintPortal.Domain.Reporting.Excel;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Resources;
using Column = ComplaintPortal.Domain.Reporting.Excel.ReportColumn<ComplaintPortal.Domain.Board.BoardRow>;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>
/// The board's columns in order, with headers in the viewer's language and each row's typed value. The
/// export writes exactly these; the board page can list the same headers so screen and file agree.
/// </summary>
internal static class BoardColumns
{
    public static IReadOnlyList<Column> For(BoardLookups lookups, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lookups);
        return
        [
            Column.Text(BoardText.Board_Column_Number, r => r.CaseNumber),
            Column.Text(BoardText.Board_Column_Category, r => lookups.Category(r.CategoryId)),
            Column.Text(BoardText.Board_Column_Priority, r => CaseLabels.Priority(r.Priority)),
            Column.Text(BoardText.Board_Column_Stage, r => CaseLabels.Stage(r.Stage)),
            Column.Text(BoardText.Board_Column_Departments, r => Departments(r, lookups)),
            Column.DateTime(BoardText.Board_Column_StageSince, r => r.StageEnteredAt),
            Column.DateTime(BoardText.Board_Column_Deadline, r => r.NextDeadline),
            Column.Text(BoardText.Board_Column_State, r => BoardLabels.State(r.DeadlineStateAt(now))),
        ];
    }

    private static string Departments(BoardRow row, BoardLookups lookups) =>
        string.Join("; ", row.Tasks.Select(t => lookups.Department(t.DepartmentId) + (t.OwnerName is null ? "" : " · " + t.OwnerName)));
}
