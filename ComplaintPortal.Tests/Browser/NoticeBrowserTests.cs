using ComplaintPortal.Tests.Infrastructure;
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
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = root.ToString(), Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        app?.Record.Watch(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", "head.qa");
        await page.FillAsync("#password", ComplaintPortal.Web.Hosting.DemoAccounts.Password);
        await page.ClickAsync("[data-test=login-submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

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
        await context.CloseAsync();
    }

    public void Dispose()
    {
        app?.Record.WriteTo(output);
        app?.Dispose();
    }
}
