using System.Security.Claims;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Components;

public class NavigationTests
{
    public static TheoryData<string> Roles() => new(PortalRoles.All);

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Menu_shows_exactly_the_entries_of_the_role(string role)
    {
        var html = await RenderMenuAsync(role, "en");

        var shown = html.QuerySelectorAll("[data-nav]").Select(a => a.GetAttribute("data-nav") ?? "").ToList();
        var expected = PortalNavigation.Entries.Where(e => e.Roles.Contains(role)).Select(e => e.Href).ToList();
        Assert.Equal(expected, shown);
    }

    [Fact]
    public async Task Administrator_menu_is_translated()
    {
        var hans = await RenderMenuAsync(PortalRoles.Administrator, "zh-Hans");
        var hant = await RenderMenuAsync(PortalRoles.Administrator, "zh-Hant");

        Assert.Contains("用户管理", hans.QuerySelector("[data-nav='/admin/users']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("使用者管理", hant.QuerySelector("[data-nav='/admin/users']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_out_visitor_sees_no_menu()
    {
        var html = await RenderMenuAsync(role: null, "en");

        Assert.Empty(html.QuerySelectorAll("[data-nav]"));
    }

    private static Task<AngleSharp.Dom.IDocument> RenderMenuAsync(string? role, string culture)
    {
        var identity = role is null
            ? new ClaimsIdentity()
            : new ClaimsIdentity([new Claim(ClaimTypes.Name, "tester"), new Claim(ClaimTypes.Role, role)], "test");
        return ComponentRenderer.RenderAsync<MenuHost>(culture, services =>
        {
            services.AddAuthorizationCore();
            services.AddSingleton<AuthenticationStateProvider>(new FixedAuthenticationState(new ClaimsPrincipal(identity)));
            services.AddSingleton<NavigationManager, TestNavigationManager>();
        });
    }

    /// <summary>NavMenu inside the cascading authentication state the layout gives it.</summary>
    private sealed class MenuHost : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<CascadingAuthenticationState>(0);
            builder.AddAttribute(1, "ChildContent", (RenderFragment)(b =>
            {
                b.OpenComponent<NavMenu>(0);
                b.CloseComponent();
            }));
            builder.CloseComponent();
        }
    }

    private sealed class FixedAuthenticationState(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }

    private sealed class TestNavigationManager : NavigationManager
    {
        public TestNavigationManager() => Initialize("http://localhost/", "http://localhost/");
    }
}
