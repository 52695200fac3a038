using ComplaintPortal.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ComplaintPortal.Tests.Browser;

/// <summary>
/// The demo portal's every page for every role, in English on a laptop and a tablet. Its own collection, with a Chromium of
/// its own, so that it runs beside the other browser tests rather than after them (the browser tests, one after another,
/// were the longest stretch of the run).
/// </summary>
[Collection(LayoutBrowserCollection.Name)]
public sealed class LaptopLayoutBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IDisposable
{
    private readonly PortalAppFactory app = DemoPortal.Start();

    [Fact]
    public async Task On_a_laptop_and_a_tablet_in_english_every_roles_pages_keep_tables_buttons_and_text_on_the_screen()
    {
        // A laptop (1024 px, the menu a rail of icons) and a tablet held upright (768 px): between the phone and the desk, where
        // tables of eight or nine columns had scrolled sideways (the queue, the committee's notices, the archive desk's
        // requests), buttons had wrapped (Record return) and a case number had broken at its hyphens.
        var walk = new PortalWalk(browser, app.StartOnLoopback(), app.Record);
        var found = new List<string>();
        foreach (var (user, paths) in DemoPortalBrowserTests.EveryRolesPages)
        {
            var page = await walk.SignInAsync(user, new ViewportSize { Width = 1024, Height = 900 });
            await page.GotoAsync("/culture/set?culture=en&returnUrl=%2F");
            foreach (var path in paths)
            {
                // Opened at 1024 px, then narrowed to 768 px, as a window is or a tablet turned upright: the portal lays out by
                // CSS alone (and its menu closes as the window narrows), so a page narrowed reads as one opened narrow, and each
                // page is opened once (the walk took three minutes opening each twice).
                await page.SetViewportSizeAsync(1024, 900);
                await page.GotoAsync(path);
                await page.WaitForSelectorAsync("[data-test=layout-interactive]", new() { State = WaitForSelectorState.Attached });
                await PortalWalk.SettledAsync(page);
                foreach (var width in new[] { 1024, 768 })
                {
                    if (width != 1024)
                    {
                        await page.SetViewportSizeAsync(width, 900);
                        await PortalWalk.SettledAsync(page);
                    }

                    found.AddRange(await Layout.LaidOutWrongAsync(page, $"{user} {path} at {width} px"));
                    if ((path, width) is ("/supervision/notices", 1024) or ("/archive/desk", 768) or ("/reports/timeliness", 768) or ("/reports/statistics", 1024))
                    {
                        var name = $"width-{width}-{path.Trim('/').Replace('/', '-')}-en.png";
                        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath(name), FullPage = true });
                    }
                }
            }

            await page.Context.CloseAsync();
        }

        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    public void Dispose()
    {
        app.Record.WriteTo(output);
        app.Dispose();
    }
}
