using ClosedXML.Excel;
using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Tests.Reporting.Excel;
using ComplaintPortal.Web.Features.Archive;
using ComplaintPortal.Web.Hosting;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Tests.Web.Archive;

/// <summary>The access register's sheet names each access's request by the number people quote (CY-…), as the pages do.</summary>
public sealed class ArchiveLogExportTests
{
    [Fact]
    public void A_logged_view_names_its_request_by_number_and_a_clerk_s_own_action_names_none()
    {
        var at = new DateTimeOffset(2026, 5, 6, 2, 30, 0, TimeSpan.Zero);
        var clock = new OrganisationClock(new SettableTimeProvider(at), Options.Create(new OrganisationOptions()));
        ArchiveAccessLogEntry[] rows =
        [
            new(at, "u-1", "周晓", "质量部", "DA-2026-000001", 42, ArchiveAccessKind.ViewFile, null, "10.0.0.7"),
            new(at, "u-2", "孙丽", "档案室", "DA-2026-000001", null, ArchiveAccessKind.ViewFile, null, null),
        ];

        using var workbook = WorkbookReader.Open(ArchiveLogExport.Write(rows, clock, new ArchiveLogFilter(null, null), ArchiveNames.Empty));

        var sheet = workbook.Worksheets.First();
        var cells = sheet.CellsUsed().ToList();
        var request = Assert.Single(cells, c => c.GetString() == "CY-000042");
        Assert.Equal(XLDataType.Text, request.DataType);
        Assert.DoesNotContain(cells, c => c.GetString() == "42");
        Assert.True(sheet.Cell(request.Address.RowNumber + 1, request.Address.ColumnNumber).IsEmpty());
    }

    [Fact]
    public void The_sheet_names_the_filters_its_rows_were_chosen_by()
    {
        using var culture = new UiCulture("zh-Hans");
        var at = new DateTimeOffset(2026, 5, 6, 2, 30, 0, TimeSpan.Zero);
        var clock = new OrganisationClock(new SettableTimeProvider(at), Options.Create(new OrganisationOptions()));
        ArchiveAccessLogEntry[] rows = [new(at, "u-1", "周晓", "质量部", "DA-2026-000001", null, ArchiveAccessKind.Refused, null, "10.0.0.7")];

        using var filtered = WorkbookReader.Open(ArchiveLogExport.Write(rows, clock, new ArchiveLogFilter(" 周 ", "DA-2026", RefusedOnly: true), ArchiveNames.Empty));
        using var whole = WorkbookReader.Open(ArchiveLogExport.Write(rows, clock, new ArchiveLogFilter(null, null), ArchiveNames.Empty));

        // Above the header: each filter on its own line, label then value (the refused attempts by their name in the register).
        string[] Lines(XLWorkbook book)
        {
            var sheet = book.Worksheets.First();
            var header = sheet.CellsUsed().First(c => c.GetString() == "时间").Address.RowNumber;
            return [.. Enumerable.Range(1, header - 1).Select(r => sheet.Cell(r, 1).GetString() + "=" + sheet.Cell(r, 2).GetString())];
        }

        Assert.Contains("查阅人=周", Lines(filtered));
        Assert.Contains("档案编号=DA-2026", Lines(filtered));
        Assert.Contains("查阅内容=拒绝（未获批准）", Lines(filtered));
        Assert.DoesNotContain(Lines(whole), l => l.StartsWith("查阅人=", StringComparison.Ordinal) || l.StartsWith("查阅内容=", StringComparison.Ordinal));
    }
}
