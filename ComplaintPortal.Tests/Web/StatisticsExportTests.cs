using System.Globalization;
using System.Net;
using ClosedXML.Excel;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ComplaintPortal.Tests.Web;

/// <summary>The statistics' workbook through the real pipeline: the page's tables, one sheet each, in the reader's language, typed cells.</summary>
public sealed class StatisticsExportTests : IDisposable
{
    private readonly PortalAppFactory app = new();

    [Fact]
    public async Task A_leader_downloads_the_month_by_type_channel_department_product_customer_group_and_trend_in_words_with_typed_figures()
    {
        var actions = new AppActions(app.Services);
        var dispatched = await actions.AcknowledgedCaseAsync();
        await actions.AcknowledgedCaseAsync();
        await actions.DispatchAsync(dispatched.Id, "QA");
        var client = await app.SignedInAsync("leader");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var response = await client.GetAsync("/reports/statistics/export.xlsx?period=Month&year=2026&number=3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("complaint-statistics-2026-month-3.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["按投诉类别", "按受理渠道", "按责任部门", "按处理方式", "按投诉原因", "按产品", "按地点", "按客户群体", "按受理时段（每小时）", "按星期", "每月受理", "回访意见建议"],
            workbook.Worksheets.Select(s => s.Name));
        static List<string[]> Rows(IXLWorksheet sheet) => sheet.AutoFilter.Range.Rows().Select(r => r.Cells().Select(c => c.GetString()).ToArray()).ToList();

        var categories = workbook.Worksheet("按投诉类别");
        var byCategory = Rows(categories);
        Assert.Equal(["投诉类别", "受理投诉", "上期", "增减", "已结案", "处理结果满意率", "服务态度满意率", "重开", "重复投诉"], byCategory[0]);
        var quality = Assert.Single(byCategory.Skip(1));
        Assert.Equal(("产品质量问题", "2", "0", "2"), (quality[0], quality[1], quality[2], quality[3]));
        Assert.Equal(XLDataType.Number, categories.AutoFilter.Range.Row(2).Cell(2).DataType);
        // The title block names the period in the organisation's dates.
        Assert.Contains(categories.RangeUsed()!.Cells(), c => c.GetString() == "2026/3/1 至 2026/3/31");
        var channels = Rows(workbook.Worksheet("按受理渠道"));
        Assert.Equal(["客服热线", "2"], channels[1][..2]);
        // Only the dispatched case has a department.
        Assert.Equal(["质量部", "1"], Assert.Single(Rows(workbook.Worksheet("按责任部门")).Skip(1))[..2]);
        // No department has recorded findings yet: the causes' sheet has its column titles and no line.
        Assert.Equal(["原因类别", "受理投诉"], Assert.Single(Rows(workbook.Worksheet("按投诉原因")))[..2]);
        // Both are about the same product; neither gave a customer group.
        var products = Rows(workbook.Worksheet("按产品"));
        Assert.Equal(["产品型号", "受理投诉"], products[0][..2]);
        Assert.Equal(["XP-200", "2"], Assert.Single(products.Skip(1))[..2]);
        Assert.Equal(["未填写", "2"], Assert.Single(Rows(workbook.Worksheet("按客户群体")).Skip(1))[..2]);
        Assert.Equal(["未填写", "2"], Assert.Single(Rows(workbook.Worksheet("按地点")).Skip(1))[..2]);
        // Every hour and every day, each received counted once.
        var hours = Rows(workbook.Worksheet("按受理时段（每小时）"));
        Assert.Equal((25, "00:00–01:00", "23:00–24:00"), (hours.Count, hours[1][0], hours[^1][0]));
        Assert.Equal(2, hours.Skip(1).Sum(h => int.Parse(h[1], CultureInfo.InvariantCulture)));
        var days = Rows(workbook.Worksheet("按星期"));
        Assert.Equal(("星期一", "星期日"), (days[1][0], days[^1][0]));
        Assert.Equal(2, days.Skip(1).Sum(d => int.Parse(d[1], CultureInfo.InvariantCulture)));
        var trend = Rows(workbook.Worksheet("每月受理"));
        Assert.Equal(12, trend.Count - 1);
        Assert.Equal("2", trend[^1][1]);
    }

