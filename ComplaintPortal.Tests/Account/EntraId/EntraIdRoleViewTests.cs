using System.Net;
using System.Text.RegularExpressions;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Components.Layout;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Account.EntraId;

/// <summary>EntraId mode end to end: the real handler (with the in-process provider), the real pipeline, the real pages.</summary>
public sealed partial class EntraIdRoleViewTests : IClassFixture<EntraIdApp>
{
    private readonly EntraIdApp app;

    public EntraIdRoleViewTests(EntraIdApp app) => this.app = app;

    public static TheoryData<string> Roles() => new(PortalRoles.All);

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task User_with_one_app_role_sees_exactly_that_roles_navigation_and_is_refused_elsewhere(string role)
    {
        using var browser = app.CreateBrowser();
        await browser.SignInAsync(LocalEntraAuthority.ClaimsFor(Guid.NewGuid().ToString(), role));

        var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var html = await home.Content.ReadAsStringAsync();
        var expected = PortalNavigation.Entries.Where(e => e.Roles.Contains(role)).Select(e => e.Href);
        Assert.Equal(expected, NavLinks().Matches(html).Select(m => m.Groups[1].Value));
        Assert.Contains($"data-role=\"{role}\"", html, StringComparison.Ordinal);

        foreach (var entry in PortalNavigation.Entries)
        {
            var response = await browser.GetAsync(entry.Href);
            if (entry.Roles.Contains(role))
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} on {entry.Href}: {(int)response.StatusCode}");
            }
            else
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Equal("/account/access-denied", EntraIdBrowser.Target(response).AbsolutePath);
            }
        }
    }

    [Fact]
    public async Task Sign_out_ends_the_session_and_goes_through_the_Entra_ID_end_session_endpoint_back_to_the_login_page()
    {
        using var browser = app.CreateBrowser();
        await browser.SignInAsync(LocalEntraAuthority.ClaimsFor(Guid.NewGuid().ToString(), PortalRoles.IntakeClerk));
        var home = await browser.GetAsync("/");
        var token = PortalClient.AntiforgeryToken(await home.Content.ReadAsStringAsync());
        // The sign-out form is answered by a redirect to Entra ID: the page's form-action must allow it.
        var origin = app.Authority.Instance.GetLeftPart(UriPartial.Authority);
        Assert.Contains($"form-action 'self' {origin};", home.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        var response = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/account/logout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var endSession = response.Headers.Location!;
        Assert.Equal(app.Authority.EndSessionEndpoint.AbsoluteUri, endSession.GetLeftPart(UriPartial.Path));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(endSession.Query);
        Assert.Equal("https://localhost/signout-callback-oidc", query["post_logout_redirect_uri"].ToString());
        Assert.False(browser.HasSession);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);

        // Entra ID ends its session and sends the browser back; the portal shows the login page.
        using var authority = new HttpClient(app.Authority.CreateTrustingHandler());
        var back = (await authority.GetAsync(endSession)).Headers.Location!;
        var landing = await browser.GetAsync(back.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, landing.StatusCode);
        Assert.Equal("/account/login", landing.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Login_page_offers_Entra_ID_and_no_password_form()
    {
        using var browser = app.CreateBrowser();
        var request = new HttpRequestMessage(HttpMethod.Get, "/account/login?returnUrl=%2Fadmin%2Fusers");
        request.Headers.AcceptLanguage.ParseAdd("zh-TW");

        var html = await (await browser.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("href=\"/account/sign-in/entra?returnUrl=%2Fadmin%2Fusers\"", html, StringComparison.Ordinal);
        Assert.Contains("使用組織帳戶登入", html, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"password\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-test=\"entra-failed\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Password_sign_in_is_not_accepted_in_EntraId_mode()
    {
        using var browser = app.CreateBrowser();
        var page = await (await browser.GetAsync("/account/login")).Content.ReadAsStringAsync();
        var form = new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.UserName"] = "anyone",
            ["Input.Password"] = "Portal#2026",
        };
        if (page.Contains("__RequestVerificationToken", StringComparison.Ordinal))
        {
            form["__RequestVerificationToken"] = PortalClient.AntiforgeryToken(page);
        }

        var response = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = new FormUrlEncodedContent(form) });

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(browser.HasSession);
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_the_login_page_that_starts_Entra_ID_sign_in()
    {
        using var browser = app.CreateBrowser();

        var response = await browser.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", EntraIdBrowser.Target(response).AbsolutePath);
    }

    [Fact]
    public void In_EntraId_mode_the_only_extra_public_route_is_the_sign_in_start()
    {
        var anonymous = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => p.StartsWith("/account", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            ["/account/access-denied", "/account/lockout", "/account/login", "/account/no-access", "/account/sign-in/entra"],
            anonymous);
    }

    [GeneratedRegex("data-nav=\"([^\"]+)\"")]
    private static partial Regex NavLinks();
}
