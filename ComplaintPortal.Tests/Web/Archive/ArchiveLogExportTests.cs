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

        using var workbook = WorkbookReader.Open(ArchiveLogExport.Write(rows, clock));

        var sheet = workbook.Worksheets.First();
        var cells = sheet.CellsUsed().ToList();
        var request = Assert.Single(cells, c => c.GetString() == "CY-000042");
        Assert.Equal(XLDataType.Text, request.DataType);
        Assert.DoesNotContain(cells, c => c.GetString() == "42");
        Assert.True(sheet.Cell(request.Address.RowNumber + 1, request.Address.ColumnNumber).IsEmpty());
    }
}