    [Fact]
    public async Task The_workbook_lists_the_callback_suggestions_each_as_text_even_one_that_looks_like_a_formula()
    {
        var actions = new AppActions(app.Services);
        var replied = await actions.RepliedCaseAsync("QA", "handler.qa");
        await actions.DoAsync(replied.Id, ComplaintPortal.Domain.Workflow.WorkflowAction.CloseSatisfied,
            new() { Suggestion = "=HYPERLINK(\"http://x\",\"点我\")" }, "intake");
        var client = await app.SignedInAsync("leader");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var response = await client.GetAsync("/reports/statistics/export.xlsx?period=Month&year=2026&number=3");

        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet("回访意见建议");
        var rows = sheet.AutoFilter.Range.Rows().Select(r => r.Cells().Select(c => c.GetString()).ToArray()).ToList();
        Assert.Equal(["案件", "受理时间", "投诉分类", "处理部门", "其他问题或建议", "改进措施跟踪"], rows[0]);
        var line = Assert.Single(rows.Skip(1));
        Assert.Equal((replied.CaseNumber, "=HYPERLINK(\"http://x\",\"点我\")"), (line[0], line[4]));
        var cell = sheet.AutoFilter.Range.Row(2).Cell(5);
        Assert.False(cell.HasFormula);
        Assert.Equal(XLDataType.DateTime, sheet.AutoFilter.Range.Row(2).Cell(2).DataType);
    }

    [Fact]
    public async Task A_department_head_s_workbook_holds_their_department_s_complaints_only_and_says_whose()
    {
        var actions = new AppActions(app.Services);
        var quality = await actions.AcknowledgedCaseAsync();
        var engineering = await actions.AcknowledgedCaseAsync();
        await actions.DispatchAsync(quality.Id, "QA");
        await actions.DispatchAsync(engineering.Id, "ENG");
        var client = await app.SignedInAsync("head.qa");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var response = await client.GetAsync("/reports/statistics/export.xlsx?period=Month&year=2026&number=3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var departments = workbook.Worksheet("按责任部门");
        var rows = departments.AutoFilter.Range.Rows().Skip(1).Select(r => r.Cells().Select(c => c.GetString()).ToArray()).ToList();
        Assert.Equal(["质量部", "1"], Assert.Single(rows)[..2]);
        Assert.Contains(departments.RangeUsed()!.Cells(), c => c.GetString() == "质量部" && c.Address.RowNumber < departments.AutoFilter.Range.FirstRow().RowNumber());
    }

    /// <summary>
    /// The portal keeps the statistics from its start, each save adding its difference, and the workbook reads those kept
    /// counts rather than the cases: a change made around the portal, in the database itself, does not reach it.
    /// </summary>
    [Fact]
    public async Task The_workbook_reads_the_counts_the_portal_keeps_as_cases_are_saved()
    {
        var actions = new AppActions(app.Services);
        var complaint = await actions.AcknowledgedCaseAsync();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        Assert.Equal((true, 1), await app.WithDbAsync(async db => (await StatisticsCounts.IsKeptAsync(db, zone),
            await db.Set<StatisticsCount>().Where(c => c.Scope == StatisticsCount.WholeOrganisation && c.Line == StatisticsCountLine.Total).SumAsync(c => c.Received))));
        await app.WithDbAsync(db => db.Complaints.Where(c => c.Id == complaint.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Stage, CaseStage.Invalid)));
        var client = await app.SignedInAsync("leader");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var response = await client.GetAsync("/reports/statistics/export.xlsx?period=Month&year=2026&number=3");

        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var months = workbook.Worksheet("每月受理").AutoFilter.Range.Rows().Select(r => r.Cells().Select(c => c.GetString()).ToArray()).ToList();
        Assert.Equal("1", months[^1][1]);
    }

    /// <summary>The portal's ten-minute scan checks again the phones that saves counted (a save of the same phone at that moment may have missed it).</summary>
    [Fact]
    public async Task The_portal_s_scan_checks_again_the_callers_saves_counted()
    {
        var scan = app.Services.GetServices<IHostedService>().OfType<ComplaintPortal.Web.Features.Reports.TimelinessCountService>().Single();
        // The scan's first pass, at start-up, is over; the next comes when woken (or in ten minutes).
        await PassAsync(0);
        await new AppActions(app.Services).AcknowledgedCaseAsync();
        Assert.True(await app.WithDbAsync(db => db.Set<StatisticsCallerCheck>().AnyAsync()));

        var before = scan.Passes;
        scan.Wake();
        await PassAsync(before);
        Assert.False(await app.WithDbAsync(db => db.Set<StatisticsCallerCheck>().AnyAsync()));

        async Task PassAsync(long after)
        {
            for (var attempt = 0; attempt < 300 && scan.Passes <= after; attempt++)
            {
                await Task.Delay(100);
            }

            Assert.True(scan.Passes > after);
        }
    }

    public void Dispose() => app.Dispose();
}
