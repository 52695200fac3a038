using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Tests.Sla;
using ComplaintPortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ComplaintPortal.Tests.Browser;

/// <summary>The supervision committee's round: draw a sample, check a case, issue a notice, the head answers, the committee verifies.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SupervisionBrowserTests(BrowserFixture browser) : IDisposable
{
    private readonly PortalAppFactory app = new();

    [Fact]
    public async Task Committee_draws_checks_and_issues_a_notice_the_head_answers_and_the_committee_verifies()
    {
        var root = app.StartOnLoopback();
        var time = (SettableTimeProvider)app.Time;
        var actions = new AppActions(app.Services);
        await CloseCaseAsync(actions);
        await CloseCaseAsync(actions);
        time.Set(SlaCalendars.Mainland.At("2026-04-01 09:00"));

        var supervisor = await SignInAsync(root, "supervisor");
        await OpenAsync(supervisor, "/supervision/samples");
        await supervisor.FillAsync(Field("seed"), "20260401");
        await supervisor.ClickAsync("[data-test=draw-submit]");
        var draw = supervisor.Locator("[data-test=draw][data-status=Active]");
        await draw.WaitForAsync();
        Assert.Equal("20260401", await draw.GetAttributeAsync("data-seed"));
        Assert.Equal(2, await draw.Locator("[data-test=drawn-case]").CountAsync());
        await Shot(supervisor, "supervision-1-draw.png");

        await draw.Locator("[data-test=open-check]").First.ClickAsync();
        await supervisor.Locator("[data-test=check-item]").First.WaitForAsync();
        await supervisor.Locator("[data-test=circuit-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.Equal("True", await supervisor.GetAttributeAsync("[data-test=ledger-verification]", "data-intact"));
        foreach (var item in await supervisor.Locator("[data-test=check-item]").AllAsync())
        {
            var failing = await item.GetAttributeAsync("data-item") == "RootCauseCredible";
            await item.Locator($"[data-test=outcome-{(failing ? "Fail" : "Pass")}]").ClickAsync();
        }

        var failed = supervisor.Locator("[data-test=check-item][data-item=RootCauseCredible]");
        await failed.Locator(Field("remark")).FillAsync("原因分析只写“原材料”，没有检验数据");
        await failed.Locator("[data-test=responsible]").ClickAsync();
        await supervisor.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = "质量部" }).ClickAsync();
        await supervisor.FillAsync(Field("working-days"), "2");
        await Shot(supervisor, "supervision-2-check.png");
        await supervisor.ClickAsync("[data-test=complete-check]");
        await supervisor.Locator("[data-test=check-completed]").WaitForAsync();
        var noticeId = await app.WithDbAsync(db => db.RectificationNotices.Select(n => n.Id).SingleAsync());

        var head = await SignInAsync(root, "head.qa");
        await OpenAsync(head, "/supervision/to-answer");
        await head.Locator($"[data-test=notice-row][data-notice-id='{noticeId}']").WaitForAsync();
        await Shot(head, "supervision-3-to-answer.png");
        await OpenAsync(head, $"/supervision/notices/{noticeId}");
        await head.FillAsync(Field("answer-cause", "textarea"), "仅凭经验判断，未做检验");
        await head.FillAsync(Field("answer-fix", "textarea"), "补做材料检验，报告 QA-2026-041 已存档");
        await head.ClickAsync("[data-test=answer-submit]");
        await head.Locator("[data-test=notice-status][data-status=Answered]").WaitForAsync();

        await OpenAsync(supervisor, $"/supervision/notices/{noticeId}");
        await supervisor.ClickAsync("[data-test=verify-accept]");
        await supervisor.Locator("[data-test=notice-status][data-status=Closed]").WaitForAsync();
        Assert.Equal(
            [SupervisionAction.NoticeIssued, SupervisionAction.NoticeAnswered, SupervisionAction.NoticeClosed],
            (await app.WithDbAsync(db => db.SupervisionLog.Where(e => e.SubjectId == noticeId).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync()))
                .Where(a => a.ToString().StartsWith("Notice", StringComparison.Ordinal)));
        await Shot(supervisor, "supervision-4-verified.png");

        await OpenAsync(supervisor, "/supervision/figures");
        await supervisor.ClickAsync("[data-test=figures-publish]");
        await supervisor.Locator("[data-test=figures-published]").WaitForAsync();
        await Shot(supervisor, "supervision-5-figures.png");
    }

    public void Dispose() => app.Dispose();

    /// <summary>The input inside a MudBlazor field marked with data-test (or the input itself when the mark lands on it).</summary>
    private static string Field(string test, string element = "input") => $"[data-test={test}] {element}, {element}[data-test={test}]";

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.Locator("[data-test=circuit-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath(name), FullPage = true });

    private static async Task CloseCaseAsync(AppActions actions)
    {
        var id = (await actions.AcknowledgedCaseAsync()).Id;
        var task = (await actions.DispatchAsync(id, DepartmentCatalog.Quality)).Tasks.Single();
        await actions.DoAsync(id, WorkflowAction.RecordFindings, new() { TaskId = task.Id, Note = "查明原因", RootCause = "原材料" }, "handler.qa");
        await actions.DoAsync(id, WorkflowAction.ProposeSolution, new() { TaskId = task.Id, Note = "更换新品", ResponsiblePerson = "李强", DueDate = new DateOnly(2026, 3, 20) }, "handler.qa");
        await actions.DoAsync(id, WorkflowAction.RecordImplementation, new() { TaskId = task.Id, Note = "已更换" }, "handler.qa");
        await actions.DoAsync(id, WorkflowAction.ReportBack, new() { TaskId = task.Id, Note = "处理完毕" }, "handler.qa");
        await actions.DoAsync(id, WorkflowAction.Approve, new() { Note = "同意" }, "intake");
        await actions.DoAsync(id, WorkflowAction.Reply, new() { ReplyChannel = ReplyChannel.Phone, Note = "已电话回复，致谢致歉" }, "intake");
        await actions.DoAsync(id, WorkflowAction.CloseSatisfied, new() { SatisfiedWithAttitude = true }, "intake");
    }

    private async Task<IPage> SignInAsync(Uri root, string userName)
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = root.ToString(), Locale = "zh-CN", ViewportSize = new() { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", DemoAccounts.Password);
        await page.ClickAsync("[data-test=login-submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        return page;
    }
}
