using ClosedXML.Excel;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ComplaintPortal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class LiveBoardBrowserTests(BrowserFixture browser) : IAsyncDisposable
{
    // Well under a second is the aim; 2 s keeps a loaded CI machine honest.
    private const float LiveWithin = 2_000;
    private readonly List<IBrowserContext> contexts = [];

    [Fact]
    public async Task Change_reaches_the_boards_that_may_show_it_and_no_other_without_a_reload()
    {
        await using var app = new PortalAppFactory(time: TimeProvider.System);
        var root = app.StartOnLoopback();
        var actions = new AppActions(app.Services);
        var complaint = await actions.AcknowledgedCaseAsync();

        var clerk = await BoardAsync(root, "intake");
        var quality = await BoardAsync(root, "handler.qa");
        var engineering = await BoardAsync(root, "handler.eng");
        await RowShownAsync(clerk, complaint.Id);
        Assert.Equal(0, await quality.Locator(Row(complaint.Id)).CountAsync());

        await actions.DispatchAsync(complaint.Id, DepartmentCatalog.Quality);

        await quality.Locator(Row(complaint.Id)).WaitForAsync(new() { Timeout = LiveWithin });
        await quality.Locator("[data-test=row-count][data-open='1']").WaitForAsync(new() { Timeout = LiveWithin });
        await clerk.Locator($"{Row(complaint.Id)} [data-stage=InDepartments]").WaitForAsync(new() { Timeout = LiveWithin });

        // The engineering board never had the row in its page at any moment, and shows none.
        await actions.DoAsync(complaint.Id, WorkflowAction.RecordOtherOrganisation, new() { Note = "涉及物流公司" }, "intake");
        await Task.Delay(1_000);
        Assert.DoesNotContain(complaint.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), await SeenAsync(engineering));
        Assert.Equal(0, await engineering.Locator(Row(complaint.Id)).CountAsync());
        Assert.Equal(1, await quality.EvaluateAsync<int>("performance.getEntriesByType('navigation').length"));
    }

    [Fact]
    public async Task Export_says_it_is_working_until_the_file_is_saved_under_the_servers_name()
    {
        await using var app = new PortalAppFactory(time: TimeProvider.System);
        var root = app.StartOnLoopback();
        var complaint = await new AppActions(app.Services).AcknowledgedCaseAsync();
        var clerk = await BoardAsync(root, "intake");
        await RowShownAsync(clerk, complaint.Id);
        // The server's answer is held back, as a large board's file takes seconds to build.
        var release = new TaskCompletionSource();
        await clerk.RouteAsync("**/board/export.xlsx**", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });

        var download = clerk.WaitForDownloadAsync();
        await clerk.Locator("[data-test=export]").ClickAsync();
        await clerk.Locator("[data-test=export][aria-busy=true]").WaitForAsync(new() { Timeout = 5_000 });
        release.SetResult();
        var file = await download;

        Assert.Matches(@"^board-\d{8}-\d{4}\.xlsx$", file.SuggestedFilename);
        await using (var saved = File.OpenRead(await file.PathAsync()))
        using (var workbook = new XLWorkbook(saved))
        {
            Assert.Contains(workbook.Worksheets.First().CellsUsed(), c => c.GetString() == complaint.CaseNumber);
        }

        await clerk.Locator("[data-test=export]:not([aria-busy])").WaitForAsync(new() { Timeout = 5_000 });
        // The board stayed where it was: the file came without leaving the page.
        Assert.Equal(1, await clerk.EvaluateAsync<int>("performance.getEntriesByType('navigation').length"));
        await RowShownAsync(clerk, complaint.Id);
    }

    [Fact]
    public async Task Change_made_through_another_instance_reaches_the_board_within_two_seconds()
    {
        await using var instanceA = new PortalAppFactory(time: TimeProvider.System);
        _ = instanceA.Server;
        await using var instanceB = new PortalAppFactory(instanceA.Database, time: TimeProvider.System);
        var rootB = instanceB.StartOnLoopback();
        var complaint = await new AppActions(instanceA.Services).AcknowledgedCaseAsync();
        var quality = await BoardAsync(rootB, "handler.qa");

        await new AppActions(instanceA.Services).DispatchAsync(complaint.Id, DepartmentCatalog.Quality);

        await quality.Locator(Row(complaint.Id)).WaitForAsync(new() { Timeout = LiveWithin });
    }

    [Fact]
    public async Task Board_reloads_its_rows_after_the_server_restarts()
    {
        using var database = new TestDatabase();
        var port = PortalAppFactory.FreeLoopbackPort();
        var first = new PortalAppFactory(database, time: TimeProvider.System);
        var root = first.StartOnLoopback(port);
        var complaint = await new AppActions(first.Services).AcknowledgedCaseAsync();
        var clerk = await BoardAsync(root, "intake");
        await RowShownAsync(clerk, complaint.Id);
        await first.DisposeAsync(); // the server goes away, as in a crash or a redeployment
        await clerk.Locator("#components-reconnect-modal[open]").WaitForAsync(new() { Timeout = 15_000 });

        // While the board is disconnected, a change is made (here through a second portal on another port).
        await using (var meanwhile = new PortalAppFactory(database, time: TimeProvider.System))
        {
            _ = meanwhile.Server;
            await new AppActions(meanwhile.Services).DispatchAsync(complaint.Id, DepartmentCatalog.Quality);
        }

        await using var second = new PortalAppFactory(database, time: TimeProvider.System);
        second.StartOnLoopback(port);
        await clerk.Locator($"{Row(complaint.Id)} [data-stage=InDepartments]").WaitForAsync(new() { Timeout = 45_000 });
        await clerk.Locator("[data-board][data-ready=true]").WaitForAsync(new() { Timeout = 10_000 });
    }

    [Fact]
    public async Task Board_ticks_only_the_countdowns_on_screen_and_brings_one_up_to_date_when_it_scrolls_into_view()
    {
        await using var app = new PortalAppFactory(time: TimeProvider.System);
        var root = app.StartOnLoopback();
        var actions = new AppActions(app.Services);
        for (var i = 0; i < 24; i++)
        {
            await actions.RegisterAsync();
        }

        // A short screen: the first rows are on it, the last ones far below.
        var board = await BoardAsync(root, "intake", new() { Width = 1366, Height = 500 });
        var countdowns = board.Locator("tbody .board-deadline board-countdown");
        await countdowns.First.WaitForAsync();
        Assert.Equal(24, await countdowns.CountAsync());
        var onScreen = countdowns.First;
        var below = countdowns.Last;
        Assert.False(await below.EvaluateAsync<bool>("e => e.getBoundingClientRect().top < innerHeight + 200"));
        var onScreenBefore = await onScreen.InnerTextAsync();
        var belowBefore = await below.InnerTextAsync();

        // The server's clock is two hours on (what portal-clock's "now" says after a render): the countdowns on screen
        // follow at once, the one below the fold is left alone.
        await board.EvaluateAsync("""
            () => {
              const clock = document.querySelector('portal-clock');
              clock.setAttribute('now', new Date(Date.parse(clock.getAttribute('now')) + 2 * 3600 * 1000).toISOString());
            }
            """);
        Assert.NotEqual(onScreenBefore, await onScreen.InnerTextAsync());
        Assert.Equal(belowBefore, await below.InnerTextAsync());

        // Scrolled into view, it shows the time left by the corrected clock.
        await below.ScrollIntoViewIfNeededAsync();
        await board.WaitForFunctionAsync(
            "before => [...document.querySelectorAll('tbody .board-deadline board-countdown')].at(-1).textContent !== before", belowBefore);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("true", true)]
    public async Task Board_circuit_runs_uncompressed_unless_the_site_turns_compression_on(string? setting, bool compressed)
    {
        await using var app = new PortalAppFactory(time: TimeProvider.System);
        if (setting is not null)
        {
            app.Settings["Circuits:CompressWebSockets"] = setting;
        }

        var root = app.StartOnLoopback();
        var context = await SignedInAsync(root, "intake");
        var page = await context.NewPageAsync();
        // The circuit's WebSocket handshake as Chromium saw it (DevTools protocol): per-message deflate is agreed there.
        var cdp = await context.NewCDPSessionAsync(page);
        var handshake = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        cdp.Event("Network.webSocketHandshakeResponseReceived").OnEvent += (_, e) =>
        {
            var headers = e!.Value.GetProperty("response").GetProperty("headers");
            handshake.TrySetResult(string.Join(';', headers.EnumerateObject()
                .Where(h => h.Name.Equals("Sec-WebSocket-Extensions", StringComparison.OrdinalIgnoreCase))
                .Select(h => h.Value.GetString())));
        };
        await cdp.SendAsync("Network.enable");

        await page.GotoAsync("/board");

        var extensions = await handshake.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(compressed, extensions.Contains("permessage-deflate", StringComparison.OrdinalIgnoreCase));
        await page.Locator("[data-board][data-ready=true]").WaitForAsync();
    }

    [Fact]
    public async Task With_diagnostics_on_the_server_reports_when_an_open_board_rendered_a_change_and_when_the_browser_acknowledged_it()
    {
        await using var app = new PortalAppFactory(time: TimeProvider.System);
        app.Settings["Board:Diagnostics"] = "true";
        var root = app.StartOnLoopback();
        var clerk = await BoardAsync(root, "intake");
        var admin = await SignedInAsync(root, "admin");

        var complaint = await new AppActions(app.Services).RegisterAsync();
        await RowShownAsync(clerk, complaint.Id);

        // The browser acknowledges the batch after applying it: wait for the server to hear of it.
        var probe = await ProbeAsync(admin);
        for (var i = 0; i < 50 && probe.GetProperty("acknowledged").GetProperty("count").GetInt64() == 0; i++)
        {
            await Task.Delay(200);
            probe = await ProbeAsync(admin);
        }

        Assert.True(probe.GetProperty("rendered").GetProperty("count").GetInt64() >= 1);
        Assert.True(probe.GetProperty("acknowledged").GetProperty("count").GetInt64() >= 1);
        Assert.Equal(0, probe.GetProperty("deliveriesWithoutCommit").GetInt64()); // committed here, so its instant is known
    }

    [Fact]
    public async Task Board_loaded_first_has_its_title_from_the_server_keeps_its_own_links_in_the_circuit_and_loads_other_pages_afresh()
    {
        await using var app = new PortalAppFactory(time: TimeProvider.System);
        var root = app.StartOnLoopback();
        var clerk = await BoardAsync(root, "intake");

        // A static head: the server wrote the title, and the circuit holds no head outlet to change it.
        Assert.Equal("true", await clerk.EvaluateAsync<string>("document.documentElement.dataset.staticHead"));
        var boardTitle = await clerk.TitleAsync();
        Assert.Equal(await clerk.Locator("[data-board] h1").InnerTextAsync(), boardTitle);

        // A filter stays on the board: the circuit navigates, the document is the one first loaded.
        await clerk.SelectOptionAsync("[data-test=filter-sort]", "sort=Received");
        await clerk.WaitForFunctionAsync("() => location.search.includes('sort=Received')");
        await clerk.Locator("[data-test=filter-sort] option[selected][value='sort=Received']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.EndsWith("/board", await clerk.EvaluateAsync<string>("performance.getEntriesByType('navigation')[0].name"), StringComparison.Ordinal);

        // Another page is loaded afresh (so it gets its own title and head outlet).
        await clerk.ClickAsync(".portal-appbar a[href='/']");
        await clerk.WaitForFunctionAsync("() => performance.getEntriesByType('navigation')[0].name.endsWith('/')");
        Assert.Null(await clerk.EvaluateAsync<string?>("document.documentElement.dataset.staticHead ?? null"));
        Assert.NotEqual(boardTitle, await clerk.TitleAsync());
    }

    private static async Task<System.Text.Json.JsonElement> ProbeAsync(IBrowserContext admin)
    {
        var response = await admin.APIRequest.GetAsync("/board/diagnostics");
        Assert.Equal(200, response.Status);
        return (await response.JsonAsync())!.Value.GetProperty("probe");
    }

    // The case id is on the row's first cell (one render-tree frame less per row than an attribute on the <tr>).
    private static string Row(int id) => $"tr:has(> td[data-case='{id}'])";

    // Every case id the board's page ever held, recorded by a MutationObserver the test installs over
    // the DevTools protocol (the page's CSP stays on, as in production).
    private static Task InstallSeenRecorderAsync(IPage page) => page.EvaluateAsync(
        """
        () => {
          window.boardSeen = new Set([...document.querySelectorAll('tbody td[data-case]')].map(c => c.dataset.case));
          new MutationObserver(records => {
            for (const record of records) {
              for (const node of record.addedNodes) {
                if (node.nodeType === 1) {
                  for (const cell of [node, ...node.querySelectorAll('td[data-case]')]) {
                    if (cell.dataset && cell.dataset.case) { window.boardSeen.add(cell.dataset.case); }
                  }
                }
              }
            }
          }).observe(document.body, { childList: true, subtree: true });
        }
        """);

    private static async Task<string[]> SeenAsync(IPage page) => await page.EvaluateAsync<string[]>("[...window.boardSeen]");

    private static async Task RowShownAsync(IPage page, int id) =>
        await page.Locator(Row(id)).WaitForAsync(new() { Timeout = 5_000 });

    /// <summary>A signed-in browser context with no page open (for the diagnostics requests).</summary>
    private async Task<IBrowserContext> SignedInAsync(Uri root, string userName)
    {
        var page = await PortalWalk.SignInAsync(browser, root, userName, new());
        contexts.Add(page.Context);
        await page.CloseAsync();
        return page.Context;
    }

    private async Task<IPage> BoardAsync(Uri root, string userName, ViewportSize? viewport = null, string path = "/board")
    {
        var page = await PortalWalk.SignInAsync(browser, root, userName, new() { ViewportSize = viewport ?? new ViewportSize { Width = 1366, Height = 800 } });
        contexts.Add(page.Context);
        await page.GotoAsync(path);
        // Interactive: the circuit is up, the board has joined the change feed and the countdown script is loaded.
        await page.Locator("[data-board][data-ready=true]").WaitForAsync(new() { Timeout = 15_000 });
        await InstallSeenRecorderAsync(page);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }
    }
}
