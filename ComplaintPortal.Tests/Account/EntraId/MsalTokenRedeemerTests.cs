using System.Reflection;
using System.Security.Claims;
using System.Text;
using ComplaintPortal.Web.Features.Account.EntraId;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace ComplaintPortal.Tests.Account.EntraId;

/// <summary>The real MSAL side, as far as it goes without a reachable Entra ID: the authorize address.</summary>
public sealed class MsalTokenRedeemerTests
{
    [Fact]
    public async Task Authorize_address_asks_for_a_code_with_an_S256_challenge_of_the_returned_verifier()
    {
        var redeemer = new MsalTokenRedeemer(Options.Create(new EntraIdSettings
        {
            TenantId = FakeEntraIdentityProvider.TenantId,
            ClientId = FakeEntraIdentityProvider.ClientId,
            ClientSecret = "not-a-real-secret",
        }));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var request = await redeemer.CreateAuthorizationRequestAsync(new Uri("https://portal.example/signin-oidc"), timeout.Token);

        var url = request.AuthorizeUrl;
        var query = QueryHelpers.ParseQuery(url.Query);
        Assert.Equal($"https://login.microsoftonline.com/{FakeEntraIdentityProvider.TenantId}/oauth2/v2.0/authorize", url.GetLeftPart(UriPartial.Path));
        Assert.Equal(FakeEntraIdentityProvider.ClientId, query["client_id"].ToString());
        Assert.Equal("code", query["response_type"].ToString());
        Assert.Equal("https://portal.example/signin-oidc", query["redirect_uri"].ToString());
        Assert.Contains("openid", query["scope"].ToString(), StringComparison.Ordinal);
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        Assert.Equal(FakeEntraIdentityProvider.Challenge(request.CodeVerifier), query["code_challenge"].ToString());
    }

    /// <summary>
    /// The mapping relies on how MSAL turns an ID token into claims (JWT names, one claim per array
    /// element). MSAL's parser is internal, so it is reached by reflection: if an upgrade renames it,
    /// this test fails and says so, rather than roles silently disappearing in production.
    /// </summary>
    [Fact]
    public void Claims_MSAL_makes_from_an_ID_token_map_to_portal_roles_and_department_group()
    {
        var idTokenType = typeof(ConfidentialClientApplicationBuilder).Assembly.GetTypes().Single(t => t.Name == "IdToken");
        var payload = $$"""
            {"aud":"{{FakeEntraIdentityProvider.ClientId}}","tid":"{{FakeEntraIdentityProvider.TenantId}}","oid":"o-1",
             "name":"王芳","preferred_username":"wang.fang@contoso.example",
             "roles":["IntakeClerk","Supervisor","Reader"],"groups":["g-qa","g-other"]}
            """;
        var jwt = string.Join('.', Encode("""{"alg":"RS256","typ":"JWT"}"""), Encode(payload), "signature");
        var idToken = idTokenType.GetMethod("Parse", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!.Invoke(null, [jwt])!;
        var principal = (ClaimsPrincipal)idTokenType.GetProperty("ClaimsPrincipal", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)!.GetValue(idToken)!;
        var settings = new EntraIdSettings { TenantId = FakeEntraIdentityProvider.TenantId, ClientId = FakeEntraIdentityProvider.ClientId };
        settings.DepartmentGroups["g-qa"] = "QA";
        var claims = principal.Claims.ToList();

        var account = EntraIdClaimMapping.Map(claims, settings);

        Assert.Null(EntraIdClaimMapping.ProblemWith(claims, settings));
        Assert.Equal(["IntakeClerk", "Supervisor"], account.Roles);
        Assert.Equal(["Reader"], account.UnmappedAppRoles);
        Assert.Equal("QA", account.DepartmentCode);
        Assert.Equal(("o-1", "王芳", "wang.fang@contoso.example"), (account.ObjectId, account.DisplayName, account.UserName));
    }

    [Fact]
    public void Handler_replaces_whatever_state_the_library_chose_with_its_own()
    {
        var url = new Uri("https://login.microsoftonline.com/t/oauth2/v2.0/authorize?client_id=c&state=library&code_challenge=x");

        var withState = EntraIdAuthenticationHandler.WithState(url, "protected+properties/=");

        var query = QueryHelpers.ParseQuery(withState.Query);
        Assert.Equal("protected+properties/=", query["state"].ToString());
        Assert.Equal("c", query["client_id"].ToString());
        Assert.Equal("x", query["code_challenge"].ToString());
    }

    private static string Encode(string json) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(json));
}
