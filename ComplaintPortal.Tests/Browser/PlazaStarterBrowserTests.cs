using ComplaintPortal.Tests.Infrastructure;
using Xunit.Abstractions;
using static ComplaintPortal.Tests.Browser.PortalWalk;

namespace ComplaintPortal.Tests.Browser;

/// <summary>
/// A demo server on the shopping-plaza starter (<c>Demo:Starter=plaza</c>, seed 001): a broken escalator reported at
/// the service centre goes to engineering, whose head gives it to a member of a crew, engineering repairs it and
/// reports back, and the service centre approves, replies and closes after the callback.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PlazaStarterBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IDisposable
{
    private readonly PortalAppFactory app = new() { Settings = { ["Demo:Starter"] = "plaza" } };

    [Fact]
    public async Task Plaza_starter_public_area_repair_goes_from_the_service_centre_through_engineering_to_close()
    {
        var walk = new PortalWalk(browser, app.StartOnLoopback(), app.Record);
        var clerk = await walk.SignInAsync("intake");
        var number = await RegisterAsync(clerk, "营业厅", "李女士", "13900001111", "B1 层东侧扶梯停运两小时，顾客只能走楼梯");

        await ActAsync(clerk, "Assess", "Assessed", fill: async () =>
        {
            await PickAsync(clerk, "step-category", "公共区域设备设施维修");
            await PickAsync(clerk, "step-severity", "较重");
            await PickAsync(clerk, "step-urgency", "普通");
        });
        await ActAsync(clerk, "Acknowledge", "Acknowledged", fill: async () =>
            Assert.Contains(number, await clerk.InputValueAsync("[data-test=step-note]"), StringComparison.Ordinal));
        await ActAsync(clerk, "Dispatch", "InDepartments", fill: async () =>
        {
            Assert.True(await clerk.IsCheckedAsync("input[data-code=ENG]"));
            Assert.False(await clerk.IsCheckedAsync("input[data-code=SEC]"));
        });
        await ShotAsync(clerk, "starter-plaza-dispatched.png");

        var head = await walk.SignInAsync("head.eng");
        await OpenAsync(head, "/cases/" + number);
        await ActAsync(head, "ReassignTask", "InDepartments", fill: async () =>
        {
            // The head picks from the crews (班組): the engineer is in the HVAC and lift crew.
            await OpenSelectAsync(head, "step-assignee", head.Locator(".mud-popover-open [data-test=assignee-team]").First);
            Assert.Contains("空调电梯班组", await head.InnerTextAsync(".mud-popover-open"), StringComparison.Ordinal);
            await ShotAsync(head, "starter-plaza-assign.png", fullPage: false);
            await head.ClickAsync(".mud-popover-open .mud-list-item:has-text(\"工程部 陈刚\")");
        });

        var engineer = await walk.SignInAsync("handler.eng");
        await OpenAsync(engineer, "/cases/" + number);
        await ActAsync(engineer, "RecordFindings", "InDepartments", "扶梯梯级链断裂保护动作", () => engineer.FillAsync("[data-test=step-root-cause]", "梯级链磨损超限"));
        await ActAsync(engineer, "ProposeSolution", "InDepartments", "更换梯级链，维保单位到场配合", async () =>
        {
            await PickAsync(engineer, "step-solution-type", "维修");
            await engineer.FillAsync("[data-test=step-responsible]", "陈刚");
            await engineer.FillAsync("[data-test=step-due-date]", "2026-03-03");
            await ShotAsync(engineer, "starter-plaza-solution.png", fullPage: false);
        });
        Assert.Contains("维修", await engineer.InnerTextAsync("[data-test=tasks] [data-task=ENG]"), StringComparison.Ordinal);
        await ActAsync(engineer, "RecordImplementation", "InDepartments", "梯级链已更换，试运行正常");
        await ActAsync(engineer, "ReportBack", "UnderReview", "扶梯已恢复运行");
        await ShotAsync(engineer, "starter-plaza-reported.png");

        await OpenAsync(clerk, "/cases/" + number);
        await ActAsync(clerk, "Approve", "Approved", "同意");
        await ActAsync(clerk, "Reply", "AwaitingCallback", "扶梯已修复并恢复运行，感谢您的反映", () => PickAsync(clerk, "step-reply-channel", "电话"));
        await ActAsync(clerk, "CloseSatisfied", "Closed", "满意");
        await ShotAsync(clerk, "starter-plaza-closed.png");

        var timeline = await clerk.InnerTextAsync("[data-test=ledger]");
        Assert.Contains("方案类型", timeline, StringComparison.Ordinal);
        Assert.DoesNotContain("REPAIR", timeline, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        app.Record.WriteTo(output);
        app.Dispose();
    }
}
