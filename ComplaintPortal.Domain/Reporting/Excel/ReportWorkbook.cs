using ClosedXML.Excel;

namespace ComplaintPortal.Domain.Reporting.Excel;

/// <summary>
/// The one place the portal builds .xlsx files. Each sheet is a title block (<see cref="ReportHeading"/>)
/// above a table of typed columns: a bold, frozen header row with an autofilter, typed and formatted
/// cells, and column widths computed from the content (ClosedXML's AdjustToContents needs GDI+, which
/// Linux lacks). Text is cleaned of what XML cannot hold and never becomes a formula.
/// </summary>
/// <example><code>
/// using var workbook = new ReportWorkbook(clock.TimeZone);
/// workbook.AddSheet(new ReportHeading(title, generatedLabel, now) { Lines = [new(periodLabel, period)] }, columns, rows);
/// await workbook.SaveAsync(response.Body, cancellationToken);
/// </code></example>
public sealed class ReportWorkbook : IDisposable
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private readonly XLWorkbook workbook = new();
    private readonly TimeZoneInfo timeZone;

    /// <param name="timeZone">The organisation's zone: every instant is written as its wall-clock time there.</param>
    public ReportWorkbook(TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        this.timeZone = timeZone;
    }

    /// <summary>Adds a sheet named after the heading's title, holding the heading and one row per item.</summary>
    public ReportWorkbook AddSheet<TRow>(ReportHeading heading, IReadOnlyList<ReportColumn<TRow>> columns, IEnumerable<TRow> rows)
    {
        ArgumentNullException.ThrowIfNull(heading);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfZero(columns.Count);
        if (workbook.Worksheets.Count == 0)
        {
            // Stamped from the caller's clock rather than the library's DateTime.Now.
            workbook.Properties.Created = workbook.Properties.Modified = heading.GeneratedAt.UtcDateTime;
            workbook.Properties.Title = SpreadsheetText.Clean(heading.Title);
        }

        var sheet = workbook.Worksheets.Add(SheetName.Unique(heading.Title, workbook.Worksheets.Select(s => s.Name)));
        new ReportSheetWriter(sheet, timeZone).Write(heading, columns, rows);
        return this;
    }

    /// <summary>Writes the workbook to a stream (ClosedXML buffers a stream it cannot seek).</summary>
    public void Save(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        workbook.SaveAs(output);
    }

    /// <summary>
    /// Builds the file in memory and copies it asynchronously, for streams that refuse synchronous
    /// writes (an HTTP response body).
    /// </summary>
    public async Task SaveAsync(Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }

    public void Dispose() => workbook.Dispose();
}
