using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ComplaintPortal.Tests.Browser;

/// <summary>
/// A demo server started with the telecom complaint room starter (<c>Demo:Starter=telecom</c>): its departments
/// on the administrator's page, and a billing dispute walked from the complaint room's intake through finance to close,
/// with the acknowledgement from the starter's template promising the computed completion deadline.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StarterBrowserTests(BrowserFixture browser) : IDisposable
{
    private readonly PortalAppFactory app = new() { Settings = { ["Demo:Starter"] = "telecom" } };

    [Fact]
    public async Task Telecom_starter_billing_dispute_goes_from_the_complaint_room_through_finance_to_close()
    {
        var root = app.StartOnLoopback();
        var admin = await SignInAsync(root, "admin");
        await admin.GotoAsync("/admin/departments");
        await admin.WaitForSelectorAsync("[data-department=FIN]");
        Assert.Contains("投诉室", await admin.InnerTextAsync("[data-test=department-table]"), StringComparison.Ordinal);
        Assert.Equal(0, await admin.Locator("[data-department=QA]").CountAsync());
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath("starter-telecom-departments.png"), FullPage = true });

        var clerk = await SignInAsync(root, "intake");
        await OpenAsync(clerk, "/cases/new");
        await PickAsync(clerk, "intake-channel", "营业厅");
        await clerk.FillAsync("#name", "赵先生");
        await clerk.FillAsync("#phone", "18600002222");
        await clerk.FillAsync("#description", "三月话费多扣 300 元");
        await clerk.ClickAsync("[data-test=intake-confirmed]");
        await clerk.ClickAsync("[data-test=register]");
        await clerk.WaitForSelectorAsync("[data-stage=Registered]");
        var number = await clerk.InnerTextAsync("[data-test=case-number]");

        await ActAsync(clerk, "Assess", "Assessed", fill: async () =>
        {
            await PickAsync(clerk, "step-category", "多扣费");
            await PickAsync(clerk, "step-severity", "一般");
            await PickAsync(clerk, "step-urgency", "普通");
        });
        await ActAsync(clerk, "Acknowledge", "Acknowledged", fill: async () =>
        {
            var note = await clerk.InputValueAsync("[data-test=step-note]");
            Assert.Contains(number, note, StringComparison.Ordinal);
            Assert.Contains("投诉室", note, StringComparison.Ordinal);
            Assert.Contains(await PromisedDateAsync(number), note, StringComparison.Ordinal);
            await clerk.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath("starter-telecom-acknowledgement.png") });
        });
        await ActAsync(clerk, "Dispatch", "InDepartments", fill: async () =>
            Assert.True(await clerk.IsCheckedAsync("input[data-code=FIN]")));

        var head = await SignInAsync(root, "head.fin");
        await OpenAsync(head, "/cases/" + number);
        await ActAsync(head, "ReassignTask", "InDepartments", fill: () => PickAsync(head, "step-assignee", "财务部 何丽"));
        var finance = await SignInAsync(root, "handler.fin");
        await OpenAsync(finance, "/cases/" + number);
        await ActAsync(finance, "RecordFindings", "InDepartments", "计费系统重复扣取流量包费用", () => finance.FillAsync("[data-test=step-root-cause]", "套餐变更时重复计费"));
        await ActAsync(finance, "ProposeSolution", "InDepartments", "退还多扣话费 300 元", async () =>
        {
            await finance.FillAsync("[data-test=step-responsible]", "何丽");
            await finance.FillAsync("[data-test=step-due-date]", "2026-03-06");
        });
        await ActAsync(finance, "RecordImplementation", "InDepartments", "已调账退费");
        await ActAsync(finance, "ReportBack", "UnderReview", "已退还 300 元");

        await OpenAsync(clerk, "/cases/" + number);
        await ActAsync(clerk, "Approve", "Approved", "同意");
        await ActAsync(clerk, "Reply", "AwaitingCallback", "已退还多扣话费 300 元，感谢您的反馈，深表歉意", () => PickAsync(clerk, "step-reply-channel", "短信"));
        await ActAsync(clerk, "CloseSatisfied", "Closed", "满意");
        await clerk.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath("starter-telecom-closed.png"), FullPage = true });

        // The acknowledgement and the SMS reply both went through the outbox.
        Assert.Equal(2, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient == "18600002222")));
    }

    private async Task<string> PromisedDateAsync(string number) => await app.WithDbAsync(async db =>
    {
        var id = await db.Complaints.Where(c => c.CaseNumber == number).Select(c => c.Id).SingleAsync();
        var due = await db.CaseDeadlines.Where(d => d.ComplaintId == id && d.DepartmentTaskId == null && d.Kind == Domain.Deadlines.DeadlineKind.Completion)
            .Select(d => d.DueAt).SingleAsync();
        return Domain.Notifications.CustomerMessageBook.FormatDate(TimeZoneInfo.ConvertTime(due, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")), "zh-Hans");
    });

    private static async Task ActAsync(IPage page, string action, string expectedStage, string? note = null, Func<Task>? fill = null)
    {
        var primary = page.Locator($"[data-test=primary-action][data-action={action}]");
        if (await primary.CountAsync() > 0)
        {
            await primary.ClickAsync();
        }
        else
        {
            await page.ClickAsync("[data-test=more-actions] button");
            await page.ClickAsync($".mud-popover-open [data-action={action}]");
        }

        await page.WaitForSelectorAsync($"[data-test=step-dialog][data-action={action}]");
        if (fill is not null)
        {
            await fill();
        }

        if (note is not null)
        {
            await page.FillAsync("[data-test=step-note]", note);
        }

        await page.ClickAsync("[data-test=confirm-step]");
        await page.WaitForSelectorAsync("[data-test=step-dialog]", new() { State = WaitForSelectorState.Detached });
        await page.WaitForSelectorAsync($"[data-test=case-stage][data-stage={expectedStage}]");
    }

    private static async Task PickAsync(IPage page, string select, string option)
    {
        await page.ClickAsync($"[data-test={select}]", new() { Force = true });
        await page.ClickAsync($".mud-popover-open .mud-list-item:has-text(\"{option}\")");
        await page.WaitForSelectorAsync(".mud-popover-open .mud-list-item", new() { State = WaitForSelectorState.Detached });
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForFunctionAsync("() => window.Blazor && document.querySelector('[data-test=drawer-toggle]')");
        await page.WaitForTimeoutAsync(1000);
    }

    private async Task<IPage> SignInAsync(Uri root, string userName)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN", BaseURL = root.ToString(), ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", DemoAccounts.Password);
        await page.ClickAsync("[data-test=login-submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        return page;
    }

    public void Dispose() => app.Dispose();
}
