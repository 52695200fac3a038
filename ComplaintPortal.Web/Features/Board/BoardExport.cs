using System.Globalization;
using ComplaintPortal.Domain.Board;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Hosting;
using ComplaintPortal.Web.Resources;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>
/// The board's current view as an .xlsx sheet: the same rows, columns and filters as on screen. Rows are
/// streamed with <see cref="OpenXmlWriter"/> as inline strings (no shared-string table to hold in memory).
/// </summary>
internal static class BoardExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const int MaxRows = 50_000;

    public static async Task WriteAsync(Stream output, IReadOnlyList<BoardRow> rows, BoardLookups lookups, DateTimeOffset now, OrganisationClock clock, CancellationToken cancellationToken)
    {
        // The Open XML SDK 2.20 needs a seekable stream; the response body is not.
        await using var buffer = new MemoryStream();
        Write(buffer, rows, lookups, now, clock);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }

    public static void Write(Stream stream, IReadOnlyList<BoardRow> rows, BoardLookups lookups, DateTimeOffset now, OrganisationClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(lookups);
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, [BoardText.Board_Column_Number, BoardText.Board_Column_Category, BoardText.Board_Column_Priority,
                BoardText.Board_Column_Stage, BoardText.Board_Column_Departments, BoardText.Board_Column_StageSince,
                BoardText.Board_Column_Deadline, BoardText.Board_Column_State]);
            foreach (var row in rows)
            {
                WriteRow(writer,
                [
                    row.CaseNumber,
                    lookups.Category(row.CategoryId),
                    CaseLabels.Priority(row.Priority),
                    CaseLabels.Stage(row.Stage),
                    string.Join("; ", row.Tasks.Select(t => lookups.Department(t.DepartmentId) + (t.OwnerName is null ? "" : " · " + t.OwnerName))),
                    Local(row.StageEnteredAt, clock),
                    row.NextDeadline is { } d ? Local(d, clock) : "",
                    StateName(row.DeadlineStateAt(now)),
                ]);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = BoardText.Board_Title }));
        workbook.Workbook.Save();
    }

    public static string StateName(DeadlineState state) => state switch
    {
        DeadlineState.None => "",
        DeadlineState.OnTrack => BoardText.Board_State_OnTrack,
        DeadlineState.DueSoon => BoardText.Board_State_DueSoon,
        DeadlineState.Overdue => BoardText.Board_State_Overdue,
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    private static string Local(DateTimeOffset instant, OrganisationClock? clock) =>
        (clock?.ToLocal(instant) ?? instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static void WriteRow(OpenXmlWriter writer, IReadOnlyList<string> values)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in values)
        {
            writer.WriteElement(new Cell(new InlineString(new Text(value))) { DataType = CellValues.InlineString });
        }

        writer.WriteEndElement();
    }
}
