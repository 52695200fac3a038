using System.Net;
using ComplaintPortal.Domain.Privacy;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Components.Layout;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Web.Cases;

/// <summary>
/// The case's handling form (投诉处理单) through the real pipeline: a static page, no circuit, with the record, the departments'
/// work, the reply and the lines the customer signs; masked for whoever does not work the case, logged when it is not.
/// </summary>
public sealed class HandlingFormTests : IDisposable
{
    private readonly PortalAppFactory app = new();

    private async Task<HttpResponseMessage> OpenAsync(string user, string caseNumber)
    {
        var client = await app.SignedInAsync(user);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        return await client.GetAsync($"/cases/{caseNumber}/form");
    }

    [Fact]
    public async Task The_clerk_prints_a_replied_case_with_the_customers_data_the_work_and_the_lines_to_sign_and_the_log_says_so()
    {
        var replied = await new AppActions(app.Services).RepliedCaseAsync("QA", "handler.qa");

        var response = await OpenAsync("intake", replied.CaseNumber);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var text in new[] { "客户投诉处理单", replied.CaseNumber, "王小明", "13812345678", "电水壶使用两周后底座漏电", "更换新品", "已电话回复，致谢致歉",
                     "对处理结果", "对服务态度", "客户签名", "经办人签名", "data-print" })
        {
            Assert.Contains(text, html, StringComparison.Ordinal);
        }

        // Static: nothing in it starts a circuit, and the page's policy still forbids inline script.
        Assert.DoesNotContain("Blazor:{\"type\":\"server\"", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        var line = Assert.Single(await app.WithDbAsync(db => db.PersonalDataViews.AsNoTracking().ToListAsync()));
        Assert.Equal((replied.CaseNumber, PersonalDataViewKind.Printed), (line.CaseNumber, line.Kind));
    }

    [Fact]
    public async Task A_chased_department_is_told_on_the_case_page_but_the_customers_form_leaves_the_chase_out()
    {
        var actions = new AppActions(app.Services);
        var open = await actions.DispatchAsync((await actions.AcknowledgedCaseAsync()).Id, "QA");
        await actions.DoAsync(open.Id, WorkflowAction.ChaseTask, new() { TaskId = open.Tasks.Single().Id, Note = "请今天答复" }, "intake");
        var client = await app.SignedInAsync("intake");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var page = await client.GetStringAsync($"/cases/{open.CaseNumber}");
        var form = await client.GetStringAsync($"/cases/{open.CaseNumber}/form");

        Assert.Contains("已催办", page, StringComparison.Ordinal);
        Assert.DoesNotContain("已催办", form, StringComparison.Ordinal);
        Assert.Contains("质量部", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_dark_mode_the_form_stays_light_as_on_paper_while_the_case_page_turns_dark()
    {
        var replied = await new AppActions(app.Services).RepliedCaseAsync("QA", "handler.qa");
        var client = await app.SignedInAsync("intake");
        client.DefaultRequestHeaders.Add("Cookie", PortalTheme.CookieName + "=dark");

        var form = await client.GetStringAsync($"/cases/{replied.CaseNumber}/form");
        var page = await client.GetStringAsync($"/cases/{replied.CaseNumber}");

        Assert.DoesNotContain(ThemeStylesheet.DarkClass, form, StringComparison.Ordinal);
        Assert.Contains("class=\"" + ThemeStylesheet.DarkClass + "\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supervisor_gets_it_masked_and_unlogged_and_another_department_as_if_the_case_did_not_exist()
    {
        var replied = await new AppActions(app.Services).RepliedCaseAsync("QA", "handler.qa");

        var supervisor = await OpenAsync("supervisor", replied.CaseNumber);
        var masked = await supervisor.Content.ReadAsStringAsync();
        var engineering = await OpenAsync("handler.eng", replied.CaseNumber);
        var missing = await OpenAsync("intake", "KS-1999-000001");

        Assert.Equal(HttpStatusCode.OK, supervisor.StatusCode);
        Assert.Contains("王**", masked, StringComparison.Ordinal);
        Assert.Contains("138****5678", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", masked, StringComparison.Ordinal);
        Assert.Empty(await app.WithDbAsync(db => db.PersonalDataViews.AsNoTracking().ToListAsync()));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (engineering.StatusCode, missing.StatusCode));
        Assert.DoesNotContain(replied.CaseNumber, await engineering.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose() => app.Dispose();
}
