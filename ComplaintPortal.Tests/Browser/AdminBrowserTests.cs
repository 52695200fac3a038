using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Reports;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ComplaintPortal.Tests.Browser;

/// <summary>The administrator's users list and the timeliness report, walked in Chromium over the live circuit.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IDisposable
{
    private readonly SettableTimeProvider time = new(new DateTimeOffset(2026, 1, 6, 1, 0, 0, TimeSpan.Zero));
    private PortalAppFactory? app;

    [Fact]
    public async Task Administrator_creates_a_user_in_the_dialog_and_the_list_shows_them()
    {
        var root = Start();
        var page = await SignInAsync(root, "admin");

        await page.GotoAsync("/admin/users");
        // The grid's rows come over the circuit (server data), so a row means the page is interactive.
        await page.WaitForSelectorAsync("[data-user=intake]");
        await page.ClickAsync("[data-test=new-user]");
        await page.WaitForSelectorAsync("[data-test=create-user-dialog]");
        await Input(page, "new-username").FillAsync("liu.yang");
        await Input(page, "new-display").FillAsync("质量部 刘洋");
        await Input(page, "new-password").FillAsync("Strong#Pass2026");
        await page.ClickAsync("[data-test=create-user]");
        await page.Locator("[data-test=roles-field]").GetByText("请至少选择一个角色。").WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath("admin-create-user.png") });

        await page.Locator("[data-role-option=DepartmentHandler]").Locator("xpath=descendant-or-self::input").First.CheckAsync();
        await page.Locator("[data-test=new-department]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "质量部" }).ClickAsync();
        await page.ClickAsync("[data-test=create-user]");

        await page.WaitForSelectorAsync("[data-user='liu.yang']");
        var row = page.Locator("tr", new() { Has = page.Locator("[data-user='liu.yang']") });
        Assert.Contains("质量部", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("部门处理人", await row.InnerTextAsync(), StringComparison.Ordinal);
        // The administrator belongs to no department: the cell says so with a dash rather than standing blank.
        var adminRow = page.Locator("tr", new() { Has = page.Locator("[data-user='admin']") });
        Assert.Equal("—", (await adminRow.Locator("td").Nth(2).InnerTextAsync()).Trim());
        Assert.Equal(0, await page.Locator("[data-test=create-user-dialog]").CountAsync());
        var snackbar = await Snackbars.ShownAsync(page, "liu.yang");
        // Bottom right (PortalSnackbars): below the page's title, clear of the app bar.
        var title = await page.Locator("h1").First.BoundingBoxAsync();
        var box = await snackbar.BoundingBoxAsync();
        Assert.True(box!.Y > title!.Y + title.Height, $"snackbar at {box.Y}, title ends at {title.Y + title.Height}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath("admin-users.png"), FullPage = true });

        // At the end of a list the grid's pager stands at the window's foot (under the page's 16 px padding): the snackbar
        // stays above it, so "第 1–13 条" and the page buttons can be read while it shows.
        var pager = page.Locator("[data-test=user-table] .mud-table-pagination");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var pagerBox = await pager.BoundingBoxAsync();
        await page.SetViewportSizeAsync(1440, (int)Math.Ceiling(pagerBox!.Y + pagerBox.Height + 16));
        pagerBox = await pager.BoundingBoxAsync();
        box = await snackbar.BoundingBoxAsync();
        Assert.True(box!.Y + box.Height <= pagerBox!.Y || box.X + box.Width <= pagerBox.X,
            $"snackbar {box.X},{box.Y} {box.Width}x{box.Height} covers the pager {pagerBox.X},{pagerBox.Y} {pagerBox.Width}x{pagerBox.Height}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath("admin-users-snackbar-over-pager.png") });
    }

    [Fact]
    public async Task On_a_phone_the_users_list_filters_wrap_below_the_title_and_new_user_can_be_tapped()
    {
        var root = Start();
        var page = await SignInAsync(root, "admin");
        await page.SetViewportSizeAsync(390, 844);

        await page.GotoAsync("/admin/users");
        await page.WaitForSelectorAsync("[data-user=intake]");

        // The grid's toolbar takes as many lines as its search and three filters need, below the title and its button.
        var button = await page.Locator("[data-test=new-user]").BoundingBoxAsync();
        var toolbar = await page.Locator("[data-test=user-table] .mud-table-toolbar").BoundingBoxAsync();
        var lastFilter = await page.Locator("[data-test=filter-status]").BoundingBoxAsync();
        Assert.True(toolbar!.Y >= button!.Y + button.Height, $"toolbar starts at {toolbar.Y}, the button ends at {button.Y + button.Height}");
        Assert.True(lastFilter!.Y + lastFilter.Height <= toolbar.Y + toolbar.Height, $"the status filter ends at {lastFilter.Y + lastFilter.Height}, the toolbar at {toolbar.Y + toolbar.Height}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath("admin-users-phone.png") });
        // A plain click: Playwright refuses it when another element would take the tap.
        await page.ClickAsync("[data-test=new-user]", new() { Timeout = 5000 });
        await page.WaitForSelectorAsync("[data-test=create-user-dialog]");
    }

    [Fact]
    public async Task Leader_reads_the_quarter_in_figures_and_charts()
    {
        var root = Start();
        var actions = new AppActions(app!.Services);
        await actions.AcknowledgedCaseAsync();
        await actions.RegisterAsync();
        time.Set(new DateTimeOffset(2026, 2, 10, 1, 0, 0, TimeSpan.Zero));
        await actions.AcknowledgedCaseAsync();
        await actions.AcknowledgedCaseAsync();
        time.Set(new DateTimeOffset(2026, 3, 9, 1, 0, 0, TimeSpan.Zero));
        var dispatched = await actions.AcknowledgedCaseAsync();
        await actions.DispatchAsync(dispatched.Id, "QA");
        time.Set(new DateTimeOffset(2026, 3, 25, 1, 0, 0, TimeSpan.Zero));
        var page = await SignInAsync(root, "leader");

        await page.GotoAsync("/reports/timeliness?period=Quarter&year=2026&number=1");
        await page.WaitForSelectorAsync("[data-test=chart-trend] svg");

        Assert.Equal(1, await page.Locator("[data-test=timeliness] [data-department=CS]").CountAsync());
        Assert.Equal(1, await page.Locator("[data-test=chart-departments] svg").CountAsync());
        // The seed's rate first; the headline and the department's row are the same figure when one department is shown.
        Assert.EndsWith("%", (await page.InnerTextAsync("[data-test=headline-rate]")).Trim(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("[data-test=target]").CountAsync());

        // A figure opens the cases behind it: as many as it counts.
        var late = page.Locator("[data-figure=headline-late]");
        var lateCount = int.Parse(await late.GetAttributeAsync("data-count") ?? "", System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEqual(0, lateCount);
        await late.ClickAsync();
        // The list is read from the server after the click, a page at a time.
        await page.WaitForSelectorAsync("[data-test=figure-cases] [data-case]");
        Assert.Equal(Math.Min(lateCount, 10), await page.Locator("[data-test=figure-cases] [data-case]").CountAsync());
        // Over the page, in a dialog: closed, the page is as it was.
        Assert.True(await page.Locator("[data-test=figure-dialog] [data-test=figure-cases]").IsVisibleAsync());
        await page.ClickAsync("[data-test=figure-close]");
        await page.Locator("[data-test=figure-dialog]").WaitForAsync(new() { State = WaitForSelectorState.Detached });

        // The target's mark sits beside the department's resolution rate, not against it.
        var rate = await page.Locator("[data-test=timeliness] [data-test=row-resolution]").First.BoundingBoxAsync();
        // The quarter has not ended: below target reads "not yet", not a miss.
        var markLocator = page.Locator("[data-test=timeliness] svg[data-target]").First;
        Assert.Equal("open", await markLocator.GetAttributeAsync("data-target"));
        Assert.Equal("open", await page.GetAttributeAsync("[data-test=target]", "data-met"));
        var mark = await markLocator.BoundingBoxAsync();
        Assert.True(mark!.X >= rate!.X + rate.Width + 2, $"mark at {mark.X}, rate ends at {rate.X + rate.Width}");

        // Both rates are 0 % each month: the resolution rate's line is dashed over the wider line of the seed's rate, so both show.
        var lines = await page.Locator("[data-test=chart-trend] path.mud-chart-line").EvaluateAllAsync<string[]>(
            "ps => ps.map(p => getComputedStyle(p).strokeDasharray + ' ' + getComputedStyle(p).strokeWidth)");
        Assert.Equal("none 7px", lines[0]);
        Assert.StartsWith("12", lines[1], StringComparison.Ordinal);
        // The page is longer than the window: the drawer's background runs down to its foot (the full-page screenshot).
        var drawerStrip = await page.EvaluateAsync<double[]>(
            "() => { const m = document.querySelector('.mud-main-content'); const s = getComputedStyle(m, '::before');" +
            " return [parseFloat(s.height), parseFloat(s.width), m.getBoundingClientRect().bottom + scrollY, document.documentElement.scrollHeight, innerHeight]; }");
        Assert.True(drawerStrip[3] > drawerStrip[4], "the page should be longer than the window");
        Assert.Equal(240, drawerStrip[1]);
        Assert.True(drawerStrip[2] >= drawerStrip[3] - 1, $"main content ends at {drawerStrip[2]}, the page at {drawerStrip[3]}");
        // The drawer and the strip have the same edge, so nothing jogs where the window ended (beside the charts' cards).
        var edges = await page.EvaluateAsync<string[]>(
            "() => [getComputedStyle(document.querySelector('.portal-drawer')).boxShadow, getComputedStyle(document.querySelector('.mud-main-content'), '::before').boxShadow]");
        Assert.Equal(edges[1], edges[0]);
        Assert.True(drawerStrip[0] >= drawerStrip[3] - 1, $"the drawer's strip is {drawerStrip[0]} px, the page {drawerStrip[3]} px");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath("timeliness.png"), FullPage = true });

        // Today's per-deadline figures are the drill-down, with the missed deadlines.
        // Its lists load only when a figure is clicked, like the headline's.
        await page.ClickAsync("[data-test=per-deadline] .mud-expand-panel-header");
        // Clicked only once the panel has opened: a click while it still slides open could land on nothing (seen once under load).
        await page.Locator("[data-test=per-deadline] .mud-collapse-entered").WaitForAsync();
        var missed = page.Locator("[data-figure=deadline-missed]");
        await missed.WaitForAsync();
        var missedCount = int.Parse(await missed.GetAttributeAsync("data-count") ?? "", System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEqual(0, missedCount);
        await missed.ClickAsync();
        await page.WaitForSelectorAsync("[data-test=figure-cases] [data-case]");
        Assert.Equal(Math.Min(missedCount, 10), await page.Locator("[data-test=figure-cases] [data-case]").CountAsync());
        // The drill-down is far down the page: its list opens over it, in view, not at the page's top out of sight.
        Assert.True(await page.Locator("[data-test=figure-cases]").EvaluateAsync<bool>(
            "l => { const r = l.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }"), "the missed deadlines' list is out of view");
        await page.ClickAsync("[data-test=figure-close]");
        await page.Locator("[data-test=figure-dialog]").WaitForAsync(new() { State = WaitForSelectorState.Detached });

        // At desk width each chart fits its card whole: nothing to scroll, its last month's label not cut off.
        foreach (var chart in new[] { "chart-departments", "chart-trend" })
        {
            var fit = await page.Locator($"[data-test={chart}]").EvaluateAsync<double[]>("card => [card.scrollWidth, card.clientWidth]");
            Assert.True(fit[0] <= fit[1], $"{chart}: the card scrolls {fit[0]} px in {fit[1]} at desk width");
            Assert.False(await page.Locator($"[data-test={chart}] [data-test=chart-swipe-hint]").IsVisibleAsync(), $"{chart}: a swipe hint at desk width");
        }

        // On a phone each chart keeps a readable width and scrolls sideways in its card instead of shrinking to specks.
        await page.SetViewportSizeAsync(390, 844);
        foreach (var chart in new[] { "chart-departments", "chart-trend" })
        {
            var widths = await page.Locator($"[data-test={chart}]").EvaluateAsync<double[]>(
                "card => [card.querySelector('svg').getBoundingClientRect().width, card.scrollWidth, card.clientWidth]");
            Assert.True(widths[0] >= 560, $"{chart}: the chart is {widths[0]} px wide");
            Assert.True(widths[1] > widths[2], $"{chart}: the card scrolls {widths[1]} px in {widths[2]}");
            // Nothing else shows there is more to the right: the card says so, and keeps saying so scrolled to its end.
            var hint = page.Locator($"[data-test={chart}] [data-test=chart-swipe-hint]");
            Assert.Equal("左右滑动查看完整图表", (await hint.InnerTextAsync()).Trim());
            await page.Locator($"[data-test={chart}]").EvaluateAsync("card => card.scrollLeft = card.scrollWidth");
            var shown = await hint.EvaluateAsync<double[]>(
                "h => { const c = h.parentElement.closest('[data-test]').getBoundingClientRect(), r = h.getBoundingClientRect(); return [r.left - c.left, c.right - r.right]; }");
            Assert.True(shown[0] >= 0 && shown[1] >= 0, $"{chart}: the hint left its card when scrolled ({shown[0]}, {shown[1]})");
        }
        await page.Locator("[data-test=chart-departments]").ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("timeliness-phone-chart.png") });

        // Beside the menu at 1024 px the four headline cards stand abreast, each about 176 px wide: in English, the longest,
        // the target's chip (not yet met · period open) goes under the rate instead of running into the next card.
        await page.SetViewportSizeAsync(1024, 768);
        await page.GotoAsync("/culture/set?culture=en&returnUrl=" + Uri.EscapeDataString("/reports/timeliness?period=Quarter&year=2026&number=1"));
        // Measured once the page runs over its circuit: the prerendered headline is replaced then.
        await page.Locator("[data-test=layout-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Locator("[data-test=target][data-met=open]").WaitForAsync();
        var cards = await page.Locator("[data-test=timeliness-summary] .mud-paper").EvaluateAllAsync<double[][]>(
            "cards => cards.map(c => [c.getBoundingClientRect().top, c.scrollWidth - c.clientWidth])");
        Assert.Equal(4, cards.Length);
        Assert.All(cards, c => Assert.Equal(cards[0][0], c[0], 0.5));
        Assert.All(cards, c => Assert.True(c[1] <= 1, $"a headline card's content is {c[1]} px wider than the card"));
        await page.Locator("[data-test=timeliness-summary]").ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("timeliness-headline-1024-en.png") });
        // The table by department fits too: its long English titles and names wrap between words instead of scrolling it sideways.
        var table = await Layout.WidthsAsync(page.Locator("[data-test=timeliness] .mud-table-container"));
        Assert.True(table.Content <= table.Frame, $"the table by department is {table.Content} px wide in {table.Frame}");
    }

    [Fact]
    public async Task Department_bars_at_the_full_rate_keep_their_value_labels_apart()
    {
        var root = Start();
        var actions = new AppActions(app!.Services);
        // Five departments close their cases on time: ten bars at 100 %, two to a department, side by side.
        foreach (var (department, handler) in new[] { ("QA", "handler.qa"), ("ENG", "handler.eng"), ("FIN", "handler.fin"), ("PROD", "handler.prod"), ("RND", "handler.rnd") })
        {
            await actions.ClosedCaseAsync(department, handler);
        }

        // January has ended when the leader looks (a running month's resolution rate is not drawn on the trend).
        time.Set(new DateTimeOffset(2026, 2, 2, 1, 0, 0, TimeSpan.Zero));
        var page = await SignInAsync(root, "leader");
        await page.GotoAsync("/reports/timeliness?period=Month&year=2026&number=1");
        var labels = page.Locator("[data-test=chart-departments] text.mud-chart-value-label");
        await labels.First.WaitForAsync();

        var texts = await labels.AllTextContentsAsync();
        var boxes = await labels.EvaluateAllAsync<double[][]>(
            "ts => ts.map(t => { const r = t.getBoundingClientRect(); return [r.left, r.right, r.top, r.bottom]; })");
        var shown = texts.Zip(boxes, (text, box) => new LabelBox(text, box[0], box[1], box[2], box[3])).ToList();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath("timeliness-full-rate-bars.png"), FullPage = true });
        Assert.True(shown.Count(l => l.Text == "100") >= 10, string.Join(" ", shown.Select(l => l.Text)));
        // The values are plain numbers: the axis says they are per cent.
        Assert.Contains("%", await page.Locator("[data-test=chart-departments] svg text").AllTextContentsAsync());
        // Both rates are 100 % in January, so their points fall on one spot: the seed's rate's point rings the resolution
        // rate's, so both still show (hover targets are the invisible circles).
        var points = await TrendPointsOnOneSpotAsync(page);
        Assert.True(points[0][2] >= points[1][2] * 1.6, $"the seed's rate's point is {points[0][2]:0.#} px wide, the resolution rate's {points[1][2]:0.#} px");

        // Labels at the same height (two 100 % bars side by side) are read apart: at least 2 px between them.
        foreach (var a in shown)
        {
            foreach (var b in shown.Where(b => b != a && b.Left >= a.Left && b.Top < a.Bottom && a.Top < b.Bottom))
            {
                Assert.True(b.Left - a.Right >= 2, $"\"{a.Text}\" ends at {a.Right:0.#}, \"{b.Text}\" starts at {b.Left:0.#}");
            }
        }

        // Six departments' names slant; the first hangs down and left of its bar and stays within the card's padding.
        await NamesWithinCardAsync(page, "zh-Hans at desk width");
        // Also English's far longer first name (Customer Service (Complaint Room)) on a phone, where the chart is at its
        // narrowest and scrolls in its card.
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/culture/set?culture=en&returnUrl=" + Uri.EscapeDataString("/reports/timeliness?period=Month&year=2026&number=1"));
        await page.Locator("[data-test=layout-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await labels.First.WaitForAsync();
        await NamesWithinCardAsync(page, "English on a phone");
        // The legend's English entries wrap within the card, not centred across the chart's scrolled width, and stay in
        // view as the chart scrolls.
        foreach (var chart in new[] { "chart-departments", "chart-trend" })
        {
            await LegendWithinCardAsync(page, chart, scrolledToEnd: false);
            await LegendWithinCardAsync(page, chart, scrolledToEnd: true);
        }
        await page.Locator("[data-test=chart-departments]").EvaluateAsync("card => card.scrollLeft = 0");
        await page.Locator("[data-test=chart-departments]").ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("timeliness-phone-chart-en.png") });
    }

    /// <summary>
    /// The centre and width of the trend's last seed-rate point and last resolution-rate point, once they are on one spot.
    /// They are waited for (up to five seconds): a full run once read them 46 px apart, a month's width, while the chart was
    /// still being drawn. If they never meet, the test fails with every visible point and keeps the page's picture under its
    /// own name, which later runs do not overwrite.
    /// </summary>
    private static async Task<double[][]> TrendPointsOnOneSpotAsync(IPage page)
    {
        const string Visible = "[data-test=chart-trend] circle.mud-chart-point:not([opacity='0'])";
        const string Last = "cs => ['#2979FF', '#1DE9B6'].map(c => cs.filter(p => p.getAttribute('stroke').toUpperCase() === c).at(-1))" +
            ".map(p => { const r = p.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2, r.width]; })";
        var points = await page.Locator(Visible).EvaluateAllAsync<double[][]>(Last);
        for (var tries = 0; tries < 50 && !(Math.Abs(points[0][0] - points[1][0]) <= 0.5 && Math.Abs(points[0][1] - points[1][1]) <= 0.5); tries++)
        {
            await page.WaitForTimeoutAsync(100);
            points = await page.Locator(Visible).EvaluateAllAsync<double[][]>(Last);
        }

        if (Math.Abs(points[0][0] - points[1][0]) > 0.5 || Math.Abs(points[0][1] - points[1][1]) > 0.5)
        {
            var all = await page.Locator(Visible).EvaluateAllAsync<string[]>(
                "cs => cs.map(p => { const r = p.getBoundingClientRect(); return p.getAttribute('stroke') + '@' + Math.round(r.left + r.width / 2) + ',' + Math.round(r.top + r.height / 2); })");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath("timeliness-trend-points-apart.png"), FullPage = true });
            Assert.Fail($"the rates' last points are apart: {points[0][0]:0.#},{points[0][1]:0.#} and {points[1][0]:0.#},{points[1][1]:0.#}; visible points: {string.Join(" ", all)}");
        }

        return points;
    }

    /// <summary>Every entry of a chart's legend lies within its card's width, the card scrolled to its start or its end.</summary>
    private static async Task LegendWithinCardAsync(IPage page, string chart, bool scrolledToEnd)
    {
        var card = page.Locator($"[data-test={chart}]");
        var edges = await card.EvaluateAsync<double[][]>(
            "async (c, end) => { c.scrollLeft = end ? c.scrollWidth : 0; await new Promise(r => requestAnimationFrame(r));" +
            " const b = c.getBoundingClientRect(); return [[b.left, b.right]," +
            " ...[...c.querySelectorAll('.mud-chart-legend-item')].map(i => { const r = i.getBoundingClientRect(); return [r.left, r.right]; })]; }",
            scrolledToEnd);
        Assert.True(edges.Length > 2, $"{chart}: {edges.Length - 1} legend entries");
        foreach (var entry in edges.Skip(1))
        {
            Assert.True(entry[0] >= edges[0][0] && entry[1] <= edges[0][1],
                $"{chart} ({(scrolledToEnd ? "scrolled to its end" : "at its start")}): a legend entry spans {entry[0]:0.#}-{entry[1]:0.#}, the card {edges[0][0]:0.#}-{edges[0][1]:0.#}");
        }
    }

    /// <summary>The departments chart's slanted names all start within its card's content, the card scrolled to its start.</summary>
    private static async Task NamesWithinCardAsync(IPage page, string where)
    {
        // The chart fits itself once its names are drawn (portal.js, portal-chart-fit): asked in the next frames.
        var card = await page.Locator("[data-test=chart-departments]").EvaluateAsync<double[]>(
            "async e => { e.scrollLeft = 0; for (let i = 0; i < 3; i++) await new Promise(r => requestAnimationFrame(r));" +
            " return [e.getBoundingClientRect().left, parseFloat(getComputedStyle(e).paddingLeft)]; }");
        var names = await page.Locator("[data-test=chart-departments] .mud-charts-xaxis text").EvaluateAllAsync<double[]>(
            "ts => ts.map(t => t.getBoundingClientRect().left)");
        Assert.True(names.Length > TimelinessCharts.UprightLabels, $"{where}: {names.Length} department names");
        Assert.True(names.Min() >= card[0] + card[1], $"{where}: the first department name starts at {names.Min():0.#}, the card's content at {card[0] + card[1]:0.#}");
    }

    /// <summary>Where a chart's value label stands in the window.</summary>
    private sealed record LabelBox(string Text, double Left, double Right, double Top, double Bottom);

    private Uri Start()
    {
        app = new PortalAppFactory(time: time);
        return app.StartOnLoopback();
    }

    /// <summary>The text box of a MudBlazor field, wherever the field put its data-test attribute.</summary>
    private static ILocator Input(IPage page, string field) =>
        page.Locator($"[data-test={field}]").Locator("xpath=descendant-or-self::input").First;

    private Task<IPage> SignInAsync(Uri root, string userName) =>
        PortalWalk.SignInAsync(browser, root, userName, new() { ViewportSize = new() { Width = 1440, Height = 900 } }, app?.Record);

    public void Dispose()
    {
        app?.Record.WriteTo(output);
        app?.Dispose();
    }
}
