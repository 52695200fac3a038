using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static ComplaintPortal.Tests.Browser.PortalWalk;

namespace ComplaintPortal.Tests.Browser;

/// <summary>
/// A demo server started with the telecom complaint room starter (<c>Demo:Starter=telecom</c>): its departments
/// on the administrator's page, and a billing dispute walked from the complaint room's intake through finance to close,
/// with the acknowledgement from the starter's template promising the computed completion deadline.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StarterBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IDisposable
{
    private readonly PortalAppFactory app = new() { Settings = { ["Demo:Starter"] = "telecom" } };

    [Fact]
    public async Task Telecom_starter_billing_dispute_goes_from_the_complaint_room_through_finance_to_close()
    {
        var walk = new PortalWalk(browser, app.StartOnLoopback(), app.Record);
        var admin = await walk.SignInAsync("admin");
        await admin.GotoAsync("/admin/departments");
        await admin.WaitForSelectorAsync("[data-department=FIN]");
        Assert.Contains("投诉室", await admin.InnerTextAsync("[data-test=department-table]"), StringComparison.Ordinal);
        Assert.Equal(0, await admin.Locator("[data-department=QA]").CountAsync());
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath("starter-telecom-departments.png"), FullPage = true });

        var clerk = await walk.SignInAsync("intake");
        var number = await RegisterAsync(clerk, "营业厅", "赵先生", "18600002222", "三月话费多扣 300 元");

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

        var head = await walk.SignInAsync("head.fin");
        await OpenAsync(head, "/cases/" + number);
        await ActAsync(head, "ReassignTask", "InDepartments", fill: () => PickAsync(head, "step-assignee", "财务部 何丽"));
        var finance = await walk.SignInAsync("handler.fin");
        await OpenAsync(finance, "/cases/" + number);
        await ActAsync(finance, "RecordFindings", "InDepartments", "计费系统重复扣取流量包费用", () => finance.FillAsync("[data-test=step-root-cause]", "套餐变更时重复计费"));
        await ActAsync(finance, "ProposeSolution", "InDepartments", "退还多扣话费 300 元", async () =>
        {
            await PickAsync(finance, "step-solution-type", "话费调整");
            await finance.FillAsync("[data-test=step-responsible]", "何丽");
            await finance.FillAsync("[data-test=step-due-date]", "2026-03-06");
        });
        Assert.Contains("话费调整", await finance.InnerTextAsync("[data-test=tasks] [data-task=FIN]"), StringComparison.Ordinal);
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

    public void Dispose()
    {
        app.Record.WriteTo(output);
        app.Dispose();
    }
}
