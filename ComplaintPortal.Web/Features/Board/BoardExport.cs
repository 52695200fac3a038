using ComplaintPortal.Domain.Board;
using ComplaintPortal.Web.Hosting;
using ComplaintPortal.Web.Resources;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>
/// The board's current view as an .xlsx sheet: the same rows and filters as on screen, the columns of
/// <see cref="BoardColumns"/>. Rows are streamed with <see cref="OpenXmlWriter"/> as inline strings.
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
            WriteRow(writer, BoardColumns.All.Select(BoardColumns.Header));
            foreach (var row in rows)
            {
                WriteRow(writer, BoardColumns.All.Select(c => BoardColumns.Text(c, row, lookups, now, clock)));
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = BoardText.Board_Title }));
        workbook.Workbook.Save();
    }

    private static void WriteRow(OpenXmlWriter writer, IEnumerable<string> values)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in values)
        {
            writer.WriteElement(new Cell(new InlineString(new Text(value))) { DataType = CellValues.InlineString });
        }

        writer.WriteEndElement();
    }
}
