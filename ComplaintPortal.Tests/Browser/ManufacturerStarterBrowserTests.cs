using ComplaintPortal.Tests.Infrastructure;
using Xunit.Abstractions;
using static ComplaintPortal.Tests.Browser.PortalWalk;

namespace ComplaintPortal.Tests.Browser;

/// <summary>
/// A demo server on the manufacturer starter (<c>Demo:Starter=manufacturer</c>, seed 000): a product defect goes from
/// customer service to R&amp;D, production and quality (the routing the starter proposes), R&amp;D proposes a replacement,
/// each department reports back, customer service approves, replies and closes after the callback.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ManufacturerStarterBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IDisposable
{
    private readonly PortalAppFactory app = new() { Settings = { ["Demo:Starter"] = "manufacturer" } };

    [Fact]
    public async Task Manufacturer_starter_product_defect_goes_through_rnd_production_and_quality_to_close()
    {
        var walk = new PortalWalk(browser, app.StartOnLoopback(), app.Record);
        var clerk = await walk.SignInAsync("intake");
        var number = await RegisterAsync(clerk, "客服热线", "王小明", "13812345678", "电水壶使用两周后底座漏电，要求更换");
        await ShotAsync(clerk, "starter-manufacturer-registered.png");

        await ActAsync(clerk, "Assess", "Assessed", fill: async () =>
        {
            await PickAsync(clerk, "step-category", "产品缺陷");
            await PickAsync(clerk, "step-severity", "较重");
            await PickAsync(clerk, "step-urgency", "普通");
        });
        await ActAsync(clerk, "Acknowledge", "Acknowledged", fill: async () =>
            Assert.Contains(number, await clerk.InputValueAsync("[data-test=step-note]"), StringComparison.Ordinal));
        await ActAsync(clerk, "Dispatch", "InDepartments", fill: async () =>
        {
            // Product quality goes to R&D, production and quality together (000, 職責分工).
            foreach (var code in new[] { "RND", "PROD", "QA" })
            {
                Assert.True(await clerk.IsCheckedAsync($"input[data-code={code}]"), code);
            }

            await ShotAsync(clerk, "starter-manufacturer-dispatch.png", fullPage: false);
        });

        var head = await walk.SignInAsync("head.rnd");
        await OpenAsync(head, "/cases/" + number);
        await ActAsync(head, "ReassignTask", "InDepartments", fill: () => PickAsync(head, "step-assignee", "研发部 孙浩"));

        var rnd = await walk.SignInAsync("handler.rnd");
        await OpenAsync(rnd, "/cases/" + number);
        await ActAsync(rnd, "RecordFindings", "InDepartments", "底座密封圈装配偏位，进水后漏电", () => rnd.FillAsync("[data-test=step-root-cause]", "装配工装定位不准"));
        await ActAsync(rnd, "ProposeSolution", "InDepartments", "为客户更换新品；修改装配工装", async () =>
        {
            await PickAsync(rnd, "step-solution-type", "更换产品");
            await rnd.FillAsync("[data-test=step-responsible]", "孙浩");
            await rnd.FillAsync("[data-test=step-due-date]", "2026-03-09");
            await ShotAsync(rnd, "starter-manufacturer-solution.png", fullPage: false);
        });
        Assert.Contains("更换产品", await rnd.InnerTextAsync("[data-test=tasks] [data-task=RND]"), StringComparison.Ordinal);
        await ActAsync(rnd, "RecordImplementation", "InDepartments", "新品已寄出，工装已修改");
        await ActAsync(rnd, "ReportBack", "InDepartments", "已更换新品并改进工装");

        var production = await walk.SignInAsync("handler.prod");
        await OpenAsync(production, "/cases/" + number);
        await ActAsync(production, "RecordFindings", "InDepartments", "同批次抽检 50 台，2 台密封圈偏位");
        await ActAsync(production, "ReportBack", "InDepartments", "已按新工装返工同批次库存");

        var quality = await walk.SignInAsync("handler.qa");
        await OpenAsync(quality, "/cases/" + number);
        await ActAsync(quality, "RecordFindings", "InDepartments", "复检合格，加入出厂密封检验项");
        await ActAsync(quality, "ReportBack", "UnderReview", "改进措施已验证");
        await ShotAsync(quality, "starter-manufacturer-reported.png");

        await OpenAsync(clerk, "/cases/" + number);
        await ActAsync(clerk, "Approve", "Approved", "同意");
        await ActAsync(clerk, "Reply", "AwaitingCallback", "已为您更换新品并改进生产工艺，感谢反馈，深表歉意", () => PickAsync(clerk, "step-reply-channel", "电话"));
        await ActAsync(clerk, "CloseSatisfied", "Closed", "客户对新品满意");
        await ShotAsync(clerk, "starter-manufacturer-closed.png");

        var timeline = await clerk.InnerTextAsync("[data-test=ledger]");
        Assert.Contains("方案类型", timeline, StringComparison.Ordinal);
        Assert.Contains("更换产品", timeline, StringComparison.Ordinal);
        Assert.DoesNotContain("REPLACE", timeline, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        app.Record.WriteTo(output);
        app.Dispose();
    }
}
