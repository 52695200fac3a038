using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ComplaintPortal.Tests.Browser;

/// <summary>The bell in the app bar counts a new notice while the page is open, and leads to the notices list.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NoticeBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IDisposable
{
    private readonly SettableTimeProvider time = new(new DateTimeOffset(2026, 3, 9, 1, 0, 0, TimeSpan.Zero));
    private PortalAppFactory? app;

    [Fact]
    public async Task Bell_counts_a_case_dispatched_to_the_department_live_and_opens_the_notices_list()
    {
        app = new PortalAppFactory(time: time);
        var root = app.StartOnLoopback();
        var actions = new AppActions(app.Services);
        var page = await PortalWalk.SignInAsync(browser, root, "head.qa", new() { ViewportSize = new() { Width = 1280, Height = 800 } }, app.Record);
        await page.GotoAsync("/");

        // The bell listens once the circuit is up.
        await page.WaitForSelectorAsync("[data-test=notice-bell][data-live=true]");
        var before = int.Parse(await page.GetAttributeAsync("[data-test=notice-bell]", "data-count") ?? "", System.Globalization.CultureInfo.InvariantCulture);

        var complaint = await actions.AcknowledgedCaseAsync();
        await actions.DispatchAsync(complaint.Id, "QA");

        var after = (before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await page.WaitForSelectorAsync($"[data-test=notice-bell][data-count='{after}']");
        await page.Locator(".portal-appbar").ScreenshotAsync(new LocatorScreenshotOptions { Path = BrowserFixture.ArtifactPath("notice-bell.png") });

        await page.ClickAsync("[data-test=notice-bell]");
        await page.WaitForSelectorAsync($"[data-test=notices] [data-case='{complaint.CaseNumber}']");
        Assert.Contains("部门新任务", await page.InnerTextAsync("[data-test=notices]"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath("notices.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_handler_switches_on_notice_mail_on_the_notices_page_and_it_is_kept_with_their_language()
    {
        app = new PortalAppFactory(time: time);
        var walk = new PortalWalk(browser, app.StartOnLoopback(), app.Record);
        var page = await walk.SignInAsync("handler.qa", new ViewportSize { Width = 1280, Height = 800 });
        await page.GotoAsync("/culture/set?culture=zh-Hant&returnUrl=%2Fnotices");
        await page.WaitForSelectorAsync("[data-test=layout-interactive]", new() { State = WaitForSelectorState.Attached });
        // The demo accounts have an address at example.com: the switch says where the mail goes.
        Assert.Contains("handler.qa@example.com", await page.InnerTextAsync("[data-test=notice-mail-help]"), StringComparison.Ordinal);
        Assert.False(await page.IsCheckedAsync("[data-test=notice-mail] input"));

        await page.ClickAsync("[data-test=notice-mail] label");

        await page.Locator(".mud-snackbar:has-text('新通知將同時發送到 handler.qa@example.com')").WaitForAsync();
        Assert.True(await page.IsCheckedAsync("[data-test=notice-mail] input"));
        await using var db = app.Database.CreateContext();
        Assert.Equal((true, "zh-Hant"), await db.Users.Where(u => u.UserName == "handler.qa")
            .Select(u => new ValueTuple<bool, string?>(u.MailNotices, u.Language)).SingleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath("notices-mail-on.png") });
    }

    [Fact]
    public async Task Bell_on_another_server_counts_the_notice_and_drops_it_when_read_on_the_first()
    {
        // Two web servers over one database, as the README sizes 5,000 boards; the head has a page open on each.
        await using var serverA = new PortalAppFactory(time: TimeProvider.System);
        var rootA = serverA.StartOnLoopback();
        await using var serverB = new PortalAppFactory(serverA.Database, time: TimeProvider.System);
        var rootB = serverB.StartOnLoopback();
        var onA = await SignInAsync(rootA, "head.qa");
        var onB = await SignInAsync(rootB, "head.qa");
        var before = await CountAsync(onB);

        // Dispatched through server A: the notice reaches the bell on server B through the database, not a reload.
        var actions = new AppActions(serverA.Services);
        var complaint = await actions.AcknowledgedCaseAsync();
        await actions.DispatchAsync(complaint.Id, "QA");
        var raised = (before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await onB.WaitForSelectorAsync($"[data-test=notice-bell][data-count='{raised}']", new() { Timeout = AcrossServers });
        await onB.Locator(".portal-appbar").ScreenshotAsync(new LocatorScreenshotOptions { Path = BrowserFixture.ArtifactPath("notice-bell-other-server.png") });

        // Read on server A: the bell on server B counts it off too.
        await onA.GotoAsync("/notices");
        var row = onA.Locator("[data-test=notices] tr", new() { Has = onA.Locator($"[data-case='{complaint.CaseNumber}']") });
        await row.Locator("[data-test=mark-read]").ClickAsync();
        var back = before.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await onA.WaitForSelectorAsync($"[data-test=notice-bell][data-count='{back}']");
        await onB.WaitForSelectorAsync($"[data-test=notice-bell][data-count='{back}']", new() { Timeout = AcrossServers });
    }

    /// <summary>Both relays read every 2 s: a notice or a read crosses servers within two reads and a page's redraw.</summary>
    private const float AcrossServers = 10_000;

    private async Task<IPage> SignInAsync(Uri root, string userName)
    {
        var page = await PortalWalk.SignInAsync(browser, root, userName, new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("[data-test=notice-bell][data-live=true]");
        return page;
    }

    private static async Task<int> CountAsync(IPage page) =>
        int.Parse(await page.GetAttributeAsync("[data-test=notice-bell]", "data-count") ?? "", System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        app?.Record.WriteTo(output);
        app?.Dispose();
    }
}
