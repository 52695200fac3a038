using System.Net;
using System.Security.Claims;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Web.Features.Account;
using ComplaintPortal.Web.Features.Account.EntraId;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Tests.Account.EntraId;

/// <summary>
/// The callback through the real pipeline and a local authority: what the framework's state,
/// correlation and nonce checks, PKCE, the token checks and the portal's tenant check refuse.
/// </summary>
public sealed class EntraIdCallbackTests : IClassFixture<EntraIdApp>
{
    private readonly EntraIdApp app;

    public EntraIdCallbackTests(EntraIdApp app) => this.app = app;

    private static string NewObjectId() => Guid.NewGuid().ToString();

    private static List<Claim> Administrator() => LocalEntraAuthority.ClaimsFor(NewObjectId(), PortalRoles.Administrator);

    [Fact]
    public async Task Sign_in_sends_the_browser_to_the_authority_for_a_code_with_PKCE_nonce_and_protected_state()
    {
        using var browser = app.CreateBrowser();

        var authorize = await browser.StartSignInAsync("/admin/users");

        var query = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal(LocalEntraAuthority.ClientId, query["client_id"].ToString());
        Assert.Equal("https://localhost/signin-oidc", query["redirect_uri"].ToString());
        Assert.Equal("code", query["response_type"].ToString());
        Assert.Equal("form_post", query["response_mode"].ToString());
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        Assert.Contains("openid", query["scope"].ToString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(query["nonce"].ToString()));
        Assert.DoesNotContain("admin", query["state"].ToString(), StringComparison.OrdinalIgnoreCase); // encrypted, not encoded
        Assert.StartsWith(EntraIdBrowser.CorrelationCookiePrefix, browser.CorrelationCookie, StringComparison.Ordinal);
        Assert.StartsWith(EntraIdBrowser.NonceCookiePrefix, browser.NonceCookie, StringComparison.Ordinal);
        Assert.False(browser.HasSession);
    }

