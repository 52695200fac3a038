using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Components.Layout;
using ComplaintPortal.Web.Features.Cases;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Components;

/// <summary>
/// The drawer's menu as the layout writes it (<see cref="BoardLayout"/>: <see cref="MainLayout"/>'s markup without
/// MudBlazor's providers), and the app bar around it.
/// </summary>
public class NavigationTests
{
    public static TheoryData<string> Roles() => new(PortalRoles.All);

    [Theory]
    [MemberData(nameof(Roles))]
    public void Menu_shows_exactly_the_entries_of_the_role(string role)
    {
        using var ctx = Context("en");
        ctx.SignIn("tester", role);

        var menu = Layout(ctx);

        var shown = menu.FindAll("[data-nav]").Select(a => a.GetAttribute("data-nav") ?? "").ToList();
        var expected = PortalNavigation.Entries.Where(e => e.Roles.Contains(role)).Select(e => e.Href).ToList();
        Assert.Equal(expected, shown);
    }

    [Theory]
    [InlineData("zh-Hans", "用户管理")]
    [InlineData("zh-Hant", "使用者管理")]
    public void Administrator_menu_is_translated(string culture, string usersTitle)
    {
        using var ctx = Context(culture);
        ctx.SignIn("admin", PortalRoles.Administrator);

        var menu = Layout(ctx);

        Assert.Contains(usersTitle, menu.Find("[data-nav='/admin/users']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Signed_out_visitor_sees_no_menu()
    {
        using var ctx = Context("en");
        ctx.SignIn(null);

        var menu = Layout(ctx);

        Assert.Empty(menu.FindAll("[data-nav]"));
        Assert.Empty(menu.FindAll("nav"));
        Assert.Empty(menu.FindAll("[data-test=user-menu]"));
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
        using var ctx = Context("zh-Hans");
        ctx.SignIn("archivist", PortalRoles.ArchiveClerk);
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(path);

        var menu = Layout(ctx);

        var active = menu.FindAll("nav a.active").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(expected is null ? [] : [expected], active);
        Assert.Equal(active, menu.FindAll("nav a[aria-current=page]").Select(a => a.GetAttribute("href")).ToList());
    }

    [Fact]
    public void Highlight_follows_navigation_inside_the_circuit()
    {
        using var ctx = Context("en");
        ctx.SignIn("archivist", PortalRoles.ArchiveClerk);
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/archive");
        var menu = Layout(ctx);

        navigation.NavigateTo("/archive/desk");

        menu.WaitForAssertion(() => Assert.Equal("/archive/desk", menu.Find("nav a.active").GetAttribute("href")));
        Assert.Single(menu.FindAll("nav a.active"));
    }

    [Fact]
    public void Menu_entries_are_links_with_the_MudBlazor_nav_look_inside_a_labelled_nav()
    {
        using var ctx = Context("en");
        ctx.SignIn("intake", PortalRoles.IntakeClerk);

        var menu = Layout(ctx);

        var nav = menu.Find("nav");
        Assert.False(string.IsNullOrEmpty(nav.GetAttribute("aria-label")));
        Assert.Contains("mud-navmenu", nav.ClassList);
        var links = menu.FindAll("[data-nav] > a.mud-nav-link");
        Assert.Equal(menu.FindAll("[data-nav]").Count, links.Count);
        Assert.All(links, a => Assert.NotNull(a.QuerySelector("svg.mud-nav-link-icon")));
        Assert.Equal("/board", menu.Find("[data-nav='/board'] a").GetAttribute("href"));
    }

    [Fact]
    public void App_bar_keeps_its_switches_user_menu_and_sign_out_form_with_the_circuit_s_antiforgery_token()
    {
        using var ctx = Context("zh-Hant");
        ctx.SignIn("intake", PortalRoles.IntakeClerk);

        var layout = Layout(ctx);

        Assert.Equal("portal-drawer", layout.Find("[data-test=drawer-toggle]").GetAttribute("aria-controls"));
        var theme = layout.Find("[data-test=theme-toggle]");
        Assert.Equal(theme.GetAttribute("data-label-dark"), theme.GetAttribute("aria-label"));
        Assert.NotNull(layout.Find("[data-test=culture-switcher] a[data-culture=zh-Hant].active"));
        var menu = layout.Find("details[data-test=user-menu]");
        Assert.Equal("intake", menu.QuerySelector("summary")!.TextContent.Trim());
        Assert.Equal("/account/password", menu.QuerySelector("a.portal-menu-item")!.GetAttribute("href"));
        var form = menu.QuerySelector("form[method=post]")!;
        Assert.Equal("/account/logout", form.GetAttribute("action"));
        Assert.Equal(PortalLayoutTesting.Token.Value, form.QuerySelector($"input[type=hidden][name={PortalLayoutTesting.Token.FormFieldName}]")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("button[type=submit][data-test=logout]"));
        Assert.Equal("page", layout.Find(".portal-main [data-test=page]").TextContent);
    }

    [Fact]
    public async Task A_page_whose_action_throws_gives_way_to_a_message_and_comes_back_while_the_shell_lives_on()
    {
        // The full layout, with MudBlazor's providers: their services are disposed asynchronously.
        await using var ctx = Context("zh-Hans");
        ctx.SignIn("tester", PortalRoles.Supervisor);
        var layout = ctx.RenderLayout(b => { b.OpenComponent<FailingPage>(0); b.CloseComponent(); });

        layout.Find("[data-test=fail]").Click();

        Assert.Equal("此页面出错，刚才的操作未完成，错误已记录。", layout.Find("[data-test=page-error-text]").TextContent.Trim());
        Assert.Empty(layout.FindAll("[data-test=fail]"));
        Assert.NotEmpty(layout.FindAll("[data-nav]"));
        layout.Find("[data-test=page-retry]").Click();
        Assert.Single(layout.FindAll("[data-test=fail]"));
        Assert.Empty(layout.FindAll("[data-test=page-error]"));
    }

    /// <summary>A page whose only button fails, as a domain refusal nobody caught would.</summary>
    private sealed class FailingPage : ComponentBase
    {
        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "button");
            builder.AddAttribute(1, "data-test", "fail");
            builder.AddAttribute(2, "onclick", EventCallback.Factory.Create(this, () => throw new InvalidOperationException("refused")));
            builder.CloseElement();
        }
    }

    private static PortalComponentContext Context(string culture) => new(culture, services =>
    {
        PortalLayoutTesting.AddLayoutServices(services);
        // The bell looks the person up (no account id here: no bell) and listens (NoticeBellTests).
        services.AddDbContext<PortalDbContext, SqlitePortalDbContext>(o => PortalDatabase.ConfigureSqlite(o, "Data Source=:memory:"));
        services.AddScoped<CaseUsers>();
        services.AddSingleton<INoticeFeed>(new NoticeFeed());
    });

    private static IRenderedComponent<IComponent> Layout(PortalComponentContext ctx) =>
        ctx.RenderLayout(b => b.AddMarkupContent(0, "<p data-test=\"page\">page</p>"), withProviders: false);
}
