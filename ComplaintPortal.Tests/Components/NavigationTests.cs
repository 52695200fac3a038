using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Components;

public class NavigationTests
{
    public static TheoryData<string> Roles() => new(PortalRoles.All);

    [Theory]
    [MemberData(nameof(Roles))]
    public void Menu_shows_exactly_the_entries_of_the_role(string role)
    {
        using var ctx = new PortalComponentContext("en");
        ctx.SignIn("tester", role);

        var menu = ctx.Render<NavMenu>();

        var shown = menu.FindAll("[data-nav]").Select(a => a.GetAttribute("data-nav") ?? "").ToList();
        var expected = PortalNavigation.Entries.Where(e => e.Roles.Contains(role)).Select(e => e.Href).ToList();
        Assert.Equal(expected, shown);
    }

    [Theory]
    [InlineData("zh-Hans", "用户管理")]
    [InlineData("zh-Hant", "使用者管理")]
    public void Administrator_menu_is_translated(string culture, string usersTitle)
    {
        using var ctx = new PortalComponentContext(culture);
        ctx.SignIn("admin", PortalRoles.Administrator);

        var menu = ctx.Render<NavMenu>();

        Assert.Contains(usersTitle, menu.Find("[data-nav='/admin/users']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Signed_out_visitor_sees_no_menu()
    {
        using var ctx = new PortalComponentContext("en");
        ctx.SignIn(null);

        var menu = ctx.Render<NavMenu>();

        Assert.Empty(menu.FindAll("[data-nav]"));
    }

    [Theory]
    [InlineData("/archive/desk", "/archive/desk")]
    [InlineData("/archive/log", "/archive/log")]
    [InlineData("/archive", "/archive")]
    [InlineData("/archive/boxes/17", "/archive")]
    [InlineData("/", "/")]
    [InlineData("/cases/2026-000123", null)]
    [InlineData("/archive-old", null)]
    public void Only_the_entry_of_the_current_page_is_highlighted(string path, string? expected)
    {
        using var ctx = new PortalComponentContext("zh-Hans");
        ctx.SignIn("archivist", PortalRoles.ArchiveClerk);
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(path);

        var menu = ctx.Render<NavMenu>();

        var active = menu.FindAll("a.active").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(expected is null ? [] : [expected], active);
        Assert.Equal(active, menu.FindAll("a[aria-current=page]").Select(a => a.GetAttribute("href")).ToList());
    }

    [Fact]
    public void Highlight_follows_navigation_inside_the_circuit()
    {
        using var ctx = new PortalComponentContext("en");
        ctx.SignIn("archivist", PortalRoles.ArchiveClerk);
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/archive");
        var menu = ctx.Render<NavMenu>();

        navigation.NavigateTo("/archive/desk");

        menu.WaitForAssertion(() => Assert.Equal("/archive/desk", menu.Find("a.active").GetAttribute("href")));
        Assert.Single(menu.FindAll("a.active"));
    }

    [Fact]
    public void Menu_entries_are_links_with_the_MudBlazor_nav_look_inside_a_labelled_nav()
    {
        using var ctx = new PortalComponentContext("en");
        ctx.SignIn("intake", PortalRoles.IntakeClerk);

        var menu = ctx.Render<NavMenu>();

        var nav = menu.Find("nav");
        Assert.False(string.IsNullOrEmpty(nav.GetAttribute("aria-label")));
        Assert.Contains("mud-navmenu", nav.ClassList);
        var links = menu.FindAll("[data-nav] > a.mud-nav-link");
        Assert.Equal(menu.FindAll("[data-nav]").Count, links.Count);
        Assert.All(links, a => Assert.NotNull(a.QuerySelector("svg.mud-nav-link-icon")));
        Assert.Equal("/board", menu.Find("[data-nav='/board'] a").GetAttribute("href"));
    }
}