    [Fact]
    public async Task Good_callback_signs_in_to_the_portal_session_and_returns_to_the_requested_page()
    {
        using var browser = app.CreateBrowser();

        var response = await browser.SignInAsync(Administrator(), "/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/users", response.Headers.Location!.OriginalString);
        Assert.True(browser.HasSession);
        Assert.DoesNotContain(browser.Cookies.Keys, k => k.StartsWith(EntraIdBrowser.CorrelationCookiePrefix, StringComparison.Ordinal));
        Assert.DoesNotContain(browser.Cookies.Keys, k => k.StartsWith(EntraIdBrowser.NonceCookiePrefix, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task Session_is_the_portal_users_Identity_principal_with_security_stamp_and_table_roles()
    {
        var oid = NewObjectId();
        using var browser = app.CreateBrowser();

        await browser.SignInAsync(LocalEntraAuthority.ClaimsFor(oid, PortalRoles.Supervisor, PortalRoles.ArchiveClerk));

        var cookie = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var principal = cookie.TicketDataFormat.Unprotect(browser.Cookies["cp.auth"])!.Principal;
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByLoginAsync(EntraIdUserLink.LoginProvider, oid))!;
        // What security-stamp checks and circuit revalidation read: the portal's user id and stamp, roles from the table.
        Assert.Equal(user.Id, principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal(await users.GetSecurityStampAsync(user), principal.FindFirstValue(new IdentityOptions().ClaimsIdentity.SecurityStampClaimType));
        Assert.Equal([PortalRoles.ArchiveClerk, PortalRoles.Supervisor], principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(principal.Claims, c => c.Type is "oid" or "tid" or "roles");
    }

    [Fact]
    public async Task Callback_by_query_string_signs_in_too()
    {
        using var browser = app.CreateBrowser();
        var authorize = await browser.StartSignInAsync();
        var answer = await browser.SignInAtAuthorityAsync(authorize, LocalEntraAuthority.ClaimsFor(NewObjectId(), PortalRoles.ArchiveClerk));

        var response = await browser.GetAsync(QueryHelpers.AddQueryString("/signin-oidc", answer.Fields.Select(f => KeyValuePair.Create(f.Key, (string?)f.Value))));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.True(browser.HasSession);
    }

    [Fact]
    public async Task Return_address_off_the_site_is_replaced_by_the_home_page()
    {
        using var browser = app.CreateBrowser();

        var response = await browser.SignInAsync(LocalEntraAuthority.ClaimsFor(NewObjectId(), PortalRoles.Leadership), "https://evil.example/");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Tampered_state_is_rejected_without_redeeming_the_code()
    {
        using var browser = app.CreateBrowser();
        var answer = await browser.SignInAtAuthorityAsync(await browser.StartSignInAsync(), Administrator());
        var state = answer.Fields["state"];
        answer.Fields["state"] = state[..^2] + (state[^2] == 'A' ? 'B' : 'A') + state[^1];
        var redemptions = app.Authority.Redemptions;

        AssertRefused(await browser.PostToPortalAsync(answer), browser);
        Assert.Equal(redemptions, app.Authority.Redemptions);
    }

    [Fact]
    public async Task Callback_without_state_is_rejected()
    {
        using var browser = app.CreateBrowser();
        var answer = await browser.SignInAtAuthorityAsync(await browser.StartSignInAsync(), Administrator());
        answer.Fields.Remove("state");

        AssertRefused(await browser.PostToPortalAsync(answer), browser);
    }

    [Fact]
    public async Task Missing_correlation_cookie_is_rejected()
    {
        using var browser = app.CreateBrowser();
        var answer = await browser.SignInAtAuthorityAsync(await browser.StartSignInAsync(), Administrator());
        browser.Cookies.Remove(browser.CorrelationCookie);

        AssertRefused(await browser.PostToPortalAsync(answer), browser);
    }

    [Fact]
    public async Task Tampered_correlation_cookie_is_rejected()
    {
        using var browser = app.CreateBrowser();
        var answer = await browser.SignInAtAuthorityAsync(await browser.StartSignInAsync(), Administrator());
        browser.Cookies[browser.CorrelationCookie] = "X";

        AssertRefused(await browser.PostToPortalAsync(answer), browser);
    }

    [Fact]
    public async Task Missing_nonce_cookie_is_rejected()
    {
        using var browser = app.CreateBrowser();
        var answer = await browser.SignInAtAuthorityAsync(await browser.StartSignInAsync(), Administrator());
        browser.Cookies.Remove(browser.NonceCookie);

        AssertRefused(await browser.PostToPortalAsync(answer), browser);
    }

    [Fact]
    public async Task ID_token_with_a_nonce_from_another_sign_in_is_rejected()
    {
        using var browser = app.CreateBrowser();
        var claims = Administrator();
        claims.Add(new Claim("nonce", "a-nonce-this-browser-never-sent"));
        var answer = await browser.SignInAtAuthorityAsync(await browser.StartSignInAsync(), claims);

        AssertRefused(await browser.PostToPortalAsync(answer), browser);
    }

    [Fact]
    public async Task Callback_started_in_another_browser_is_rejected()
    {
        using var victim = app.CreateBrowser();
        using var attacker = app.CreateBrowser();
        var answer = await attacker.SignInAtAuthorityAsync(await attacker.StartSignInAsync(), Administrator());
        await victim.StartSignInAsync(); // the victim has correlation and nonce cookies, but for its own attempt

        AssertRefused(await victim.PostToPortalAsync(answer), victim);
    }

    [Fact]
    public async Task Code_issued_for_another_sign_in_attempt_fails_the_PKCE_check()
    {
        using var victim = app.CreateBrowser();
        var victimAnswer = await victim.SignInAtAuthorityAsync(await victim.StartSignInAsync(), Administrator());
        using var attacker = app.CreateBrowser();
        var attackerAnswer = await attacker.SignInAtAuthorityAsync(await attacker.StartSignInAsync(), Administrator());
        victimAnswer.Fields["code"] = attackerAnswer.Fields["code"];
        var redemptions = app.Authority.Redemptions;

        AssertRefused(await victim.PostToPortalAsync(victimAnswer), victim);
        Assert.Equal(redemptions + 1, app.Authority.Redemptions); // tried, and the authority said no
    }

    [Fact]
    public async Task ID_token_signed_with_a_key_the_authority_does_not_publish_is_rejected()
    {
        using var browser = app.CreateBrowser();
        var answer = await browser.SignInAtAuthorityAsync(await browser.StartSignInAsync(), Administrator(), signWithUnpublishedKey: true);

        AssertRefused(await browser.PostToPortalAsync(answer), browser);
    }

    [Fact]
    public async Task Token_from_another_tenant_is_rejected()
    {
        var otherTenant = Guid.NewGuid().ToString();
        using var browser = app.CreateBrowser();
        var claims = Administrator().Select(c => c.Type == "tid" ? new Claim("tid", otherTenant) : c).ToList();
        claims.Add(new Claim("iss", $"{app.Authority.Instance}{otherTenant}/v2.0"));

        AssertRefused(await browser.SignInAsync(claims), browser);
    }

    [Fact]
    public async Task Token_of_this_issuer_naming_another_tenant_is_rejected()
    {
        using var browser = app.CreateBrowser();
        var claims = Administrator().Select(c => c.Type == "tid" ? new Claim("tid", Guid.NewGuid().ToString()) : c);

        AssertRefused(await browser.SignInAsync(claims), browser);
    }

    [Fact]
    public async Task Token_for_another_application_is_rejected()
    {
        using var browser = app.CreateBrowser();
        var claims = Administrator().Select(c => c.Type == "aud" ? new Claim("aud", Guid.NewGuid().ToString()) : c);

        AssertRefused(await browser.SignInAsync(claims), browser);
    }

    [Fact]
    public async Task Provider_error_is_rejected_and_the_login_page_says_sign_in_did_not_complete()
    {
        using var browser = app.CreateBrowser();
        var state = QueryHelpers.ParseQuery((await browser.StartSignInAsync()).Query)["state"].ToString();

        var response = await browser.PostToPortalAsync(new ProviderAnswer(
            new Uri("https://localhost/signin-oidc"), new() { ["error"] = "server_error", ["state"] = state }));

        AssertRefused(response, browser);
        var login = await (await browser.GetAsync(response.Headers.Location!.OriginalString)).Content.ReadAsStringAsync();
        Assert.Contains("data-test=\"entra-failed\"", login, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_not_assigned_to_the_application_lands_on_the_no_access_page()
    {
        using var browser = app.CreateBrowser();
        var state = QueryHelpers.ParseQuery((await browser.StartSignInAsync()).Query)["state"].ToString();

        var response = await browser.PostToPortalAsync(new ProviderAnswer(
            new Uri("https://localhost/signin-oidc"), new() { ["error"] = "access_denied", ["state"] = state }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AccountRoutes.NoAccess, EntraIdBrowser.Target(response).AbsolutePath);
        Assert.False(browser.HasSession);
    }

    [Fact]
    public async Task Code_is_single_use()
    {
        using var browser = app.CreateBrowser();
        var answer = await browser.SignInAtAuthorityAsync(await browser.StartSignInAsync(), LocalEntraAuthority.ClaimsFor(NewObjectId(), PortalRoles.Supervisor));
        var cookies = new Dictionary<string, string>(browser.Cookies, StringComparer.Ordinal);
        Assert.True((await browser.PostToPortalAsync(answer)).StatusCode == HttpStatusCode.Redirect && browser.HasSession);

        using var replay = app.CreateBrowser();
        foreach (var (name, value) in cookies)
        {
            replay.Cookies[name] = value;
        }

        AssertRefused(await replay.PostToPortalAsync(answer), replay);
    }

    private static void AssertRefused(HttpResponseMessage response, EntraIdBrowser browser)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", EntraIdBrowser.Target(response).AbsolutePath);
        Assert.Equal("?failed=1", EntraIdBrowser.Target(response).Query);
        Assert.False(browser.HasSession);
    }
}
