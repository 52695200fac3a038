using System.Globalization;
using ClosedXML.Excel;

namespace ComplaintPortal.Domain.Reporting.Excel;

/// <summary>Fills one worksheet: title block, blank line, header row, data rows; then styles the header, freezes it, filters and sizes.</summary>
internal sealed class ReportSheetWriter(IXLWorksheet sheet, TimeZoneInfo timeZone)
{
    private const string DateTimeFormat = "yyyy-mm-dd hh:mm";
    private const int DateTimeWidth = 16;
    private const int FilterButtonWidth = 3;
    private const int MinWidth = 6;
    private const int MaxWidth = 60;

    private int[] widths = [];

    public void Write<TRow>(ReportHeading heading, IReadOnlyList<ReportColumn<TRow>> columns, IEnumerable<TRow> rows)
    {
        widths = new int[Math.Max(columns.Count, 2)];
        // Number formats go on whole columns before any cell exists (one style per column, not one per
        // cell); the text of the title block and header is unaffected, and the generated-at cell sets its own.
        for (var c = 0; c < columns.Count; c++)
        {
            if (NumberFormat(columns[c]) is { } format)
            {
                sheet.Column(c + 1).Style.NumberFormat.Format = format;
            }
        }

        var headerRow = WriteHeading(heading) + 1;
        for (var c = 0; c < columns.Count; c++)
        {
            var header = SpreadsheetText.Clean(columns[c].Header);
            WriteText(sheet.Cell(headerRow, c + 1), header);
            Fit(c, SpreadsheetText.DisplayWidth(header) + FilterButtonWidth);
        }

        var last = headerRow;
        foreach (var row in rows)
        {
            last++;
            for (var c = 0; c < columns.Count; c++)
            {
                WriteValue(sheet.Cell(last, c + 1), c, columns[c], columns[c].ValueOf(row));
            }
        }

        var headerCells = sheet.Range(headerRow, 1, headerRow, columns.Count);
        headerCells.Style.Font.Bold = true;
        headerCells.Style.Fill.BackgroundColor = XLColor.FromArgb(0xE7, 0xEC, 0xF2);
        headerCells.Style.Border.BottomBorder = XLBorderStyleValues.Thin;
        sheet.Range(headerRow, 1, last, columns.Count).SetAutoFilter();
        sheet.SheetView.FreezeRows(headerRow);
        for (var c = 0; c < widths.Length; c++)
        {
            sheet.Column(c + 1).Width = Math.Clamp(widths[c] + 1, MinWidth, MaxWidth);
        }
    }

    /// <summary>Writes the title block and returns the last row it used, plus one blank row.</summary>
    private int WriteHeading(ReportHeading heading)
    {
        var title = sheet.Cell(1, 1);
        WriteText(title, SpreadsheetText.Clean(heading.Title));
        title.Style.Font.Bold = true;
        title.Style.Font.FontSize = 14;

        WriteLabel(2, heading.GeneratedAtLabel);
        WriteInstant(sheet.Cell(2, 2), 1, heading.GeneratedAt);
        sheet.Cell(2, 2).Style.NumberFormat.Format = DateTimeFormat;
        sheet.Cell(2, 2).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;

        var row = 2;
        foreach (var line in heading.Lines)
        {
            row++;
            WriteLabel(row, line.Label);
            // Values overflow into the empty cells to their right, so they do not widen column B.
            WriteText(sheet.Cell(row, 2), SpreadsheetText.Clean(line.Value));
        }

        return row + 1;
    }

    private void WriteLabel(int row, string label)
    {
        var text = SpreadsheetText.Clean(label);
        WriteText(sheet.Cell(row, 1), text);
        sheet.Cell(row, 1).Style.Font.Bold = true;
        Fit(0, SpreadsheetText.DisplayWidth(text));
    }

    private void WriteValue<TRow>(IXLCell cell, int column, ReportColumn<TRow> definition, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                var clean = SpreadsheetText.Clean(text);
                WriteText(cell, clean);
                Fit(column, SpreadsheetText.DisplayWidth(clean));
                return;
            case long integer:
                cell.SetValue(integer);
                Fit(column, integer.ToString("#,##0", CultureInfo.InvariantCulture).Length);
                return;
            case decimal number when definition.Kind == ReportValueKind.Percent:
                cell.SetValue(number / 100m);
                Fit(column, number.ToString("F" + Decimals(definition), CultureInfo.InvariantCulture).Length + 1);
                return;
            case decimal number:
                cell.SetValue(number);
                Fit(column, number.ToString("N" + Decimals(definition), CultureInfo.InvariantCulture).Length);
                return;
            case DateTimeOffset instant:
                WriteInstant(cell, column, instant);
                return;
            case TimeSpan duration:
                cell.SetValue(duration);
                Fit(column, ((long)Math.Abs(duration.TotalHours)).ToString(CultureInfo.InvariantCulture).Length + 4);
                return;
            default:
                throw new InvalidOperationException($"A {definition.Kind} column cannot hold a {value.GetType().Name}.");
        }
    }

    private void WriteInstant(IXLCell cell, int column, DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, timeZone).DateTime;
        if (local.Year < 1900)
        {
            // Excel has no dates before 1900; say what it was rather than fail the whole file.
            WriteText(cell, local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        }
        else
        {
            cell.SetValue(local);
        }

        Fit(column, DateTimeWidth);
    }

    /// <summary>
    /// Text is set as a typed string, which ClosedXML never parses into a formula, number or date. Text a
    /// spreadsheet could take for a formula also gets Excel's quote prefix, so editing the cell keeps it text.
    /// </summary>
    private static void WriteText(IXLCell cell, string text)
    {
        cell.SetValue(text);
        if (SpreadsheetText.LooksLikeFormula(text))
        {
            cell.Style.IncludeQuotePrefix = true;
        }
    }

    private void Fit(int column, int width) => widths[column] = Math.Max(widths[column], width);

    private static string Decimals<TRow>(ReportColumn<TRow> column) => column.Decimals.ToString(CultureInfo.InvariantCulture);

    private static string? NumberFormat<TRow>(ReportColumn<TRow> column) => column.Kind switch
    {
        ReportValueKind.Text => null,
        ReportValueKind.Integer => "#,##0",
        ReportValueKind.Decimal => "#,##0" + Fraction(column.Decimals),
        ReportValueKind.Percent => "0" + Fraction(column.Decimals) + "%",
        ReportValueKind.DateTime => DateTimeFormat,
        ReportValueKind.Duration => "[h]:mm",
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };

    private static string Fraction(int decimals) => decimals == 0 ? "" : "." + new string('0', decimals);
}
