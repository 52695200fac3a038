using ClosedXML.Excel;
using ComplaintPortal.Domain.Reporting.Excel;

namespace ComplaintPortal.Tests.Reporting.Excel;

public sealed class ReportWorkbookTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTimeOffset GeneratedAt = new(2026, 11, 30, 18, 5, 0, TimeSpan.Zero);

    private sealed record Line(string Name, long? Count, decimal? Amount, decimal? Rate, DateTimeOffset? At, TimeSpan? Took);

    private static readonly IReadOnlyList<ReportColumn<Line>> Columns =
    [
        ReportColumn<Line>.Text("部门", l => l.Name),
        ReportColumn<Line>.Integer("件数", l => l.Count),
        ReportColumn<Line>.Decimal("金额", l => l.Amount),
        ReportColumn<Line>.Percent("及时率", l => l.Rate),
        ReportColumn<Line>.DateTime("受理时间", l => l.At),
        ReportColumn<Line>.Duration("处理用时", l => l.Took),
    ];

    private static ReportHeading Heading(params ReportLine[] lines) =>
        new("投诉处理及时率", "生成时间", GeneratedAt) { Lines = lines };

    private static IXLWorksheet Written(IEnumerable<Line> rows, ReportHeading? heading = null) =>
        Reopened(rows, heading).Worksheets.Single();

    private static XLWorkbook Reopened(IEnumerable<Line> rows, ReportHeading? heading = null)
    {
        using var workbook = new ReportWorkbook(Shanghai).AddSheet(heading ?? Heading(), Columns, rows);
        return WorkbookReader.Open(WorkbookReader.Save(workbook));
    }

    [Fact]
    public void Cells_are_typed_numbers_dates_and_durations_with_their_formats()
    {
        var at = new DateTimeOffset(2026, 11, 2, 1, 30, 0, TimeSpan.Zero);
        var sheet = Written([new("质量部", 1234, 12.345m, 87.5m, at, TimeSpan.FromHours(53) + TimeSpan.FromMinutes(20))]);
        var row = sheet.Row(5);

        Assert.Equal(XLDataType.Text, row.Cell(1).DataType);
        Assert.Equal(XLDataType.Number, row.Cell(2).DataType);
        Assert.Equal(1234d, row.Cell(2).GetDouble());
        Assert.Equal("#,##0", row.Cell(2).Style.NumberFormat.Format);
        Assert.Equal(12.345d, row.Cell(3).GetDouble());
        Assert.Equal("#,##0.00", row.Cell(3).Style.NumberFormat.Format);
        Assert.Equal(0.875d, row.Cell(4).GetDouble(), 10);
        Assert.Equal("0.0%", row.Cell(4).Style.NumberFormat.Format);
        Assert.Equal(XLDataType.DateTime, row.Cell(5).DataType);
        Assert.Equal(new DateTime(2026, 11, 2, 9, 30, 0), row.Cell(5).GetDateTime());
        Assert.Equal("yyyy-mm-dd hh:mm", row.Cell(5).Style.NumberFormat.Format);
        // A duration is Excel's time serial (days) shown as total hours; ClosedXML reads any time format back as a date.
        Assert.Equal("[h]:mm", row.Cell(6).Style.NumberFormat.Format);
        Assert.Equal(TimeSpan.FromMinutes((53 * 60) + 20).TotalDays, row.Cell(6).GetDateTime().ToOADate(), 6);
    }

    [Fact]
    public void Missing_values_leave_empty_cells()
    {
        var sheet = Written([new("客服部", null, null, null, null, null)]);

        Assert.Equal("客服部", sheet.Cell(5, 1).GetString());
        Assert.All(Enumerable.Range(2, 5), c => Assert.True(sheet.Cell(5, c).IsEmpty()));
    }

    [Fact]
    public void Title_block_holds_the_title_the_generated_at_in_the_organisation_zone_and_the_lines()
    {
        var sheet = Written([], Heading(new ReportLine("统计期间", "2026年11月"), new ReportLine("部门", "全部")));

        Assert.Equal("投诉处理及时率", sheet.Cell("A1").GetString());
        Assert.True(sheet.Cell("A1").Style.Font.Bold);
        Assert.Equal("生成时间", sheet.Cell("A2").GetString());
        Assert.Equal(XLDataType.DateTime, sheet.Cell("B2").DataType);
        Assert.Equal(new DateTime(2026, 12, 1, 2, 5, 0), sheet.Cell("B2").GetDateTime());
        Assert.Equal(("统计期间", "2026年11月"), (sheet.Cell("A3").GetString(), sheet.Cell("B3").GetString()));
        Assert.Equal(("部门", "全部"), (sheet.Cell("A4").GetString(), sheet.Cell("B4").GetString()));
        Assert.True(sheet.Cell("A5").IsEmpty());
        Assert.Equal("投诉处理及时率", sheet.Name);
    }

    [Fact]
    public void Header_row_is_bold_and_frozen_and_the_autofilter_covers_header_and_data()
    {
        var sheet = Written([new("质量部", 1, null, null, null, null), new("客服部", 2, null, null, null, null)]);

        var header = sheet.Row(4);
        Assert.Equal(["部门", "件数", "金额", "及时率", "受理时间", "处理用时"], header.Cells(1, 6).Select(c => c.GetString()));
        Assert.All(header.Cells(1, 6), c => Assert.True(c.Style.Font.Bold));
        Assert.Equal(4, sheet.SheetView.SplitRow);
        Assert.Equal(0, sheet.SheetView.SplitColumn);
        Assert.True(sheet.AutoFilter.IsEnabled);
        Assert.Equal("A4:F6", sheet.AutoFilter.Range.RangeAddress.ToStringRelative());
    }

    [Fact]
    public void Column_widths_are_computed_from_the_content_with_chinese_counting_double()
    {
        var sheet = Written(
        [
            new("国家市场监督管理总局投诉举报中心", 1, 1m, 1m, GeneratedAt, TimeSpan.FromHours(1)),
            new("Quality", 123_456_789, null, null, null, null),
        ]);

        // 16 Chinese characters are 32 units wide; a column of short values stays narrow.
        Assert.InRange(sheet.Column(1).Width, 32, 40);
        Assert.True(sheet.Column(2).Width >= "123,456,789".Length);
        Assert.InRange(sheet.Column(3).Width, 6, 10);
        Assert.InRange(sheet.Column(5).Width, 16, 20);
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("@SUM(A1)")]
    [InlineData("+x")]
    [InlineData("-y")]
    [InlineData(" =HYPERLINK(\"http://example.invalid\",\"x\")")]
    public void Formula_like_text_is_written_as_text_and_never_as_a_formula(string text)
    {
        using var report = new ReportWorkbook(Shanghai)
            .AddSheet(Heading(new ReportLine(text, text)), [ReportColumn<Line>.Text(text, l => l.Name)], [new Line(text, null, null, null, null, null)]);
        var xlsx = WorkbookReader.Save(report);

        Assert.Empty(WorkbookReader.Formulas(xlsx));
        using var workbook = WorkbookReader.Open(xlsx);
        var sheet = workbook.Worksheets.Single();
        foreach (var cell in new[] { sheet.Cell("A3"), sheet.Cell("B3"), sheet.Cell("A5"), sheet.Cell("A6") })
        {
            Assert.False(cell.HasFormula);
            Assert.Equal(XLDataType.Text, cell.DataType);
            Assert.Equal(text, cell.GetString());
            Assert.True(cell.Style.IncludeQuotePrefix);
        }
    }

    [Fact]
    public void Ordinary_text_gets_no_quote_prefix()
    {
        var sheet = Written([new("A-1 质量部", null, null, null, null, null)]);

        Assert.False(sheet.Cell(5, 1).Style.IncludeQuotePrefix);
    }

    [Fact]
    public void Control_characters_and_lone_surrogates_are_cleaned_and_the_file_still_opens()
    {
        var sheet = Written([new("张\u0001三\u001F\uD800·客服", null, null, null, null, null)], Heading(new ReportLine("部门\u0007", "质量\uDC00部")));

        Assert.Equal("张三\uFFFD·客服", sheet.Cell(6, 1).GetString());
        Assert.Equal("部门", sheet.Cell("A3").GetString());
        Assert.Equal("质量\uFFFD部", sheet.Cell("B3").GetString());
    }

    [Fact]
    public void Chinese_text_round_trips_in_simplified_and_traditional()
    {
        var sheet = Written([new("质量部 · 张三；品質部 · 陳小明 🚀", null, null, null, null, null)]);

        Assert.Equal("质量部 · 张三；品質部 · 陳小明 🚀", sheet.Cell(5, 1).GetString());
    }

    [Fact]
    public void Sheets_of_one_workbook_get_distinct_names_excel_accepts()
    {
        using var report = new ReportWorkbook(Shanghai)
            .AddSheet(new ReportHeading("超期明细: 质量部/客服部 [2026年11月] 及时率与处理用时统计表", "生成时间", GeneratedAt), Columns, [])
            .AddSheet(new ReportHeading("超期明细: 质量部/客服部 [2026年11月] 及时率与处理用时统计表", "生成时间", GeneratedAt), Columns, []);
        using var workbook = WorkbookReader.Open(WorkbookReader.Save(report));

        var names = workbook.Worksheets.Select(s => s.Name).ToList();
        Assert.Equal(2, names.Distinct().Count());
        Assert.All(names, n => Assert.True(n.Length <= 31 && n.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) < 0, n));
        Assert.EndsWith("(2)", names[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveAsync_writes_to_a_stream_that_cannot_seek()
    {
        using var report = new ReportWorkbook(Shanghai).AddSheet(Heading(), Columns, [new("质量部", 1, null, null, null, null)]);
        using var sink = new MemoryStream();

        await report.SaveAsync(new ForwardOnlyStream(sink));

        using var workbook = WorkbookReader.Open(sink.ToArray());
        Assert.Equal("质量部", workbook.Worksheets.Single().Cell(5, 1).GetString());
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            inner.WriteAsync(buffer, offset, count, cancellationToken);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(buffer, cancellationToken);
    }
}
