using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Hosting;
using Microsoft.Playwright;

namespace ComplaintPortal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class LiveBoardBrowserTests(BrowserFixture browser) : IAsyncDisposable
{
    // Well under the "well under a second" goal is the aim; 2 s keeps a loaded CI machine honest.
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
        Assert.Contains("1", await quality.InnerTextAsync("[data-row-count]"), StringComparison.Ordinal);
        await clerk.Locator($"{Row(complaint.Id)}[data-stage=InDepartments]").WaitForAsync(new() { Timeout = LiveWithin });
        await quality.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("board-quality-live.png"), FullPage = true });

        // The engineering board neither got the notice nor shows the row.
        await actions.DoAsync(complaint.Id, WorkflowAction.RecordOtherOrganisation, new() { Note = "涉及物流公司" }, "intake");
        await EventuallyAsync(async () => await NoticesAsync(clerk, complaint.Id) >= 2);
        Assert.Equal(0, await NoticesAsync(engineering, complaint.Id));
        Assert.Equal(0, await engineering.Locator(Row(complaint.Id)).CountAsync());
        Assert.Equal("connected", await engineering.GetAttributeAsync("[data-connection]", "data-connection"));
        Assert.Equal(1, await quality.EvaluateAsync<int>("performance.getEntriesByType('navigation').length"));
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
    public async Task Board_catches_up_after_the_server_restarts()
    {
        using var database = new TestDatabase();
        var port = PortalAppFactory.FreeLoopbackPort();
        var first = new PortalAppFactory(database, time: TimeProvider.System);
        var root = first.StartOnLoopback(port);
        var complaint = await new AppActions(first.Services).AcknowledgedCaseAsync();
        var clerk = await BoardAsync(root, "intake");
        await RowShownAsync(clerk, complaint.Id);
        await first.DisposeAsync(); // the server goes away, as in a crash or a redeployment
        await clerk.Locator("[data-connection=reconnecting], [data-connection=disconnected]").WaitForAsync(new() { Timeout = 10_000 });

        // While the board is disconnected, a change is made (here through a second portal on another port).
        await using (var meanwhile = new PortalAppFactory(database, time: TimeProvider.System))
        {
            _ = meanwhile.Server;
            await new AppActions(meanwhile.Services).DispatchAsync(complaint.Id, DepartmentCatalog.Quality);
        }

        await using var second = new PortalAppFactory(database, time: TimeProvider.System);
        second.StartOnLoopback(port);
        await clerk.Locator("[data-connection=connected]").WaitForAsync(new() { Timeout = 30_000 });
        await clerk.Locator($"{Row(complaint.Id)}[data-stage=InDepartments]").WaitForAsync(new() { Timeout = 5_000 });
    }

    private static string Row(int id) => $"tr[data-case='{id}']";

    // Evaluated over the DevTools protocol: the page's CSP (no eval) stays on, as in production.
    private static Task<int> NoticesAsync(IPage page, int id) =>
        page.EvaluateAsync<int>($"window.complaintBoard.received.filter(id => id === {id}).length");

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(stopwatch.ElapsedMilliseconds < LiveWithin, "the board did not receive the notice in time");
            await Task.Delay(50);
        }
    }

    private static async Task RowShownAsync(IPage page, int id) =>
        await page.Locator(Row(id)).WaitForAsync(new() { Timeout = 5_000 });

    private async Task<IPage> BoardAsync(Uri root, string userName)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", BaseURL = root.ToString() });
        contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", DemoAccounts.Password);
        await page.ClickAsync("[data-test=login-submit]");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/$"));
        await page.GotoAsync("/board");
        await page.Locator("[data-connection=connected]").WaitForAsync(new() { Timeout = 10_000 });
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
