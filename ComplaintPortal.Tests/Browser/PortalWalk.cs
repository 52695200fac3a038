using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Hosting;
using Microsoft.Playwright;

namespace ComplaintPortal.Tests.Browser;

/// <summary>
/// What a walk through the case page does again and again, as a person does it: sign in, open a page once its
/// circuit is up, take a step through its dialog (the primary button or the menu) and wait for the stage it leads to.
/// </summary>
public sealed partial class PortalWalk(BrowserFixture browser, Uri root, RunRecord? record = null)
{
    /// <summary>
    /// Signs in in a fresh browser context: a desk (1440 x 900) unless a viewport is given, touch and mobile for a phone. The
    /// page is blank until the walk opens one.
    /// </summary>
    public Task<IPage> SignInAsync(string userName, ViewportSize? viewport = null, bool phone = false) =>
        SignInAsync(browser, root, userName, new BrowserNewContextOptions
        {
            ViewportSize = viewport ?? new ViewportSize { Width = 1440, Height = 900 }, IsMobile = phone, HasTouch = phone,
        }, record);

    /// <summary>
    /// Signs in in a fresh browser context (Chinese, at the portal's address), whose page is blank until the walk opens one.
    /// The sign-in form is posted as the browser posts it (its antiforgery token and the cookie that goes with it), without
    /// drawing the sign-in page or the home page it leads to: the walks signed in some eighty times a run, each then opening
    /// the page it walks, and the sign-in itself is walked by <see cref="SignInBrowserTests"/>.
    /// </summary>
    public static async Task<IPage> SignInAsync(BrowserFixture browser, Uri root, string userName, BrowserNewContextOptions options, RunRecord? record = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(options);
        options.Locale ??= "zh-CN";
        options.BaseURL = root.ToString();
        var context = await browser.Browser.NewContextAsync(options);
        record?.Watch(context);
        var form = await (await context.APIRequest.GetAsync("/account/login")).TextAsync();
        var token = AntiforgeryToken().Match(form);
        Assert.True(token.Success, "the sign-in page has no antiforgery token");
        var fields = context.APIRequest.CreateFormData();
        fields.Set("_handler", "login");
        fields.Set("__RequestVerificationToken", System.Net.WebUtility.HtmlDecode(token.Groups[1].Value));
        fields.Set("Input.UserName", userName);
        fields.Set("Input.Password", DemoAccounts.Password);
        var signedIn = await context.APIRequest.PostAsync("/account/login", new() { Form = fields, MaxRedirects = 0 });
        Assert.True(signedIn.Status == 302 && !(signedIn.Headers.GetValueOrDefault("location") ?? "").Contains("/account/login", StringComparison.Ordinal),
            $"{userName} was not signed in: {signedIn.Status} {signedIn.Headers.GetValueOrDefault("location")}");
        return await context.NewPageAsync();
    }

    [System.Text.RegularExpressions.GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex AntiforgeryToken();

    public static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        // The layout marks the page once it runs over the circuit; clicks on the prerendered copy are lost.
        await page.WaitForSelectorAsync("[data-test=layout-interactive]", new() { State = WaitForSelectorState.Attached });
        await SettledAsync(page);
    }

    /// <summary>
    /// Until the page has stopped changing: nothing in it added, removed or altered for a quarter of a second (the circuit's
    /// first renders and the data they load drawn), or five seconds at most. It replaced a fixed second's wait after every page.
    /// </summary>
    public static Task SettledAsync(IPage page) => page.EvaluateAsync(
        """
        () => new Promise(resolve => {
          let quiet;
          const done = () => { observer.disconnect(); clearTimeout(quiet); clearTimeout(longest); resolve(); };
          const observer = new MutationObserver(() => { clearTimeout(quiet); quiet = setTimeout(done, 250); });
          observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
          quiet = setTimeout(done, 250);
          const longest = setTimeout(done, 5000);
        })
        """);

    public static async Task ActAsync(IPage page, string action, string expectedStage, string? note = null, Func<Task>? fill = null)
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

    /// <summary>
    /// Opens a select and picks an option. A click that lands while the dialog's select is still being wired (a busy machine)
    /// opens nothing: as a person would, it clicks again, a few times, before the wait for the option fails the test.
    /// </summary>
    public static async Task PickAsync(IPage page, string select, string option)
    {
        var item = page.Locator($".mud-popover-open .mud-list-item:has-text(\"{option}\")");
        await OpenSelectAsync(page, select, item);
        await item.ClickAsync();
        await page.WaitForSelectorAsync(".mud-popover-open .mud-list-item", new() { State = WaitForSelectorState.Detached });
    }

    /// <summary>Clicks a select until <paramref name="opened"/> (something in its list) shows, a few times at most.</summary>
    public static async Task OpenSelectAsync(IPage page, string select, ILocator opened)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.ClickAsync($"[data-test={select}]", new() { Force = true });
            try
            {
                await opened.WaitForAsync(new() { Timeout = attempt < 4 ? 5000 : 30000 });
                return;
            }
            catch (TimeoutException) when (attempt < 4)
            {
                // The list did not open; click the select again.
            }
        }
    }

    /// <summary>Registers a complaint on the intake page and returns its case number.</summary>
    public static async Task<string> RegisterAsync(IPage clerk, string channel, string name, string phone, string description)
    {
        await OpenAsync(clerk, "/cases/new");
        await PickAsync(clerk, "intake-channel", channel);
        await clerk.FillAsync("#name", name);
        await clerk.FillAsync("#phone", phone);
        await clerk.FillAsync("#description", description);
        await clerk.ClickAsync("[data-test=intake-confirmed]");
        await clerk.ClickAsync("[data-test=register]");
        await clerk.WaitForSelectorAsync("[data-stage=Registered]");
        return await clerk.InnerTextAsync("[data-test=case-number]");
    }

    public static Task ShotAsync(IPage page, string fileName, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath(fileName), FullPage = fullPage });
}
