using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Components.Layout;

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
}
