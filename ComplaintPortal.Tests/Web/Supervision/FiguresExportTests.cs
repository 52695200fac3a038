using System.Net;
using ClosedXML.Excel;
using ComplaintPortal.Tests.Infrastructure;

namespace ComplaintPortal.Tests.Web.Supervision;

public sealed class FiguresExportTests : IDisposable
{
    private const string March = "/supervision/figures/export.xlsx?kind=Month&year=2026&number=3";
    private readonly PortalAppFactory app = new();

    [Fact]
    public async Task The_committee_exports_a_period_per_department_checklist_item_and_handler()
    {
        var actions = new AppActions(app.Services);
        await actions.ClosedQualityCaseAsync();
        var client = await app.SignedInAsync("supervisor");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var response = await client.GetAsync(March);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("figures-2026-03.xlsx", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["按部门", "各检查项抽查合格率", "按承办人"], workbook.Worksheets.Select(w => w.Name));
        var departments = workbook.Worksheet("按部门");
        Assert.Equal("2026年3月", Line(departments, "期间"));
        Assert.StartsWith("未发布", Line(departments, "状态"), StringComparison.Ordinal);
        var header = Table(departments)[0];
        Assert.Equal(["部门", "结案件数", "及时率", "满意率", "重开率", "抽查合格率", "整改通知", "已关闭", "逾期"], header.Select(c => c.GetString()));
        var quality = Table(departments).Single(r => r[0].GetString() == "质量部");
        Assert.Equal(1, quality[1].GetValue<int>());
        var handlers = Table(workbook.Worksheet("按承办人"));
        var handler = Assert.Single(handlers.Skip(1), r => r[1].GetString() == "质量部");
        Assert.False(string.IsNullOrWhiteSpace(handler[0].GetString()));
        Assert.Equal(1, handler[2].GetValue<int>());
    }

    [Theory]
    [InlineData("kind=Quarter&year=2026&number=1", "figures-2026-Q1.xlsx")]
    [InlineData("kind=Year&year=2026&number=1", "figures-2026.xlsx")]
    public async Task The_file_is_named_by_the_period_as_people_write_it(string period, string name)
    {
        var client = await app.SignedInAsync("supervisor");

        var response = await client.GetAsync("/supervision/figures/export.xlsx?" + period);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(name, response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
    }

    [Fact]
    public async Task The_figures_page_is_worked_out_once_by_the_circuit_and_the_first_answer_says_so()
    {
        // Live figures read the period's cases (about a second a month at 1,000,000 cases): the prerendered page shows a
        // progress bar instead of working them out for a page the circuit then works them out for again.
        await new AppActions(app.Services).ClosedQualityCaseAsync();
        var client = await app.SignedInAsync("supervisor");

        var html = await client.GetStringAsync("/supervision/figures");

        Assert.Contains("data-test=\"figures-computing\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-test=\"figures-departments\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-test=\"figures-not-published\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_head_gets_no_unpublished_figures_and_a_handler_no_export_at_all()
    {
        var head = await app.SignedInAsync("head.qa");
        var handler = await app.SignedInAsync("handler.qa");

        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync(March)).StatusCode);
        var refused = await handler.GetAsync(March);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/account/access-denied", refused.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_period_that_is_not_one_answers_not_found()
    {
        var client = await app.SignedInAsync("supervisor");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/supervision/figures/export.xlsx?kind=Month&year=2026&number=13")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/supervision/figures/export.xlsx?year=2026&number=3")).StatusCode);
    }

    public void Dispose() => app.Dispose();

    /// <summary>The value beside a title-block label.</summary>
    private static string Line(IXLWorksheet sheet, string label) =>
        sheet.Column(1).CellsUsed().First(c => c.GetString() == label).CellRight().GetString();

    /// <summary>The header and data rows: the autofilter covers exactly them.</summary>
    private static List<IXLCell[]> Table(IXLWorksheet sheet) =>
        sheet.AutoFilter.Range.Rows().Select(r => r.Cells().ToArray()).ToList();
}
