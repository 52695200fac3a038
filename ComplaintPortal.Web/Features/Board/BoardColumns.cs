using ComplaintPortal.Domain.Board;
using Column = ComplaintPortal.Domain.Reporting.Excel.ReportColumn<ComplaintPortal.Domain.Board.BoardRow>;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>
/// The export's typed columns, made from the page's own column list (<see cref="BoardColumns.All"/>), so the
/// file has exactly the columns on screen, in the same order, with the same headers; times are real dates.
/// </summary>
internal static class BoardExportColumns
{
    public static IReadOnlyList<Column> For(BoardLookups lookups, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lookups);
        return BoardColumns.All.Select(column => For(column, lookups, now)).ToList();
    }

    private static Column For(BoardColumn column, BoardLookups lookups, DateTimeOffset now)
    {
        var header = BoardColumns.Header(column);
        return column switch
        {
            BoardColumn.StageSince => Column.DateTime(header, r => r.StageEnteredAt),
            BoardColumn.Deadline => Column.DateTime(header, r => r.NextDeadline),
            BoardColumn.State => Column.Text(header, r => BoardColumns.StateName(r, now)),
            _ => Column.Text(header, r => BoardColumns.Text(column, r, lookups, now, null)),
        };
    }
}
