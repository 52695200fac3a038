using System.Net;
using ClosedXML.Excel;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
        // Kept out of every cache on the way, as the other workbooks.
        Assert.True(response.Headers.CacheControl is { NoStore: true, Private: true });
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheets.Single();
        var rows = Table(sheet);
        Assert.Equal(["投诉编号", "类别", "优先级", "环节", "责任部门 / 负责人", "进入本环节时间", "下一期限", "时效状态"], rows[0].Select(c => c.GetString()));
        var only = Assert.Single(rows.Skip(1));
        Assert.Equal(quality.CaseNumber, only[0].GetString());
        Assert.Contains("质量部", only[4].GetString(), StringComparison.Ordinal);
        Assert.Equal(XLDataType.DateTime, only[5].DataType);
        Assert.Equal(XLDataType.DateTime, only[6].DataType);
        Assert.DoesNotContain(rows, r => r[0].GetString() == other.CaseNumber);
    }

    [Fact]
    public async Task Export_title_block_names_the_board_the_time_in_the_organisation_zone_and_the_filters()
    {
        var client = await app.SignedInAsync("handler.qa");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var response = await client.GetAsync("/board/export.xlsx?priority=Urgent&due=overdue&sort=CaseNumber");

        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheets.Single();
        Assert.Equal("实时看板", sheet.Cell("A1").GetString());
        Assert.Equal("生成时间", sheet.Cell("A2").GetString());
        Assert.Equal(XLDataType.DateTime, sheet.Cell("B2").DataType);
        var lines = Enumerable.Range(3, 5).ToDictionary(r => sheet.Cell(r, 1).GetString(), r => sheet.Cell(r, 2).GetString());
        Assert.Equal("全部", lines["环节"]);
        Assert.Equal("已超时", lines["时效状态"]);
        Assert.Equal("投诉编号", lines["排序"]);
        Assert.NotEqual("全部", lines["优先级"]);
    }

    [Fact]
    public async Task A_stored_owner_name_with_control_characters_exports_cleaned()
    {
        var actions = new AppActions(app.Services);
        var quality = await actions.AcknowledgedCaseAsync();
        await actions.DispatchAsync(quality.Id, DepartmentCatalog.Quality);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PortalDbContext>().DepartmentTasks
                .Where(t => t.ComplaintId == quality.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.OwnerName, "=张\u0001三\u001F\uD800"));
        }

        var client = await app.SignedInAsync("handler.qa");
        var response = await client.GetAsync("/board/export.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var owner = Table(workbook.Worksheets.Single())[1][4];
        Assert.EndsWith(" · =张三\uFFFD", owner.GetString(), StringComparison.Ordinal);
        Assert.False(owner.HasFormula);
    }

    [Fact]
    public async Task Export_is_refused_to_roles_without_a_board()
    {
        var client = await app.SignedInAsync("archivist");

        var response = await client.GetAsync("/board/export.xlsx");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", response.Headers.Location!.AbsolutePath);
    }

    /// <summary>The header and data rows: the autofilter covers exactly them.</summary>
    private static List<IXLCell[]> Table(IXLWorksheet sheet) =>
        sheet.AutoFilter.Range.Rows().Select(r => Enumerable.Range(1, 8).Select(r.Cell).ToArray()).ToList();

    public void Dispose() => app.Dispose();
}
