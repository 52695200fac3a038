using System.Net;
using System.Reflection;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Components.Layout;
using ComplaintPortal.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Web;

/// <summary>
/// Every route is checked: who may open it, and that nobody else can. The routes are discovered, not listed:
/// the endpoint data source (pages, minimal APIs, exports) and every routable component of the Web assembly.
/// Each must be classified in <see cref="RouteTable.Expected"/>, so a new page cannot slip in unreviewed.
/// </summary>
public sealed class RouteAuthorizationTests : IClassFixture<RouteAuthorizationTests.App>
{
    private readonly App app;

    public RouteAuthorizationTests(App app) => this.app = app;

    [Fact]
    public void Every_route_is_classified_in_the_expected_role_table()
    {
        var unknown = Routes().Select(r => r.Path).Where(p => !RouteTable.Expected.ContainsKey(p)).Order(StringComparer.Ordinal).ToList();

        Assert.True(unknown.Count == 0,
            "Routes nobody has classified: " + string.Join(", ", unknown) + ". Add each to RouteTable.Expected (Tests/Web/RouteTable.cs) "
            + "with the roles that may open it, or RouteTable.Public after deciding it must be open to anyone.");
    }

    [Fact]
    public void The_expected_role_table_names_no_route_that_is_gone()
    {
        var routes = Routes().Select(r => r.Path).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.DoesNotContain(RouteTable.Expected.Keys, p => !routes.Contains(p));
    }

    [Fact]
    public void Every_routable_component_is_an_endpoint_of_the_running_portal()
    {
        var endpoints = Routes().Select(r => r.Path).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var components = ComponentRoutes().ToList();

        Assert.NotEmpty(components);
        Assert.All(components, c => Assert.True(endpoints.Contains(c.Path), $"{c.Component.Name} ({c.Path}) is not mapped"));
    }

    [Fact]
    public void Each_route_requires_exactly_the_roles_the_table_expects()
    {
        foreach (var route in Routes().Where(r => RouteTable.Expected.ContainsKey(r.Path)))
        {
            var expected = RouteTable.Expected[route.Path];
            Assert.True(route.AllowsAnonymous == (expected.Count == 0), $"{route.Path}: anonymous {route.AllowsAnonymous}");
            if (expected.Count > 0)
            {
                Assert.True(expected.Order(StringComparer.Ordinal).SequenceEqual(route.Roles.Order(StringComparer.Ordinal)),
                    $"{route.Path} admits {string.Join(",", route.Roles)}; the table says {string.Join(",", expected)}");
            }
        }
    }

    [Fact]
    public void Only_the_public_allow_list_admits_anonymous_visitors()
    {
        var anonymous = Routes().Where(r => r.AllowsAnonymous).Select(r => r.Path).Order(StringComparer.Ordinal);

        Assert.Equal(RouteTable.Public.Order(StringComparer.Ordinal), anonymous);
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in_from_every_other_route()
    {
        var client = app.CreatePortalClient();
        foreach (var route in Routes().Where(r => !r.AllowsAnonymous))
        {
            var response = await RequestAsync(client, route);
            // Pages redirect to sign-in; API and export endpoints answer 401 (no redirect for non-browser callers).
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

    /// <summary>Through the real pipeline, one request per route and role: admitted where the table says, refused everywhere else.</summary>
    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_role_gets_exactly_the_expected_answer_on_every_route(string role)
    {
        var client = await app.SignedInAsync(DemoAccounts.All.First(a => a.Role == role).UserName);
        foreach (var route in Routes().Where(r => !r.AllowsAnonymous && RouteTable.Expected.ContainsKey(r.Path)))
        {
            var response = await RequestAsync(client, route);
            var status = (int)response.StatusCode;
            var deniedTo = response.StatusCode == HttpStatusCode.Redirect ? response.Headers.Location?.AbsolutePath : null;
            var refused = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
                || deniedTo is "/account/access-denied" or "/account/login";
            Assert.True(status < 500, $"{role} on {route.Path}: {status}");
            if (RouteTable.Expected[route.Path].Contains(role))
            {
                // Admitted: the page, or (after authorization passed) 404 for a sample id that names nothing, 400 for an empty post.
                Assert.False(refused, $"{role} was refused {route.Path}: {status} {deniedTo}");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden || deniedTo == "/account/access-denied",
                    $"{role} on {route.Path} should be refused: {status} {deniedTo}");
            }
        }
    }

    [Fact]
    public void Navigation_entries_match_the_roles_their_pages_require()
    {
        foreach (var entry in PortalNavigation.Entries)
        {
            Assert.True(RouteTable.Expected.TryGetValue(entry.Href, out var roles), $"menu entry {entry.Href} is not a classified route");
            Assert.Equal(roles.Order(StringComparer.Ordinal), entry.Roles.Order(StringComparer.Ordinal));
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

    /// <summary>GET where the route answers GET; otherwise an empty POST (forms, APIs).</summary>
    private static Task<HttpResponseMessage> RequestAsync(HttpClient client, RouteInfo route) =>
        route.Methods.Contains("GET")
            ? client.GetAsync(route.Sample)
            : client.PostAsync(route.Sample, route.Path.StartsWith("/api/", StringComparison.Ordinal)
                ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json")
                : new FormUrlEncodedContent([]));

    /// <summary>The routes of the running portal: every endpoint except static files and the framework's own.</summary>
    private List<RouteInfo> Routes()
    {
        var root = app.Services.GetRequiredService<EndpointDataSource>();
        var sources = root is CompositeEndpointDataSource composite ? composite.DataSources : [root];
        return sources
            .Where(s => s.GetType().Name != "StaticAssetsEndpointDataSource")
            .SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            // The framework's own: /_blazor, /_framework, and static files missing from the manifest ({**path:file}, Development).
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.TrimStart('/').StartsWith('_') && !raw.Contains(":file}", StringComparison.Ordinal))
            .GroupBy(e => RouteTable.Normalise(e.RoutePattern.RawText!), StringComparer.OrdinalIgnoreCase)
            .Select(g => RouteInfo.From(g.Key, g.ToList()))
            .ToList();
    }

    /// <summary>Every page of the Web assembly, from its <c>@page</c> (<see cref="RouteAttribute"/>).</summary>
    private static IEnumerable<(Type Component, string Path)> ComponentRoutes() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (t, RouteTable.Normalise(r.Template))));

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
            // Nothing named: the fallback policy applies (any portal role), or "any signed-in user", which every role is.
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

    /// <summary>The portal with every optional route mapped (the board's diagnostics), so each is checked too.</summary>
    public sealed class App : PortalAppFactory
    {
        public App() => Settings["Board:Diagnostics"] = "true";
    }
}
