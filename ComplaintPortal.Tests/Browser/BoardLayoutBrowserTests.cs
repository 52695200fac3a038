using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ComplaintPortal.Tests.Browser;

/// <summary>
/// How the live board lays out at each width: state by colour, icon and word; a wall page that fits its screen; the table
/// at a desk and cards on a phone or a narrow board. (How changes reach it: <see cref="LiveBoardBrowserTests"/>.)
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardLayoutBrowserTests(BrowserFixture browser) : IAsyncDisposable
{
    private readonly List<IPage> pages = [];

    [Fact]
    public async Task Board_shows_state_by_colour_icon_and_word_on_a_desk_a_wall_and_a_phone()
    {
        await using var app = new PortalAppFactory(time: TimeProvider.System);
        var root = app.StartOnLoopback();
        var actions = new AppActions(app.Services);
        for (var i = 0; i < 3; i++)
        {
            var complaint = await actions.AcknowledgedCaseAsync();
            await actions.DispatchAsync(complaint.Id, i == 0 ? DepartmentCatalog.Quality : DepartmentCatalog.Engineering);
        }

        await actions.RegisterAsync();
        var waiting = await actions.AcknowledgedCaseAsync();
        await actions.DispatchAsync(waiting.Id, DepartmentCatalog.Quality);
        await actions.DoAsync(waiting.Id, WorkflowAction.WaitForCustomer, new() { Note = "等待客户寄回产品" }, "intake");

        var desk = await BoardAsync(root, new() { Width = 1366, Height = 800 });
        await desk.Locator("tbody board-countdown[data-state]").First.WaitForAsync();
        // The deadline's countdown shows the time left once its attributes are set (Blazor sets them after inserting the
        // element): waited for, since on a busy machine the read could fall before its first tick.
        await desk.WaitForFunctionAsync("() => /^-?\\d/.test(document.querySelector('.board-deadline board-countdown')?.textContent ?? '')");
        Assert.Matches(@"^-?\d", await desk.Locator(".board-deadline board-countdown").First.InnerTextAsync());
        Assert.Equal("5", await desk.GetAttributeAsync("[data-test=row-count]", "data-open"));
        await desk.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("board.png") });

        var wall = await BoardAsync(root, new() { Width = 1920, Height = 1080 }, "/board?wall=1");
        Assert.False(await wall.Locator(".portal-appbar").IsVisibleAsync());
        Assert.Equal(0, await wall.Locator("[data-test=board-filters]").CountAsync());
        Assert.Equal(5, await wall.Locator("tbody td[data-case]").CountAsync());
        Assert.True(await wall.Locator("[data-state=paused] .board-state-icon").IsVisibleAsync());
        await wall.Locator("tbody board-countdown[data-state]").First.WaitForAsync();
        await wall.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("board-wall.png") });

        var phone = await BoardAsync(root, new() { Width = 390, Height = 844 });
        Assert.False(await phone.Locator("thead").IsVisibleAsync());
        Assert.Equal("block", await phone.Locator("tbody tr:has(> td[data-case])").First.EvaluateAsync<string>("row => getComputedStyle(row).display"));
        await phone.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("board-phone.png") });

        // In English, whose words are longest, on a laptop with the menu open: at 1280 px the table's columns hold their
        // words ('Not categorised yet', 'Paused (waiting for customer)', 进入本环节时间's English), none running into the
        // next column or past the board; at 1024 px the board is too narrow for eight columns and shows cards, two abreast.
        var laptop = await BoardAsync(root, new() { Width = 1280, Height = 800 });
        await laptop.GotoAsync("/culture/set?culture=en&returnUrl=%2Fboard");
        await laptop.Locator("[data-board][data-ready=true]").WaitForAsync(new() { Timeout = 15_000 });
        Assert.True(await laptop.Locator("thead").IsVisibleAsync());
        var overflowing = await CellsOverflowingAsync(laptop);
        Assert.True(overflowing.Length == 0, string.Join("; ", overflowing));
        await laptop.SetViewportSizeAsync(1024, 768);
        await laptop.Locator("thead").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        overflowing = await CellsOverflowingAsync(laptop);
        Assert.True(overflowing.Length == 0, string.Join("; ", overflowing));
        var cards = await laptop.Locator("tbody tr:has(> td[data-case])").EvaluateAllAsync<double[][]>(
            "rows => rows.slice(0, 2).map(r => { const b = r.getBoundingClientRect(); return [b.left, b.top, b.width]; })");
        Assert.Equal(cards[0][1], cards[1][1], 0.5);
        Assert.True(cards[1][0] >= cards[0][0] + cards[0][2], $"the second card starts at {cards[1][0]:0.#}, the first ends at {cards[0][0] + cards[0][2]:0.#}");
        await laptop.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("board-laptop-1024-en.png") });
    }

    /// <summary>The board's cells (column titles included) whose words run past the cell's edges: each named by its text.</summary>
    private static Task<string[]> CellsOverflowingAsync(IPage page) => page.EvaluateAsync<string[]>(
        """
        () => [...document.querySelectorAll('.board-table th, .board-table td')].filter(c => {
          const r = c.getBoundingClientRect();
          if (r.width === 0) return false;
          if (c.scrollWidth > c.clientWidth + 1) return true;
          return [...c.querySelectorAll('*')].some(e => {
            const x = e.getBoundingClientRect();
            return x.width > 0 && (x.right > r.right + 0.5 || x.left < r.left - 0.5);
          });
        }).map(c => `${innerWidth} px: "${c.innerText.trim()}" (${Math.round(c.getBoundingClientRect().width)} px)`)
        """);

    [Fact]
    public async Task A_wall_page_of_sixteen_rows_fits_a_1366_by_768_screen_a_1080p_one_a_720p_one_and_one_hung_upright_without_scrolling()
    {
        await using var app = new PortalAppFactory(time: TimeProvider.System);
        var root = app.StartOnLoopback();
        var actions = new AppActions(app.Services);
        // Rows that used to take three lines each: a case with three departments, their handlers named.
        for (var i = 0; i < 3; i++)
        {
            var complaint = await actions.AcknowledgedCaseAsync();
            await actions.DoAsync(complaint.Id, WorkflowAction.Dispatch, new()
            {
                DepartmentIds = [await actions.DepartmentIdAsync(DepartmentCatalog.Quality), await actions.DepartmentIdAsync(DepartmentCatalog.Engineering),
                    await actions.DepartmentIdAsync(DepartmentCatalog.RnD)],
            }, "intake");
        }

        // A case replied to and waiting for its callback has no deadline: English's longest timeliness words, on the one
        // page of sixteen rows (a case with no deadline sorts last).
        await actions.RepliedCaseAsync(DepartmentCatalog.Quality, "handler.qa");
        for (var i = 0; i < 12; i++)
        {
            await actions.RegisterAsync();
        }

        // Also in English (the longest words) on a 720p screen and on a 1080p one hung upright, where type sized by the
        // screen's height alone had cut the case numbers short and pushed 'No deadline yet' past the table's edge.
        foreach (var (width, height, culture) in new[] { (1366, 768, "zh-Hans"), (1920, 1080, "zh-Hans"), (1280, 720, "en"), (1080, 1920, "en") })
        {
            var wall = await WallAsync(root, new() { Width = width, Height = height }, english: culture == "en");
            // A case number and a timeliness word are never cut short (a category or a stage may end in "…"). Once in CI and once
            // here (then not in twenty runs, under load or not) every case number of the first English wall measured cut
            // short right after the switch of language, with 22 px to spare in every other run: the layout is given up to
            // five seconds to settle, and what is still cut then fails, with a screenshot of it.
            const string CutShort =
                "() => [...document.querySelectorAll('tbody tr > td:is(:nth-child(1), :nth-child(8))')].filter(td => td.scrollWidth > td.clientWidth + 1).map(td => td.innerText.trim())";
            try
            {
                await wall.WaitForFunctionAsync($"() => ({CutShort})().length === 0", null, new() { Timeout = 5_000 });
            }
            catch (TimeoutException)
            {
                await wall.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath($"board-wall-{width}x{height}-cut-short.png") });
            }

            var cut = await wall.EvaluateAsync<string[]>(CutShort);
            Assert.True(cut.Length == 0, $"{width}×{height} {culture}: cut short: {string.Join(", ", cut)}");
            var edge = await wall.EvaluateAsync<double>(
                "() => { const t = document.querySelector('.board-table'); return Math.max(...[...t.querySelectorAll('tbody td *')].map(e => e.getBoundingClientRect().right)) - t.getBoundingClientRect().right; }");
            Assert.True(edge <= 0.5, $"{width}×{height} {culture}: a row's content ends {edge:0.#} px past the table");
            Assert.Equal(16, await wall.Locator("tbody td[data-case]").CountAsync());
            // Every row of the page on the screen, one line each: nothing to scroll to.
            Assert.True(await wall.EvaluateAsync<bool>("() => document.documentElement.scrollHeight <= innerHeight"),
                $"{width}×{height}: the page is {await wall.EvaluateAsync<int>("() => document.documentElement.scrollHeight")} px high");
            var last = await wall.Locator("tbody tr:has(> td[data-case])").Last.BoundingBoxAsync();
            Assert.True(last!.Y + last.Height <= height, $"{width}×{height}: the last row ends at {last.Y + last.Height}");
            await wall.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath(culture == "en" ? $"board-wall-{width}x{height}-en.png" : $"board-wall-{width}.png") });
        }

        // A screen that holds more rows asks for them in the address (?rows=, 8 to 40) and the type shrinks to fit: 24 rows
        // on a 1080p screen, every one on it without scrolling (in type sized for sixteen the last ended 316 px past its foot).
        for (var i = 0; i < 8; i++)
        {
            await actions.RegisterAsync();
        }

        var more = await WallAsync(root, new() { Width = 1920, Height = 1080 }, "&rows=24");
        Assert.Equal(24, await more.Locator("tbody td[data-case]").CountAsync());
        var foot = await more.Locator("tbody tr:has(> td[data-case])").Last.BoundingBoxAsync();
        Assert.True(foot!.Y + foot.Height <= 1080, $"24 rows: the last ends at {foot.Y + foot.Height}");
        Assert.True(await more.EvaluateAsync<bool>("() => document.documentElement.scrollHeight <= innerHeight"));
        await more.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("board-wall-1920-24-rows.png") });
        // A small screen asks for fewer and turns through more pages; a number out of range keeps the sixteen.
        var fewer = await WallAsync(root, new() { Width = 1024, Height = 600 }, "&rows=8");
        Assert.Equal(8, await fewer.Locator("tbody td[data-case]").CountAsync());
        Assert.Contains("3", await fewer.InnerTextAsync("[data-test=wall-page]"), StringComparison.Ordinal);
        var unknown = await WallAsync(root, new() { Width = 1366, Height = 768 }, "&rows=500");
        Assert.Equal(16, await unknown.Locator("tbody td[data-case]").CountAsync());

        // On a phone the three departments stand one under another beside their title, each on the value's full width.
        var phone = await BoardAsync(root, new() { Width = 390, Height = 844 });
        var departments = phone.Locator("tbody td.board-departments:has(> div + div + div)").First;
        await departments.WaitForAsync();
        var boxes = await departments.EvaluateAsync<double[][]>(
            "td => [...td.children].map(d => { const r = d.getBoundingClientRect(); return [r.left, r.top, r.width, r.bottom]; })");
        var cell = await departments.BoundingBoxAsync();
        Assert.Equal(3, boxes.Length);
        Assert.All(boxes, b => Assert.Equal(boxes[0][0], b[0], 0.5));
        Assert.All(boxes.Zip(boxes.Skip(1)), pair => Assert.True(pair.Second[1] >= pair.First[3] - 0.5, "a department starts above the one before it ends"));
        Assert.All(boxes, b => Assert.True(b[2] >= cell!.Width * 0.55, $"a department is {b[2]:0.#} px wide in a cell of {cell.Width:0.#}"));
        await departments.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("board-phone-departments.png") });
    }

    /// <summary>
    /// The clerk's wall display (<c>/board?wall=1</c> and <paramref name="more"/> of its address) in a fresh context of the
    /// given size, in Chinese or English, once its rows count down.
    /// </summary>
    private async Task<IPage> WallAsync(Uri root, ViewportSize viewport, string more = "", bool english = false)
    {
        var path = "/board?wall=1" + more;
        var wall = await BoardAsync(root, viewport, path);
        if (english)
        {
            await wall.GotoAsync("/culture/set?culture=en&returnUrl=" + Uri.EscapeDataString(path));
            await wall.Locator("[data-board][data-ready=true]").WaitForAsync(new() { Timeout = 15_000 });
        }

        await wall.Locator("tbody board-countdown[data-state]").First.WaitForAsync();
        return wall;
    }

    /// <summary>The clerk's board (or its wall) in a fresh context of the given size, once it runs over its circuit.</summary>
    private async Task<IPage> BoardAsync(Uri root, ViewportSize viewport, string path = "/board")
    {
        var page = await new PortalWalk(browser, root).SignInAsync("intake", viewport);
        pages.Add(page);
        await page.GotoAsync(path);
        await page.Locator("[data-board][data-ready=true]").WaitForAsync(new() { Timeout = 15_000 });
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var page in pages)
        {
            await page.Context.CloseAsync();
        }
    }
}
