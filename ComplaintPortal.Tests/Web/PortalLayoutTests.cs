using System.Net;
using AngleSharp.Html.Parser;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Domain.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Web;

/// <summary>
/// The portal's shell as the first (prerendered) answer of a page through the real pipeline: MudBlazor's layout,
/// app bar and drawer markup, the user menu with a working sign-out form, language links back to the page, and
/// MudBlazor's providers on the pages that open menus and dialogs but not on the board.
/// </summary>
public sealed class PortalLayoutTests(PortalLayoutTests.App app) : IClassFixture<PortalLayoutTests.App>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/board?sort=Received")]
    public async Task Shell_is_MudBlazors_layout_with_the_drawer_open_and_a_toggle_for_it(string path)
    {
        var page = await PageAsync("intake", path);

        var layout = page.QuerySelector("[data-drawer-layout]")!;
        Assert.Contains("mud-layout", layout.ClassList);
        Assert.Contains("mud-drawer-open-responsive-md-left", layout.ClassList);
        Assert.NotNull(layout.QuerySelector("header.mud-appbar.portal-appbar > .mud-toolbar [data-drawer-toggle][aria-controls=portal-drawer]"));
        var drawer = layout.QuerySelector("aside#portal-drawer")!;
        Assert.Contains("mud-drawer--open", drawer.ClassList);
        Assert.Contains("mud-drawer-responsive", drawer.ClassList);
        Assert.NotNull(drawer.QuerySelector(".mud-drawer-content nav[data-test=nav] a[href='/board']"));
        Assert.NotNull(layout.QuerySelector(".mud-drawer-overlay[data-drawer-overlay]"));
        Assert.NotNull(layout.QuerySelector(".mud-main-content > .mud-container.portal-main"));
    }

    [Fact]
    public async Task User_menu_names_the_person_and_signs_out_by_a_post_with_an_antiforgery_token()
    {
        var page = await PageAsync("intake", "/board");

        var menu = page.QuerySelector("details.portal-menu[data-test=user-menu]")!;
        Assert.Contains(DisplayName("intake"), menu.QuerySelector("summary")!.TextContent, StringComparison.Ordinal);
        var form = menu.QuerySelector("form")!;
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("/account/logout", form.GetAttribute("action"));
        Assert.False(string.IsNullOrEmpty(form.QuerySelector("input[type=hidden][name=__RequestVerificationToken]")?.GetAttribute("value")));
        Assert.NotNull(form.QuerySelector("button[type=submit][data-test=logout]"));
        Assert.NotNull(menu.QuerySelector("a[href='/account/password']"));
    }

    [Fact]
    public async Task Language_links_come_back_to_the_page_shown()
    {
        var page = await PageAsync("intake", "/board?sort=Received");

        var links = page.QuerySelectorAll("[data-test=culture-switcher] a[data-culture]").ToList();
        Assert.Equal(["zh-Hans", "zh-Hant", "en"], links.Select(a => a.GetAttribute("data-culture")));
        Assert.All(links, a => Assert.EndsWith("&returnUrl=%2Fboard%3Fsort%3DReceived", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Equal(["简体", "繁體", "EN"], links.Select(a => a.TextContent));
    }

    [Fact]
    public async Task Pages_with_menus_and_dialogs_get_MudBlazors_providers_and_the_board_does_without()
    {
        var home = await PageAsync("admin", "/admin/users");
        var board = await PageAsync("intake", "/board");

        Assert.NotNull(home.QuerySelector(".mud-popover-provider"));
        Assert.Null(board.QuerySelector(".mud-popover-provider"));
        Assert.NotNull(board.QuerySelector("[data-board] table.board-table"));
    }

    /// <summary>
    /// Every server grid's first answer comes before it has read a page: it says it is loading and its pager gives no count,
    /// not "no users" and "共 0 条" for a list that has rows.
    /// </summary>
    [Theory]
    [InlineData("intake", "/cases/queue", 1)]
    [InlineData("intake", "/cases/search", 1)]
    [InlineData("intake", "/notices", 1)]
    [InlineData("intake", "/archive", 1)]
    [InlineData("archivist", "/archive/log", 1)]
    [InlineData("supervisor", "/privacy/views", 1)]
    [InlineData("admin", "/admin/users", 1)]
    [InlineData("admin", "/admin/categories", 1)]
    [InlineData("admin", "/admin/calendars", 1)]
    [InlineData("admin", "/admin/sla-policies", 2)]
    [InlineData("admin", "/admin/departments", 1)]
    [InlineData("admin", "/admin/message-templates", 1)]
    [InlineData("admin", "/admin/organisation-log", 1)]
    public async Task A_grid_says_it_is_loading_and_counts_nothing_before_its_first_page(string userName, string path, int grids)
    {
        var page = await PageAsync(userName, path);

        var pagers = page.QuerySelectorAll(".mud-table-pagination").ToList();
        Assert.Equal(grids, pagers.Count);
        // The pager's captions are "每页行数：" and its count, which is blank until a page is read.
        Assert.All(pagers, pager => Assert.Equal(["每页行数：", ""],
            pager.QuerySelectorAll(".mud-table-pagination-caption").Select(c => c.TextContent.Trim())));
        Assert.DoesNotContain("共 0 条", page.Body!.TextContent, StringComparison.Ordinal);
        var empty = page.QuerySelectorAll(".mud-table-empty-row");
        Assert.All(empty, row => Assert.Equal("加载中…", row.TextContent.Trim()));
    }

    private string DisplayName(string userName)
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<PortalDbContext>().Users.Single(u => u.UserName == userName).DisplayName!;
    }

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(string userName, string path)
    {
        var client = await app.SignedInAsync(userName);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    public sealed class App : PortalAppFactory;
}
