using System.Text.RegularExpressions;
using System.Globalization;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ComplaintPortal.Tests.Browser;

/// <summary>
/// One plaza repair complaint walked from intake to close through the real UI (forms, menus and step
/// dialogs over the circuit) by the clerk, the engineering head and its handler.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseLifeBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IDisposable
{
    private readonly PortalAppFactory app = new();

    [Fact]
    public async Task Repair_complaint_goes_from_intake_to_close_across_the_roles()
    {
        var root = app.StartOnLoopback();
        var photo = Path.Combine(app.Database.Folder, "door.png");
        await File.WriteAllBytesAsync(photo, Convert.FromBase64String(
            "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg=="));
        var clerk = await SignInAsync(root, "intake");

        await OpenAsync(clerk, "/cases/new");
        await clerk.FillAsync("#name", "李女士");
        await clerk.FillAsync("#phone", "13900001111");
        await clerk.FillAsync("#group", "B1-12 租户");
        await clerk.FillAsync("#location", "B1 停车场");
        await clerk.FillAsync("#facility", "3号电梯");
        await clerk.FillAsync("#description", "3号电梯门夹人，按钮失灵");
        // Written down two hours after the call: the received-at field takes the day and the 24-hour time typed.
        var zone = app.Services.GetRequiredService<OrganisationClock>().TimeZone;
        async Task TypeMomentAsync(IPage page, string field, DateTimeOffset instant)
        {
            var local = TimeZoneInfo.ConvertTime(instant, zone);
            var day = page.Locator($"input[data-test={field}-day]");
            var time = page.Locator($"input[data-test={field}-time]");
            var typed = local.ToString("HH:mm", CultureInfo.InvariantCulture);
            // Typed as a clerk types: the day, Tab, the time at once, without waiting for the day's round trip to the
            // circuit. The time box takes keys before the day is read, and the day's answer keeps the time typed.
            await day.FillAsync(local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await day.PressAsync("Tab");
            await time.PressSequentiallyAsync(typed);
            await time.PressAsync("Tab");
            await Assertions.Expect(time).ToHaveValueAsync(typed);
        }

        var received = app.Time.GetUtcNow().AddHours(-2);
        received = received.AddTicks(-(received.Ticks % TimeSpan.TicksPerMinute));
        await TypeMomentAsync(clerk, "received", received);
        await clerk.SetInputFilesAsync("[data-test=evidence-picker] input[type=file]", photo);
        await clerk.WaitForSelectorAsync("[data-test=staged-evidence]");
        await clerk.ClickAsync("[data-test=register]");
        // The missing channel is said on its field; the photo stays picked.
        await clerk.WaitForSelectorAsync(".mud-input-helper-text.mud-input-error");
        Assert.Equal(0, await clerk.Locator("[data-test=received] .mud-input-error").CountAsync());
        Assert.Equal(1, await clerk.Locator("[data-test=staged-evidence]").CountAsync());
        await PickAsync(clerk, "intake-channel", "营业厅");
        await clerk.ClickAsync("[data-test=intake-confirmed]");
        await clerk.ClickAsync("[data-test=register]");
        await clerk.WaitForSelectorAsync("[data-stage=Registered]");
        var number = await clerk.InnerTextAsync("[data-test=case-number]");
        // The intake opened the case itself (not a link followed): its message comes along to the case page.
        await clerk.Locator(".mud-snackbar", new() { HasTextString = number.Trim() }).WaitForAsync(new() { Timeout = 5_000 });
        Assert.Equal(received, await app.WithDbAsync(db => db.Complaints.Where(c => c.CaseNumber == number).Select(c => c.ReceivedAt).SingleAsync()));
        Assert.Equal(1, await clerk.Locator("[data-test=evidence] [data-evidence='door.png']").CountAsync());

        // A step that ends the case asks first and names the consequence; cancelling changes nothing.
        await clerk.ClickAsync("[data-test=more-actions] button");
        await clerk.ClickAsync(".mud-popover-open [data-action=Withdraw]");
        Assert.Contains(number, await clerk.InnerTextAsync("[data-test=consequence]"), StringComparison.Ordinal);
        await clerk.ClickAsync("[data-test=cancel-step]");
        await clerk.WaitForSelectorAsync("[data-test=step-dialog]", new() { State = WaitForSelectorState.Detached });

        await ActAsync(clerk, "Assess", "Assessed", fill: async () =>
        {
            await PickAsync(clerk, "step-category", "报修");
            await PickAsync(clerk, "step-severity", "较重");
            await PickAsync(clerk, "step-urgency", "普通");
        });
        await ActAsync(clerk, "Acknowledge", "Acknowledged");
        // The clerk sets the department's deadline herself (a date-time typed into the dialog, not the policy's).
        var deadline = received.AddDays(3);
        await ActAsync(clerk, "Dispatch", "InDepartments", fill: async () =>
        {
            Assert.True(await clerk.IsCheckedAsync("input[data-code=ENG]"));
            await TypeMomentAsync(clerk, "step-deadline", deadline);
        });
        Assert.Equal(deadline, await app.WithDbAsync(db => db.DepartmentTasks.Where(t => db.Complaints.Any(c => c.Id == t.ComplaintId && c.CaseNumber == number)).Select(t => t.Deadline).SingleAsync()));

        var head = await SignInAsync(root, "head.eng");
        await OpenAsync(head, "/cases/queue");
        await head.ClickAsync($"[data-case='{number}']");
        await head.WaitForSelectorAsync("[data-test=case-stage]");
        await PortalWalk.SettledAsync(head);
        await ActAsync(head, "ReassignTask", "InDepartments", fill: () => PickAsync(head, "step-assignee", "工程部 陈刚"));

        var engineer = await SignInAsync(root, "handler.eng");
        await OpenAsync(engineer, "/cases/" + number);
        Assert.Contains("13900001111", await engineer.InnerTextAsync("[data-test=complainant-phone]"), StringComparison.Ordinal);
        await ActAsync(engineer, "RecordFindings", "InDepartments", "现场检查：门机板故障",
            () => engineer.FillAsync("[data-test=step-root-cause]", "门机板老化"));
        // A work note moves nothing: the stage stays and the note reaches the timeline under its own kind.
        await engineer.ClickAsync("[data-test=add-note]");
        await engineer.FillAsync("[data-test=step-dialog][data-action=AddNote] [data-test=step-note]", "已约租户明早九点复查");
        await engineer.ClickAsync("[data-test=confirm-step]");
        await engineer.WaitForSelectorAsync("[data-test=step-dialog]", new() { State = WaitForSelectorState.Detached });
        await engineer.Locator("[data-ledger-action=AddNote][data-kind=Notes]", new() { HasTextString = "已约租户明早九点复查" }).WaitForAsync();
        Assert.Equal(1, await engineer.Locator("[data-test=case-stage][data-stage=InDepartments]").CountAsync());
        await engineer.SetViewportSizeAsync(1440, 900);
        await engineer.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath("case-page.png"), FullPage = true });
        await ActAsync(engineer, "ProposeSolution", "InDepartments", "更换门机板，免费维修", async () =>
        {
            await PickAsync(engineer, "step-solution-type", "维修");
            await engineer.FillAsync("[data-test=step-responsible]", "陈刚");
            await engineer.FillAsync("[data-test=step-due-date]", "2026-03-05");
        });
        await ActAsync(engineer, "RecordImplementation", "InDepartments", "已更换并试运行");
        await ActAsync(engineer, "ReportBack", "UnderReview", "维修完毕，租户已确认");

        await OpenAsync(clerk, "/cases/" + number);
        await ActAsync(clerk, "Approve", "Approved", "同意");
        await ActAsync(clerk, "Reply", "AwaitingCallback", "电梯已修复，感谢您的反馈，给您带来不便深表歉意");
        // The tenant also asks for a call before any visit: kept apart from the remarks, on the case and on its paper form.
        await ActAsync(clerk, "CloseSatisfied", "Closed", "满意", () => clerk.FillAsync("[data-test=step-suggestion]", "希望维修前先电话通知"));
        Assert.Equal("希望维修前先电话通知", (await clerk.InnerTextAsync("[data-test=suggestion]")).Trim());

        Assert.Equal("True", await clerk.GetAttributeAsync("[data-test=ledger-verification]", "data-intact"));
        // Twelve workflow steps, the photo and the work note; deadline lines (re-targeted at assessment) come on top of them.
        Assert.Equal(14, await clerk.Locator("[data-ledger-action]:not([data-kind=Deadlines])").CountAsync());
        Assert.Equal(0, await clerk.Locator("[data-test=case-actions] [data-test=primary-action]").CountAsync());
        // A closed case takes no more notes.
        Assert.Equal(0, await clerk.Locator("[data-test=add-note]").CountAsync());
        await clerk.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath("case-closed-zh-Hans.png"), FullPage = true });

        // The handling form (投诉处理单) opens in a tab of its own, the work and the reply on it, lines for the tenant to sign.
        var form = await clerk.Context.RunAndWaitForPageAsync(() => clerk.ClickAsync("[data-test=print-form]"));
        await form.WaitForSelectorAsync("[data-test=form-sign]");
        Assert.Equal("客户投诉处理单", (await form.InnerTextAsync("[data-test=form-title]")).Trim());
        var paper = await form.InnerTextAsync("main");
        Assert.Contains("更换门机板，免费维修", paper, StringComparison.Ordinal);
        Assert.Contains("电梯已修复，感谢您的反馈", paper, StringComparison.Ordinal);
        Assert.Contains("客户签名", paper, StringComparison.Ordinal);
        Assert.Contains("希望维修前先电话通知", paper, StringComparison.Ordinal);
        await form.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath("handling-form-zh-Hans.png"), FullPage = true });
        await form.CloseAsync();
    }

    /// <summary>Opens the step (primary button or menu), fills its dialog, confirms and waits for the page in the expected stage.</summary>
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
        Assert.Equal(0, await page.Locator("[data-test=conflict]").CountAsync());
    }

    /// <summary>Chooses an option of a MudSelect (its list opens in a popover), clicking again if the list did not open.</summary>
    private static Task PickAsync(IPage page, string select, string option) => PortalWalk.PickAsync(page, select, option);

    private static Task OpenAsync(IPage page, string path) => PortalWalk.OpenAsync(page, path);

    private Task<IPage> SignInAsync(Uri root, string userName) =>
        PortalWalk.SignInAsync(browser, root, userName, new(), app.Record);

    public void Dispose()
    {
        app.Record.WriteTo(output);
        app.Dispose();
    }
}
