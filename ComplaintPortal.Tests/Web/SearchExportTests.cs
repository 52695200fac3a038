using System.Net;
using ClosedXML.Excel;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Privacy;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Web;

/// <summary>
/// The search's workbook through the real pipeline: the cases the page lists for the same search, with its columns and its
/// masking, the search named above them, and an export of unmasked personal data written in the personal-data log.
/// </summary>
public sealed class SearchExportTests : IDisposable
{
    private readonly PortalAppFactory app = new();

    private static readonly string[] Header = ["案件编号", "阶段", "优先级", "已上报公司领导", "最近期限", "受理时间", "姓名", "联系电话", "投诉内容"];

    private static List<string[]> Rows(IXLWorksheet sheet) =>
        sheet.AutoFilter.Range.Rows().Select(r => r.Cells().Select(c => c.GetString()).ToArray()).ToList();

    private async Task<(XLWorkbook Workbook, HttpResponseMessage Response)> ExportAsync(string user, string query)
    {
        var client = await app.SignedInAsync(user);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var response = await client.GetAsync("/cases/search/export.xlsx" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync())), response);
    }

    [Fact]
    public async Task An_intake_clerk_downloads_the_cases_of_the_search_with_the_lists_columns_and_the_export_is_logged()
    {
        var actions = new AppActions(app.Services);
        var dispatched = await actions.AcknowledgedCaseAsync();
        var waiting = await actions.AcknowledgedCaseAsync();
        await actions.DispatchAsync(dispatched.Id, "QA");

        var (workbook, response) = await ExportAsync("intake", "?q=%E6%BC%8F%E7%94%B5&stage=InDepartments");

        Assert.StartsWith("case-search-", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl is { NoStore: true, Private: true });
        var sheet = Assert.Single(workbook.Worksheets);
        Assert.Equal("案件查询结果", sheet.Name);
        var rows = Rows(sheet);
        Assert.Equal(Header, rows[0]);
        var row = Assert.Single(rows.Skip(1));
        Assert.Equal([dispatched.CaseNumber, "部门处理中", "一般投诉", "", "王小明", "13812345678", "电水壶使用两周后底座漏电"],
            [row[0], row[1], row[2], row[3], row[6], row[7], row[8]]);
        // Times are typed cells (the organisation's dates), the deadline the earliest one still running.
        Assert.Equal(XLDataType.DateTime, sheet.AutoFilter.Range.Row(2).Cell(5).DataType);
        Assert.Equal(XLDataType.DateTime, sheet.AutoFilter.Range.Row(2).Cell(6).DataType);
        // The search asked, above the table in the reader's words.
        var said = sheet.RangeUsed()!.Cells().Select(c => c.GetString()).ToList();
        Assert.Contains("案件编号、电话或姓名", said);
        Assert.Contains("漏电", said);
        Assert.Contains("部门处理中", said);
        Assert.DoesNotContain(waiting.CaseNumber, said);

        // The clerk works every case: the names and phones are in the file, and the log says who took them.
        var logged = await app.WithDbAsync(db => db.PersonalDataViews.AsNoTracking().ToListAsync());
        var line = Assert.Single(logged);
        Assert.Equal((dispatched.CaseNumber, PersonalDataViewKind.Export, "案件查询结果"), (line.CaseNumber, line.Kind, line.Detail));
    }

    [Fact]
    public async Task A_supervisor_gets_the_names_and_phones_masked_unlogged_and_a_handler_only_the_cases_of_their_department()
    {
        var actions = new AppActions(app.Services);
        var quality = await actions.AcknowledgedCaseAsync();
        var engineering = await actions.AcknowledgedCaseAsync();
        await actions.DispatchAsync(quality.Id, "QA");
        await actions.DispatchAsync(engineering.Id, "ENG");

        var (supervisors, _) = await ExportAsync("supervisor", "");
        var seen = Rows(supervisors.Worksheet(1)).Skip(1).ToList();
        // Received at the same instant (the test clock stands still): newest first cannot tell them apart.
        Assert.Equal([quality.CaseNumber, engineering.CaseNumber], seen.Select(r => r[0]).Order(StringComparer.Ordinal));
        Assert.All(seen, r => Assert.Equal(("王**", "138****5678"), (r[6], r[7])));
        Assert.Empty(await app.WithDbAsync(db => db.PersonalDataViews.AsNoTracking().ToListAsync()));

        var (handlers, _) = await ExportAsync("handler.qa", "");
        var theirs = Assert.Single(Rows(handlers.Worksheet(1)).Skip(1));
        Assert.Equal((quality.CaseNumber, "王小明"), (theirs[0], theirs[6]));
    }

    [Fact]
    public async Task The_export_lists_the_cases_in_the_order_the_page_was_sorted_and_says_so()
    {
        var actions = new AppActions(app.Services);
        var first = await actions.AcknowledgedCaseAsync();
        var second = await actions.AcknowledgedCaseAsync();

        var (descending, _) = await ExportAsync("intake", "?sort=-number");
        var (ascending, _) = await ExportAsync("intake", "?sort=number");
        var (unknown, _) = await ExportAsync("intake", "?sort=Name");

        Assert.Equal([second.CaseNumber, first.CaseNumber], Rows(descending.Worksheet(1)).Skip(1).Select(r => r[0]));
        Assert.Equal([first.CaseNumber, second.CaseNumber], Rows(ascending.Worksheet(1)).Skip(1).Select(r => r[0]));
        var said = descending.Worksheet(1).RangeUsed()!.Cells().Select(c => c.GetString()).ToList();
        Assert.Equal("案件编号（降序）", said[said.IndexOf("排序") + 1]);
        // A column the list does not sort by is its own order, and the title block names none.
        Assert.DoesNotContain("排序", unknown.Worksheet(1).RangeUsed()!.Cells().Select(c => c.GetString()));
    }

    [Fact]
    public async Task The_search_page_links_its_export_to_the_search_it_shows()
    {
        var client = await app.SignedInAsync("intake");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var page = await client.GetStringAsync("/cases/search?q=0042");

        Assert.Contains("href=\"/cases/search/export.xlsx?q=0042\"", page, StringComparison.Ordinal);
    }

    public void Dispose() => app.Dispose();
}
