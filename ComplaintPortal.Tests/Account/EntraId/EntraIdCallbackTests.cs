using System.Net;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Web.Features.Account;
using Microsoft.AspNetCore.WebUtilities;

namespace ComplaintPortal.Tests.Account.EntraId;

/// <summary>The callback through the real pipeline: what the framework's state and correlation checks and PKCE refuse.</summary>
public sealed class EntraIdCallbackTests : IClassFixture<EntraIdApp>
{
    private readonly EntraIdApp app;

    public EntraIdCallbackTests(EntraIdApp app) => this.app = app;

    private static string NewObjectId() => Guid.NewGuid().ToString();

    [Fact]
    public async Task Sign_in_sends_the_browser_to_the_provider_with_PKCE_and_protected_state_and_sets_a_correlation_cookie()
    {
        using var browser = app.CreateBrowser();

        var authorize = await browser.StartSignInAsync("/admin/users");

        var query = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal("https://localhost/signin-oidc", query["redirect_uri"].ToString());
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        Assert.NotEqual("chosen-by-the-client-library", query["state"].ToString());
        Assert.DoesNotContain("admin", query["state"].ToString(), StringComparison.OrdinalIgnoreCase); // encrypted, not encoded
        Assert.StartsWith(EntraIdBrowser.CorrelationCookiePrefix, browser.CorrelationCookie, StringComparison.Ordinal);
        Assert.False(browser.HasSession);
    }

