using ComplaintPortal.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ComplaintPortal.Tests.Browser;

/// <summary>
/// The demo portal's every page for every role, in English on a phone, and the menu's rail on a laptop and a touch tablet.
/// (The laptop-and-tablet walk over the same pages is <see cref="LaptopLayoutBrowserTests"/>.)
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneLayoutBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IDisposable
{
    private readonly PortalAppFactory app = DemoPortal.Start();

    [Fact]
    public async Task On_a_phone_in_english_every_roles_pages_and_the_dialog_ending_a_case_keep_each_buttons_words_on_one_line_and_do_not_scroll_sideways()
    {
        var walk = new PortalWalk(browser, app.StartOnLoopback(), app.Record);
        var found = new List<string>();
        foreach (var (user, paths) in DemoPortalBrowserTests.EveryRolesPages)
        {
            var phone = await DemoPortalBrowserTests.OnAPhoneAsync(walk, user);
            await phone.GotoAsync("/culture/set?culture=en&returnUrl=%2F");
            foreach (var path in paths)
            {
                // Laid out once the circuit has drawn the page and what it loads (nothing in it has changed for a quarter of a second).
                await phone.GotoAsync(path);
                await phone.WaitForSelectorAsync("[data-test=layout-interactive]", new() { State = WaitForSelectorState.Attached });
                await PortalWalk.SettledAsync(phone);
                found.AddRange(await Layout.LaidOutWrongAsync(phone, $"{user} {path}"));
            }

            if (user == "intake")
            {
                found.AddRange(await WithdrawalDialogLaidOutWrongAsync(phone));
            }

            await phone.Context.CloseAsync();
        }

        // On a laptop (1280 px, the menu open) the clerk's queue and search show all eight columns without scrolling
        // sideways: the grids' column menus and MudBlazor's wider padding after each cell had pushed them 200 px past. On a
        // smaller laptop (1024 px) the menu is a rail of icons and they still fit (the whole menu had left them 734 px, and
        // the queue scrolled sideways), a stage taking two lines at most.
        var laptop = await walk.SignInAsync("intake", new ViewportSize { Width = 1280, Height = 800 });
        await laptop.GotoAsync("/culture/set?culture=en&returnUrl=%2F");
        foreach (var (width, height) in new[] { (1280, 800), (1024, 768) })
        {
            await laptop.SetViewportSizeAsync(width, height);
            foreach (var path in new[] { "/cases/queue", "/cases/search" })
            {
                await laptop.GotoAsync(path);
                await laptop.WaitForSelectorAsync("[data-test=layout-interactive]", new() { State = WaitForSelectorState.Attached });
                await laptop.Locator("[data-test=case-table] [data-case]").First.WaitForAsync();
                var fit = await Layout.WidthsAsync(laptop.Locator("[data-test=case-table] .mud-table-container"));
                if (fit.Content > fit.Frame)
                {
                    found.Add($"intake {path} at {width} px: the grid is {fit.Content} px wide in {fit.Frame}");
                }

                if (width == 1024)
                {
                    var stageLines = await laptop.Locator("[data-test=case-table] td.portal-case-stage").EvaluateAllAsync<double[]>(
                        "cs => cs.map(c => { const r = document.createRange(); r.selectNodeContents(c); return r.getClientRects().length; })");
                    if (stageLines.Max() > 2)
                    {
                        found.Add($"intake {path} at 1024 px: a stage takes {stageLines.Max()} lines");
                    }
                }
            }
        }

        Assert.Equal((56, 56, 0), await RailAsync(laptop));
        await laptop.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath("demo-laptop-1024-en.png") });
        // A mouse on the rail opens it over the page, names and all, and the page stays where it is.
        await laptop.HoverAsync(".portal-drawer a[href='/cases/search']");
        await laptop.WaitForFunctionAsync(DrawerIs240Wide);
        Assert.Equal((240, 56, 9), await RailAsync(laptop));
        await laptop.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath("demo-laptop-1024-rail-en.png") });
        await laptop.Mouse.MoveAsync(600, 400);
        await laptop.WaitForFunctionAsync(DrawerIs56Wide);
        // So does the keyboard's focus: from the user menu, the last thing in the app bar, Tab goes into the menu.
        await laptop.FocusAsync("[data-test=user-menu] summary");
        await laptop.Keyboard.PressAsync("Tab");
        await laptop.WaitForFunctionAsync(DrawerIs240Wide);
        Assert.Equal((240, 56, 9), await RailAsync(laptop));

        // A tablet held sideways (1024 px, touch, no hover): the menu button opens the rail to its names over the page, a
        // tapped entry opens its page and folds the rail back; pressed again while the names show, the button closes the menu.
        var touch = await walk.SignInAsync("intake", new ViewportSize { Width = 1024, Height = 768 }, phone: true);
        await touch.GotoAsync("/culture/set?culture=en&returnUrl=%2Fcases%2Fqueue");
        await touch.WaitForSelectorAsync("[data-test=layout-interactive]", new() { State = WaitForSelectorState.Attached });
        Assert.Equal((56, 56, 0), await RailAsync(touch));
        await touch.TapAsync("[data-drawer-toggle]");
        await touch.WaitForFunctionAsync(DrawerIs240Wide);
        Assert.Equal((240, 56, 9), await RailAsync(touch));
        await touch.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath("demo-tablet-1024-touch-menu-en.png") });
        await touch.TapAsync(".portal-drawer a[href='/cases/search']");
        await touch.WaitForURLAsync("**/cases/search");
        await touch.WaitForFunctionAsync(DrawerIs56Wide);
        Assert.Equal((56, 56, 0), await RailAsync(touch));
        await touch.TapAsync("[data-drawer-toggle]");
        await touch.WaitForFunctionAsync(DrawerIs240Wide);
        await touch.TapAsync("[data-drawer-toggle]");
        await touch.WaitForFunctionAsync("() => document.querySelector('.mud-main-content').getBoundingClientRect().left === 0");
        Assert.Equal("false", await touch.GetAttributeAsync("[data-drawer-toggle]", "aria-expanded"));
        await touch.Context.CloseAsync();

        // On a tablet (768 px) the app bar keeps the user menu, and with it signing out, on the screen: the department's long
        // English name is cut short instead, whole in its title.
        await laptop.SetViewportSizeAsync(768, 1024);
        await laptop.GotoAsync("/");
        await laptop.WaitForSelectorAsync("[data-test=layout-interactive]", new() { State = WaitForSelectorState.Attached });
        var bar = await laptop.Locator(".portal-appbar .mud-toolbar").EvaluateAsync<double[]>(
            "t => [t.scrollWidth, t.clientWidth, document.querySelector('[data-test=user-menu]').getBoundingClientRect().right]");
        if (bar[0] > bar[1] || bar[2] > 768)
        {
            found.Add($"intake at 768 px: the app bar holds {bar[0]} px in {bar[1]}, its user menu ends at {bar[2]}");
        }

        Assert.Equal("Customer Service (Complaint Room)", await laptop.GetAttributeAsync("[data-test=appbar-department]", "title"));
        // There the clerk's queue is cards, as on a phone, rather than eight columns scrolling sideways.
        await laptop.GotoAsync("/cases/queue");
        await laptop.WaitForSelectorAsync("[data-test=layout-interactive]", new() { State = WaitForSelectorState.Attached });
        await laptop.Locator("[data-test=case-table] [data-case]").First.WaitForAsync();
        Assert.False(await laptop.Locator("[data-test=case-table] thead").IsVisibleAsync());
        var tablet = await Layout.WidthsAsync(laptop.Locator("[data-test=case-table] .mud-table-container"));
        Assert.True(tablet.Content <= tablet.Frame, $"the queue is {tablet.Content} px wide in {tablet.Frame} at 768 px");
        await laptop.Context.CloseAsync();
        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    /// <summary>Waited for until the drawer has opened to its names (240 px) or folded to its rail (56 px).</summary>
    private const string DrawerIs240Wide = "() => document.querySelector('.portal-drawer').getBoundingClientRect().width === 240",
        DrawerIs56Wide = "() => document.querySelector('.portal-drawer').getBoundingClientRect().width === 56";

    /// <summary>
    /// The drawer's width, where the page starts, and how many of the menu's names can be seen (wider than 1 px).
    /// </summary>
    private static async Task<(int Drawer, int Page, int Names)> RailAsync(IPage page)
    {
        var m = await page.EvaluateAsync<int[]>(
            "() => [document.querySelector('.portal-drawer').getBoundingClientRect().width, document.querySelector('.mud-main-content').getBoundingClientRect().left," +
            " [...document.querySelectorAll('.portal-drawer .mud-nav-link-text')].filter(t => t.getBoundingClientRect().width > 1).length].map(Math.round)");
        return (m[0], m[1], m[2]);
    }

    /// <summary>
    /// The dialog that ends a case, which carries the longest button (Confirm: Withdrawn by customer): opened from the
    /// first case in the clerk's queue that offers it.
    /// </summary>
    private static async Task<IEnumerable<string>> WithdrawalDialogLaidOutWrongAsync(IPage phone)
    {
        await phone.GotoAsync("/cases/queue");
        await phone.Locator("[data-test=case-table] [data-case]").First.WaitForAsync();
        var cases = await phone.Locator("[data-test=case-table] [data-case]").EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('href'))");
        foreach (var href in cases)
        {
            await phone.GotoAsync(href);
            await phone.Locator("[data-test=case-actions]").WaitForAsync();
            await phone.WaitForSelectorAsync("[data-test=layout-interactive]", new() { State = WaitForSelectorState.Attached });
            if (await phone.Locator("[data-test=more-actions] button").CountAsync() == 0)
            {
                continue;
            }

            await phone.ClickAsync("[data-test=more-actions] button");
            var withdraw = phone.Locator(".mud-popover-open [data-action=Withdraw]");
            await phone.Locator(".mud-popover-open .mud-menu-item").First.WaitForAsync();
            if (await withdraw.CountAsync() == 0)
            {
                continue;
            }

            await withdraw.ClickAsync();
            await phone.Locator("[data-test=step-dialog][data-action=Withdraw]").WaitForAsync();
            // Measured once the dialog has finished opening: mid-animation it is scaled, and its buttons were once caught overlapping.
            await phone.WaitForFunctionAsync(
                "() => [...document.querySelectorAll('.mud-dialog-container, .mud-dialog')].every(d => d.getAnimations({ subtree: true }).every(a => a.playState !== 'running'))");
            var wrong = (await Layout.LaidOutWrongAsync(phone, $"intake {href}, withdrawal dialog")).ToList();
            // The confirming button is on the screen, on a line of its own above Cancel when the two do not fit side by side.
            var confirm = (await phone.Locator("[data-test=confirm-step]").BoundingBoxAsync())!;
            var cancel = (await phone.Locator("[data-test=cancel-step]").BoundingBoxAsync())!;
            if (confirm.X < 0 || confirm.X + confirm.Width > phone.ViewportSize!.Width || (confirm.Y + confirm.Height > cancel.Y && confirm.X < cancel.X + cancel.Width))
            {
                wrong.Add($"intake {href}: Confirm at {confirm.X}-{confirm.X + confirm.Width}, {confirm.Y}, Cancel at {cancel.X}, {cancel.Y}");
            }

            await phone.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath("withdrawal-dialog-phone-en.png") });
            return wrong;
        }

        return ["intake: no case in the queue offers the withdrawal"];
    }

    public void Dispose()
    {
        app.Record.WriteTo(output);
        app.Dispose();
    }
}
