using System.Net;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ComplaintPortal.Tests.Board;

public sealed class BoardExportTests : IDisposable
{
    private readonly PortalAppFactory app = new();

    [Fact]
    public async Task Export_holds_the_rows_and_columns_of_the_viewers_board_with_chinese_intact()
    {
        var actions = new AppActions(app.Services);
        var quality = await actions.AcknowledgedCaseAsync();
        await actions.DispatchAsync(quality.Id, DepartmentCatalog.Quality);
        var other = await actions.AcknowledgedCaseAsync();
        var client = await app.SignedInAsync("handler.qa");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var response = await client.GetAsync("/board/export.xlsx?sort=CaseNumber");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var rows = ReadRows(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["投诉编号", "类别", "优先级", "环节", "责任部门 / 负责人", "进入本环节时间", "下一期限", "时效状态"], rows[0]);
        var only = Assert.Single(rows.Skip(1));
        Assert.Equal(quality.CaseNumber, only[0]);
        Assert.Contains("质量部", only[4], StringComparison.Ordinal);
        Assert.DoesNotContain(rows, r => r[0] == other.CaseNumber);
    }

    [Fact]
    public async Task Export_is_refused_to_roles_without_a_board()
    {
        var client = await app.SignedInAsync("archivist");

        var response = await client.GetAsync("/board/export.xlsx");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", response.Headers.Location!.AbsolutePath);
    }

    private static List<string[]> ReadRows(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        return sheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.Text?.Text ?? c.CellValue?.Text ?? "").ToArray())
            .ToList();
    }

    public void Dispose() => app.Dispose();
}
