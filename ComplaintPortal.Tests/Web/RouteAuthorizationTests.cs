using System.Net;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Components.Layout;
using ComplaintPortal.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Web;

/// <summary>Every route is checked: who may open it, and that nobody else can.</summary>
public sealed class RouteAuthorizationTests : IClassFixture<RouteAuthorizationTests.App>
{
    /// <summary>Public on purpose. Adding a route here is a decision; the test makes it visible.</summary>
    private static readonly string[] PublicRoutes =
    [
        "/account/login", "/account/lockout", "/account/access-denied", "/account/no-access", "/Error", "/not-found", "/setup", "/healthz", "/culture/set",
    ];

    private readonly App app;

    public RouteAuthorizationTests(App app) => this.app = app;

    [Fact]
    public void Only_the_listed_routes_allow_anonymous_visitors()
    {
        var anonymous = Routes().Where(r => r.AllowsAnonymous).Select(r => r.Path).Order(StringComparer.Ordinal);

        Assert.Equal(PublicRoutes.Order(StringComparer.Ordinal), anonymous);
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in_from_every_other_page()
    {
        var client = app.CreatePortalClient();
        foreach (var route in Routes().Where(r => !r.AllowsAnonymous))
        {
            var response = await RequestAsync(client, route);
            // Pages redirect to sign-in; API and hub endpoints answer 401 (no redirect for non-browser callers).
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{route.Path} answered {(int)response.StatusCode}");
                Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
            }
        }
    }

    [Fact]
    public async Task Route_without_named_roles_falls_back_to_the_any_portal_role_policy()
    {
        var fallback = await app.Services.GetRequiredService<IAuthorizationPolicyProvider>().GetFallbackPolicyAsync();

        var roles = Assert.Single(fallback!.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>());
        Assert.Equal(PortalRoles.All.Order(StringComparer.Ordinal), roles.AllowedRoles.Order(StringComparer.Ordinal));
    }

    public static TheoryData<string> Roles() => new(PortalRoles.All);

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_role_opens_exactly_its_pages_and_is_refused_elsewhere(string role)
    {
        var client = await app.SignedInAsync(DemoAccounts.All.First(a => a.Role == role).UserName);
        foreach (var route in Routes().Where(r => !r.AllowsAnonymous))
        {
            var response = await RequestAsync(client, route);
            if (route.Roles.Contains(role))
            {
                // 404/400: authorization passed, then the sample id named nothing (or a hub wanted a connection).
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity,
                    $"{role} on {route.Path}: {(int)response.StatusCode}");
            }
            else if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{role} on {route.Path}: {(int)response.StatusCode}");
                Assert.Equal("/account/access-denied", response.Headers.Location!.AbsolutePath);
            }
        }
    }

    [Fact]
    public void Navigation_entries_match_the_roles_their_pages_require()
    {
        var routes = Routes().ToDictionary(r => r.Path, StringComparer.OrdinalIgnoreCase);
        foreach (var entry in PortalNavigation.Entries)
        {
            Assert.Equal(entry.Roles.Order(StringComparer.Ordinal), routes[entry.Href].Roles.Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [InlineData("/supervision/samples", new[] { PortalRoles.Supervisor })]
    [InlineData("/supervision/checks", new[] { PortalRoles.Supervisor })]
    [InlineData("/supervision/checks/{Id:int}", new[] { PortalRoles.Supervisor })]
    [InlineData("/supervision/notices", new[] { PortalRoles.Supervisor, PortalRoles.Leadership })]
    [InlineData("/supervision/notices/{Id:int}", new[] { PortalRoles.Supervisor, PortalRoles.Leadership, PortalRoles.DepartmentHead })]
    [InlineData("/supervision/to-answer", new[] { PortalRoles.DepartmentHead })]
    [InlineData("/supervision/figures", new[] { PortalRoles.Supervisor, PortalRoles.Leadership, PortalRoles.DepartmentHead })]
    [InlineData("/admin/checklists", new[] { PortalRoles.Administrator })]
    [InlineData("/supervision/notices/{noticeId:int}/evidence/{evidenceId:int}", new[] { PortalRoles.Supervisor, PortalRoles.Leadership, PortalRoles.DepartmentHead })]
    [InlineData("/privacy/views", new[] { PortalRoles.ArchiveClerk, PortalRoles.Supervisor })]
    public void Supervision_pages_admit_the_committee_and_whom_the_regime_names(string path, string[] roles)
    {
        var route = Assert.Single(Routes(), r => string.Equals(r.Path, path, StringComparison.OrdinalIgnoreCase));

        Assert.Equal(roles.Order(StringComparer.Ordinal), route.Roles.Order(StringComparer.Ordinal));
    }

    /// <summary>GET where the route answers GET; otherwise an empty POST (forms, hub negotiation).</summary>
    private static Task<HttpResponseMessage> RequestAsync(HttpClient client, RouteInfo route) =>
        route.Methods.Contains("GET") && !route.Path.EndsWith("/negotiate", StringComparison.Ordinal)
            ? client.GetAsync(route.Sample)
            : client.PostAsync(route.Sample, route.Path.StartsWith("/api/", StringComparison.Ordinal)
                ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json")
                : new FormUrlEncodedContent([]));

    private List<RouteInfo> Routes()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return endpoints
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.Contains('.', StringComparison.Ordinal) && !raw.StartsWith("/_", StringComparison.Ordinal)
                && !raw.Contains(":file}", StringComparison.Ordinal))
            .GroupBy(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Select(g => RouteInfo.From(g.Key, g.ToList()))
            .ToList();
    }

    private sealed record RouteInfo(string Path, string Sample, bool AllowsAnonymous, IReadOnlyList<string> Roles, IReadOnlyList<string> Methods)
    {
        public static RouteInfo From(string path, List<RouteEndpoint> endpoints)
        {
            var metadata = endpoints.SelectMany(e => e.Metadata).ToList();
            var named = metadata.OfType<IAuthorizeData>()
                .SelectMany(a => (a.Roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Concat(metadata.OfType<AuthorizationPolicy>().SelectMany(p => p.Requirements)
                    .OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles))
                .Distinct(StringComparer.Ordinal).ToList();
            // Nothing named: the fallback policy applies, which admits any portal role.
            var roles = named.Count > 0 ? named : [.. PortalRoles.All];
            var methods = metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).Distinct().ToList();
            if (methods.Count == 0)
            {
                methods = ["GET", "POST"];
            }

            // Route parameters get a value that names nothing, so pages answer 404 after authorization passes.
            var sample = System.Text.RegularExpressions.Regex.Replace(path, @"\{[^}]+:int\}", "999999");
            sample = System.Text.RegularExpressions.Regex.Replace(sample, @"\{[^}]+\}", "no-such-item");
            return new RouteInfo(path, sample, metadata.OfType<IAllowAnonymous>().Any(), roles, methods);
        }
    }

    public sealed class App : PortalAppFactory;
}
