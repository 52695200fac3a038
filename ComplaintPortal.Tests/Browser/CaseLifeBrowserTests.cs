using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Hosting;
using Microsoft.Playwright;

namespace ComplaintPortal.Tests.Browser;

/// <summary>One plaza repair complaint walked from intake to close by the clerk, the engineering head and its handler.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseLifeBrowserTests(BrowserFixture browser) : IDisposable
{
    private readonly PortalAppFactory app = new();

    [Fact]
    public async Task Repair_complaint_goes_from_intake_to_close_across_the_roles()
    {
        var root = app.StartOnLoopback();
        var clerk = await SignInAsync(root, "intake");

        await clerk.GotoAsync("/cases/new");
        await clerk.FillAsync("#name", "李女士");
        await clerk.FillAsync("#phone", "13900001111");
        await clerk.FillAsync("#group", "B1-12 租户");
        await clerk.FillAsync("#location", "B1 停车场");
        await clerk.FillAsync("#facility", "3号电梯");
        await clerk.SelectOptionAsync("#channel", "WalkIn");
        await clerk.FillAsync("#description", "3号电梯门夹人，按钮失灵");
        await clerk.CheckAsync("#confirmed");
        await clerk.ClickAsync("[data-test=register]");
        await clerk.WaitForSelectorAsync("[data-stage=Registered]");
        var number = await clerk.InnerTextAsync("[data-test=case-number]");

        await clerk.SelectOptionAsync("form[data-action=Assess] select[name=categoryId]", new SelectOptionValue { Label = "报修" });
        await ActAsync(clerk, "Assess", "Assessed");
        await ActAsync(clerk, "Acknowledge", "Acknowledged");
        Assert.True(await clerk.IsCheckedAsync("form[data-action=Dispatch] input[data-code=ENG]"));
        await ActAsync(clerk, "Dispatch", "InDepartments");

        var head = await SignInAsync(root, "head.eng");
        await head.GotoAsync("/cases/queue");
        await head.ClickAsync($"[data-case='{number}'] a");
        await head.SelectOptionAsync("form[data-action=ReassignTask] select[name=assigneeUserId]", new SelectOptionValue { Label = "工程部 陈刚" });
        await ActAsync(head, "ReassignTask", "InDepartments");

        var engineer = await SignInAsync(root, "handler.eng");
        await engineer.GotoAsync("/cases/" + number);
        Assert.Contains("13900001111", await engineer.InnerTextAsync("[data-test=complainant-phone]"), StringComparison.Ordinal);
        await engineer.FillAsync("form[data-action=RecordFindings] input[name=rootCause]", "门机板老化");
        await ActAsync(engineer, "RecordFindings", "InDepartments", "现场检查：门机板故障");
        await engineer.FillAsync("form[data-action=ProposeSolution] input[name=responsiblePerson]", "陈刚");
        await engineer.FillAsync("form[data-action=ProposeSolution] input[name=dueDate]", "2026-03-05");
        await ActAsync(engineer, "ProposeSolution", "InDepartments", "更换门机板，免费维修");
        await ActAsync(engineer, "RecordImplementation", "InDepartments", "已更换并试运行");
        await ActAsync(engineer, "ReportBack", "UnderReview", "维修完毕，租户已确认");

        await clerk.GotoAsync("/cases/" + number);
        await ActAsync(clerk, "Approve", "Approved", "同意");
        await clerk.SelectOptionAsync("form[data-action=Reply] select[name=replyChannel]", "Phone");
        await ActAsync(clerk, "Reply", "AwaitingCallback", "电梯已修复，感谢您的反馈，给您带来不便深表歉意");
        await ActAsync(clerk, "CloseSatisfied", "Closed", "满意");

        Assert.Equal("True", await clerk.GetAttributeAsync("[data-test=ledger-verification]", "data-intact"));
        // Twelve workflow steps; deadline lines (re-targeted at assessment) come on top of them.
        Assert.Equal(12, await clerk.Locator("[data-ledger-action]:not([data-ledger-action=Deadlines]):not([data-ledger-action^=Deadline])").CountAsync());
        await clerk.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath("case-closed-zh-Hans.png"), FullPage = true });
    }

    /// <summary>Fills the step's text (when given), submits its form and waits for the case page in the expected stage.</summary>
    private static async Task ActAsync(IPage page, string action, string expectedStage, string? note = null)
    {
        var form = $"form[data-action={action}]";
        if (note is not null)
        {
            await page.FillAsync($"{form} textarea[name=note]", note);
        }

        await page.ClickAsync($"{form} [data-test=act]");
        await page.WaitForURLAsync(url => url.Contains("done=" + action, StringComparison.Ordinal) || url.Contains("error=", StringComparison.Ordinal));
        Assert.DoesNotContain("error=", page.Url, StringComparison.Ordinal);
        Assert.Equal(expectedStage, await page.GetAttributeAsync("[data-test=case-stage]", "data-stage"));
    }

    private async Task<IPage> SignInAsync(Uri root, string userName)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", BaseURL = root.ToString() });
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