    [Fact]
    public async Task Good_callback_signs_in_to_the_portal_session_and_returns_to_the_requested_page()
    {
        using var browser = app.CreateBrowser();

        var response = await browser.SignInAsync(FakeEntraIdentityProvider.ClaimsFor(NewObjectId(), PortalRoles.Administrator), "/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/users", response.Headers.Location!.OriginalString);
        Assert.True(browser.HasSession);
        Assert.DoesNotContain(browser.Cookies.Keys, k => k.StartsWith(EntraIdBrowser.CorrelationCookiePrefix, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task Callback_by_form_post_signs_in_too()
    {
        using var browser = app.CreateBrowser();
        var authorize = await browser.StartSignInAsync();
        var code = app.IdentityProvider.IssueCode(authorize, FakeEntraIdentityProvider.ClaimsFor(NewObjectId(), PortalRoles.ArchiveClerk));
        var form = new Dictionary<string, string> { ["code"] = code, ["state"] = QueryHelpers.ParseQuery(authorize.Query)["state"].ToString() };

        var response = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/signin-oidc") { Content = new FormUrlEncodedContent(form) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.True(browser.HasSession);
    }

    [Fact]
    public async Task Return_address_off_the_site_is_replaced_by_the_home_page()
    {
        using var browser = app.CreateBrowser();

        var response = await browser.SignInAsync(FakeEntraIdentityProvider.ClaimsFor(NewObjectId(), PortalRoles.Leadership), "https://evil.example/");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Tampered_state_is_rejected_without_redeeming_the_code()
    {
        using var browser = app.CreateBrowser();
        var authorize = await browser.StartSignInAsync();
        var code = app.IdentityProvider.IssueCode(authorize, FakeEntraIdentityProvider.ClaimsFor(NewObjectId(), PortalRoles.Administrator));
        var state = QueryHelpers.ParseQuery(authorize.Query)["state"].ToString();
        var tampered = state[..^2] + (state[^2] == 'A' ? 'B' : 'A') + state[^1];
        var redemptions = app.IdentityProvider.Redemptions;

        var response = await browser.GetAsync(EntraIdBrowser.CallbackFor(authorize, code, tampered));

        AssertRefused(response, browser);
        Assert.Equal(redemptions, app.IdentityProvider.Redemptions);
    }

    [Fact]
    public async Task Callback_without_state_is_rejected()
    {
        using var browser = app.CreateBrowser();
        await browser.StartSignInAsync();

        AssertRefused(await browser.GetAsync("/signin-oidc?code=abc"), browser);
    }

    [Fact]
    public async Task Missing_correlation_cookie_is_rejected()
    {
        using var browser = app.CreateBrowser();
        var authorize = await browser.StartSignInAsync();
        var code = app.IdentityProvider.IssueCode(authorize, FakeEntraIdentityProvider.ClaimsFor(NewObjectId(), PortalRoles.Administrator));
        browser.Cookies.Remove(browser.CorrelationCookie);

        AssertRefused(await browser.GetAsync(EntraIdBrowser.CallbackFor(authorize, code)), browser);
    }

    [Fact]
    public async Task Tampered_correlation_cookie_is_rejected()
    {
        using var browser = app.CreateBrowser();
        var authorize = await browser.StartSignInAsync();
        var code = app.IdentityProvider.IssueCode(authorize, FakeEntraIdentityProvider.ClaimsFor(NewObjectId(), PortalRoles.Administrator));
        browser.Cookies[browser.CorrelationCookie] = "X";

        AssertRefused(await browser.GetAsync(EntraIdBrowser.CallbackFor(authorize, code)), browser);
    }

    [Fact]
    public async Task Callback_started_in_another_browser_is_rejected()
    {
        using var victim = app.CreateBrowser();
        using var attacker = app.CreateBrowser();
        var authorize = await attacker.StartSignInAsync();
        await victim.StartSignInAsync(); // the victim has a correlation cookie, but for its own attempt
        var code = app.IdentityProvider.IssueCode(authorize, FakeEntraIdentityProvider.ClaimsFor(NewObjectId(), PortalRoles.Administrator));

        AssertRefused(await victim.GetAsync(EntraIdBrowser.CallbackFor(authorize, code)), victim);
    }

    [Fact]
    public async Task Code_issued_for_another_sign_in_attempt_fails_the_PKCE_check()
    {
        using var victim = app.CreateBrowser();
        var victimAuthorize = await victim.StartSignInAsync();
        using var attacker = app.CreateBrowser();
        var attackerAuthorize = await attacker.StartSignInAsync();
        var injected = app.IdentityProvider.IssueCode(attackerAuthorize, FakeEntraIdentityProvider.ClaimsFor(NewObjectId(), PortalRoles.Administrator));

        AssertRefused(await victim.GetAsync(EntraIdBrowser.CallbackFor(victimAuthorize, injected)), victim);
    }

    [Fact]
    public async Task Token_from_another_tenant_is_rejected()
    {
        using var browser = app.CreateBrowser();
        var claims = FakeEntraIdentityProvider.ClaimsFor(NewObjectId(), PortalRoles.Administrator)
            .Select(c => c.Type == "tid" ? new System.Security.Claims.Claim("tid", Guid.NewGuid().ToString()) : c);

        AssertRefused(await browser.SignInAsync(claims), browser);
    }

    [Fact]
    public async Task Provider_error_is_rejected_and_the_login_page_says_sign_in_did_not_complete()
    {
        using var browser = app.CreateBrowser();
        var authorize = await browser.StartSignInAsync();
        var state = QueryHelpers.ParseQuery(authorize.Query)["state"].ToString();

        var response = await browser.GetAsync("/signin-oidc?error=server_error&state=" + Uri.EscapeDataString(state));

        AssertRefused(response, browser);
        var login = await (await browser.GetAsync(response.Headers.Location!.OriginalString)).Content.ReadAsStringAsync();
        Assert.Contains("data-test=\"entra-failed\"", login, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_not_assigned_to_the_application_lands_on_the_no_access_page()
    {
        using var browser = app.CreateBrowser();
        var authorize = await browser.StartSignInAsync();
        var state = QueryHelpers.ParseQuery(authorize.Query)["state"].ToString();

        var response = await browser.GetAsync("/signin-oidc?error=access_denied&state=" + Uri.EscapeDataString(state));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AccountRoutes.NoAccess, EntraIdBrowser.Target(response).AbsolutePath);
        Assert.False(browser.HasSession);
    }

    [Fact]
    public async Task Code_is_single_use()
    {
        using var browser = app.CreateBrowser();
        var authorize = await browser.StartSignInAsync();
        var code = app.IdentityProvider.IssueCode(authorize, FakeEntraIdentityProvider.ClaimsFor(NewObjectId(), PortalRoles.Supervisor));
        var callback = EntraIdBrowser.CallbackFor(authorize, code);
        var correlation = (browser.CorrelationCookie, browser.Cookies[browser.CorrelationCookie]);
        Assert.True((await browser.GetAsync(callback)).StatusCode == HttpStatusCode.Redirect && browser.HasSession);

        using var replay = app.CreateBrowser();
        replay.Cookies[correlation.Item1] = correlation.Item2;
        AssertRefused(await replay.GetAsync(callback), replay);
    }

    private static void AssertRefused(HttpResponseMessage response, EntraIdBrowser browser)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", EntraIdBrowser.Target(response).AbsolutePath);
        Assert.Equal("?failed=1", EntraIdBrowser.Target(response).Query);
        Assert.False(browser.HasSession);
    }
}
