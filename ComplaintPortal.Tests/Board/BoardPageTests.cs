using System.Security.Claims;
using ComplaintPortal.Domain.Board;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Board;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Hosting;
using BoardPage = ComplaintPortal.Web.Features.Board.Board;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Tests.Board;

/// <summary>The board page rendered with bUnit on a real database, fed by the real change feed.</summary>
public sealed class BoardPageTests : CaseDatabaseTest, IDisposable
{
    private readonly System.Globalization.CultureInfo previous = System.Globalization.CultureInfo.CurrentUICulture;

    public BoardPageTests()
    {
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("en");
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en");
    }

    public void Dispose()
    {
        System.Globalization.CultureInfo.CurrentCulture = previous;
        System.Globalization.CultureInfo.CurrentUICulture = previous;
    }

    [Fact]
    public async Task Board_counts_every_open_case_and_names_each_rows_state_with_icon_and_word()
    {
        var quality = await DispatchedAsync(DepartmentCatalog.Quality);
        var registered = await Driver.RegisterAsync();
        await Driver.CaseInStageAsync(CaseStage.Withdrawn);
        await using var ctx = Context(PortalRoles.IntakeClerk, "u-clerk-board", pageSize: 1);

        var board = ctx.Render<BoardPage>();

        board.WaitForAssertion(() => Assert.Equal("2", board.Find("[data-test=row-count]").GetAttribute("data-open")));
        Assert.Contains("2 open cases", board.Find("[data-test=row-count]").TextContent, StringComparison.Ordinal);
        // Page size 1: one row on screen, the count still says two, and there is a second page.
        var row = Assert.Single(board.FindAll("tbody td[data-case]")).ParentElement!;
        Assert.Equal("TR", row.TagName);
        Assert.Contains(row.FirstElementChild!.GetAttribute("data-case"), new[] { quality.Id, registered.Id }.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("/board?page=2", board.Find("[data-test=board-pages] [data-page-link=next]").GetAttribute("href"));
        var state = row.QuerySelector(".board-state-cell [data-state]")!;
        Assert.Equal("on-track", state.GetAttribute("data-state"));
        Assert.NotNull(state.QuerySelector(".board-state-icon"));
        Assert.Equal("On track", state.QuerySelector(".board-state-word")!.TextContent);
        Assert.NotNull(row.QuerySelector("board-countdown[due]"));
        Assert.Equal("On track 2", board.Find("[data-test=total-on-track]").TextContent.Trim());
        Assert.Equal(BoardColumns.All.Select(BoardColumns.Header), board.FindAll("thead th").Select(th => th.TextContent));
    }

    [Fact]
    public async Task Paused_case_shows_paused_in_words_and_no_countdown()
    {
        var complaint = await DispatchedAsync(DepartmentCatalog.Quality);
        await Driver.DoAsync(complaint.Id, WorkflowAction.WaitForCustomer, new() { Note = "等待客户寄回产品" }, Driver.Clerk);
        await using var ctx = Context(PortalRoles.IntakeClerk, "u-clerk-board");

        var board = ctx.Render<BoardPage>();

        board.WaitForAssertion(() => Assert.Single(board.FindAll("tbody td[data-case]")));
        var state = board.Find(".board-state-cell [data-state]");
        Assert.Equal("paused", state.GetAttribute("data-state"));
        Assert.Equal("Paused", state.TextContent.Trim());
        Assert.Empty(board.FindAll("tbody board-countdown"));
        Assert.Equal("Paused 1", board.Find("[data-test=total-paused]").TextContent.Trim());
    }

    [Fact]
    public async Task Change_to_a_case_updates_its_row_and_a_new_case_is_inserted_in_sort_order()
    {
        var first = await DispatchedAsync(DepartmentCatalog.Quality);
        await using var ctx = Context(PortalRoles.DepartmentHandler, "u-h-" + DepartmentCatalog.Quality);
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/board?sort=" + nameof(BoardSort.CaseNumber));
        var board = ctx.Render<BoardPage>();
        board.WaitForAssertion(() => Assert.Single(board.FindAll("tbody td[data-case]")));
        var feed = ctx.Services.GetRequiredService<BoardChangeFeed>();

        var second = await DispatchedAsync(DepartmentCatalog.Quality);
        await Driver.DoAsync(first.Id, WorkflowAction.WaitForCustomer, new() { Note = "等待客户" }, Driver.Clerk);
        var quality = Driver.DepartmentId(DepartmentCatalog.Quality);
        await feed.PublishAsync([new CaseChange(1, second.Id, [quality]), new CaseChange(2, first.Id, [quality])], CancellationToken.None);

        board.WaitForAssertion(() => Assert.Equal(
            new[] { first.CaseNumber, second.CaseNumber }.Order(StringComparer.Ordinal),
            board.FindAll("tbody td[data-case].board-number a").Select(a => a.TextContent)));
        Assert.Equal("WaitingForCustomer", board.Find($"td[data-case='{first.Id}'] ~ [data-stage]").GetAttribute("data-stage"));
    }

    [Fact]
    public async Task Filters_show_the_choices_of_the_address_and_a_new_choice_goes_into_it()
    {
        await DispatchedAsync(DepartmentCatalog.Quality);
        await using var ctx = Context(PortalRoles.DepartmentHandler, "u-h-" + DepartmentCatalog.Quality);
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/board?stage=InDepartments&due=soon&sort=Received");

        var board = ctx.Render<BoardPage>();

        board.WaitForAssertion(() => Assert.Equal("stage=InDepartments", board.Find("[data-test=filter-stage] option[selected]").GetAttribute("value")));
        Assert.Equal("due=soon", board.Find("[data-test=filter-due] option[selected]").GetAttribute("value"));
        Assert.Equal("sort=Received", board.Find("[data-test=filter-sort] option[selected]").GetAttribute("value"));
        Assert.Equal("priority=", board.Find("[data-test=filter-priority] option[selected]").GetAttribute("value"));
        Assert.Single(board.FindAll("[data-test=filter-stage] option[selected]"));
        // A choice is heard as the list's input event, which bubbles to the one handler on the lists' container, as in the browser.
        board.Find("[data-test=filter-stage]").Input("stage=" + nameof(CaseStage.Acknowledged));
        Assert.EndsWith("/board?stage=Acknowledged&due=soon&sort=Received", navigation.Uri, StringComparison.Ordinal);
        board.Find("[data-test=filter-due]").Input("due=");
        Assert.EndsWith("/board?stage=Acknowledged&sort=Received", navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Department_board_shows_only_its_cases()
    {
        await DispatchedAsync(DepartmentCatalog.Engineering);
        var quality = await DispatchedAsync(DepartmentCatalog.Quality);
        await using var ctx = Context(PortalRoles.DepartmentHandler, "u-h-" + DepartmentCatalog.Quality);

        var board = ctx.Render<BoardPage>();

        board.WaitForAssertion(() => Assert.Equal("1", board.Find("[data-test=row-count]").GetAttribute("data-open")));
        Assert.Equal(quality.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(board.FindAll("tbody td[data-case]")).GetAttribute("data-case"));
    }

    [Fact]
    public async Task Only_a_department_s_board_holds_a_notice_strip()
    {
        await DispatchedAsync(DepartmentCatalog.Quality);
        await using var every = Context(PortalRoles.IntakeClerk, "u-clerk-strip");
        var all = every.Render<BoardPage>();
        all.WaitForAssertion(() => Assert.Single(all.FindAll("tbody td[data-case]")));
        await using var own = Context(PortalRoles.DepartmentHandler, "u-h-" + DepartmentCatalog.Quality);
        var department = own.Render<BoardPage>();
        department.WaitForAssertion(() => Assert.Single(department.FindAll("tbody td[data-case]")));

        Assert.Empty(all.FindComponents<ComplaintPortal.Web.Features.Supervision.BoardNoticeStrip>());
        var strip = Assert.Single(department.FindComponents<ComplaintPortal.Web.Features.Supervision.BoardNoticeStrip>());
        Assert.Equal(Driver.DepartmentId(DepartmentCatalog.Quality), strip.Instance.DepartmentId);

        // Every department's board filtered on one department shows that department's strip.
        every.Services.GetRequiredService<NavigationManager>().NavigateTo("/board?dept=" + Driver.DepartmentId(DepartmentCatalog.Quality));
        all.WaitForAssertion(() => Assert.Single(all.FindComponents<ComplaintPortal.Web.Features.Supervision.BoardNoticeStrip>()));
    }

    [Fact]
    public async Task With_diagnostics_on_the_board_records_when_it_rendered_a_change_and_when_that_render_was_acknowledged()
    {
        var first = await DispatchedAsync(DepartmentCatalog.Quality);
        await using var ctx = Context(PortalRoles.IntakeClerk, "u-clerk-probe", diagnostics: true);
        var board = ctx.Render<BoardPage>();
        board.WaitForAssertion(() => Assert.Single(board.FindAll("tbody td[data-case]")));
        var probe = ctx.Services.GetRequiredService<BoardProbe>();
        var second = await Driver.RegisterAsync();
        probe.Committed([5001]);

        await ctx.Services.GetRequiredService<BoardChangeFeed>().PublishAsync([new CaseChange(5001, second.Id, [])], CancellationToken.None);

        board.WaitForAssertion(() => Assert.Equal(2, board.FindAll("tbody td[data-case]").Count));
        board.WaitForAssertion(() => Assert.Equal(1, probe.Report().Acknowledged.Count));
        var report = probe.Report();
        Assert.Equal(1, report.Rendered.Count);
        Assert.Equal(1, report.Deliveries);
        Assert.True(report.Circuits.Count >= 1);
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public async Task Rows_split_into_bodies_keep_the_page_order_when_a_new_case_comes_and_no_row_crosses_a_bodys_edge()
    {
        var cases = new List<Complaint>();
        for (var i = 0; i < 5; i++)
        {
            cases.Add(await DispatchedAsync(DepartmentCatalog.Quality));
            Driver.Time.Advance(TimeSpan.FromMinutes(1));
        }

        await using var ctx = Context(PortalRoles.DepartmentHandler, "u-h-" + DepartmentCatalog.Quality, pageSize: 5, rowsPerBody: 2);
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/board?sort=" + nameof(BoardSort.Received));
        var board = ctx.Render<BoardPage>();
        var newestFirst = Enumerable.Reverse(cases).Select(c => c.CaseNumber).ToList();
        board.WaitForAssertion(() => Assert.Equal(newestFirst, Numbers(board)));
        Assert.Equal([2, 2, 1], board.FindAll("table tbody").Select(body => body.QuerySelectorAll("td[data-case]").Length));

        // A newer case goes to the top: it joins the first body, and the oldest leaves the page with the last body, which
        // it emptied. The middle body keeps its rows.
        var newer = await DispatchedAsync(DepartmentCatalog.Quality);
        await ctx.Services.GetRequiredService<BoardChangeFeed>().PublishAsync(
            [new CaseChange(1, newer.Id, [Driver.DepartmentId(DepartmentCatalog.Quality)])], CancellationToken.None);

        board.WaitForAssertion(() => Assert.Equal([newer.CaseNumber, .. newestFirst.Take(4)], Numbers(board)));
        Assert.Equal([3, 2], board.FindAll("table tbody").Select(body => body.QuerySelectorAll("td[data-case]").Length));
        Assert.Equal(
            newestFirst.Skip(2).Take(2),
            board.FindAll("table tbody")[1].QuerySelectorAll("td[data-case].board-number a").Select(a => a.TextContent));

        // One more: the first body outgrows one and a half times its size and splits in two.
        var newest = await DispatchedAsync(DepartmentCatalog.Quality);
        await ctx.Services.GetRequiredService<BoardChangeFeed>().PublishAsync(
            [new CaseChange(2, newest.Id, [Driver.DepartmentId(DepartmentCatalog.Quality)])], CancellationToken.None);

        board.WaitForAssertion(() => Assert.Equal([newest.CaseNumber, newer.CaseNumber, .. newestFirst.Take(3)], Numbers(board)));
        Assert.Equal([2, 2, 1], board.FindAll("table tbody").Select(body => body.QuerySelectorAll("td[data-case]").Length));
    }

    private static List<string> Numbers(IRenderedComponent<BoardPage> board) =>
        board.FindAll("tbody td[data-case].board-number a").Select(a => a.TextContent).ToList();

    private BunitContext Context(string role, string userId, int pageSize = 200, bool diagnostics = false, int rowsPerBody = 50)
    {
        if (role == PortalRoles.IntakeClerk)
        {
            using var db = Database.CreateContext();
            db.Users.Add(new PortalUser { Id = userId, UserName = userId, DisplayName = "clerk" });
            db.SaveChanges();
        }

        // The board's services go in before anything is resolved; then what PortalComponentContext sets up.
        var ctx = new BunitContext();
        var services = ctx.Services;
        services.AddScoped<PortalDbContext>(_ => Database.CreateContext());
        services.AddScoped<BoardQuery>();
        services.AddScoped<CaseUsers>();
        services.AddSingleton<TimeProvider>(Driver.Time);
        services.AddSingleton(Options.Create(new BoardOptions { PageSize = pageSize, Diagnostics = diagnostics, RowsPerBody = rowsPerBody }));
        services.AddSingleton(Options.Create(new OrganisationOptions()));
        services.AddSingleton<OrganisationClock>();
        services.AddSingleton<IBoardRowSource, BoardRowSource>();
        services.AddSingleton<BoardChangeFeed>();
        services.AddSingleton<BoardProbe>();
        services.AddSingleton<BoardRowMarkup>();
        services.AddScoped<ComplaintPortal.Web.Components.Layout.PageShell>();
        services.AddSingleton<CircuitCount>();
        services.AddScoped<BoardCircuitHandler>();
        // The notices strip above the rows (supervision).
        services.AddSingleton<ComplaintPortal.Web.Features.Supervision.RectificationNoticeSignal>();
        services.AddScoped<ComplaintPortal.Domain.Supervision.RectificationNotices>();
        services.AddMudServices();
        services.AddLogging();
        var authorization = ctx.AddAuthorization();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        authorization.SetAuthorized("tester").SetRoles(role).SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        return ctx;
    }

    private async Task<Complaint> DispatchedAsync(string department)
    {
        var id = (await Driver.RegisterAsync()).Id;
        await Driver.AssessAsync(id);
        await Driver.AcknowledgeAsync(id);
        return await Driver.DispatchAsync(id, department);
    }
}
