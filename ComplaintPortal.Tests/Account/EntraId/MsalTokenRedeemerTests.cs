using ComplaintPortal.Web.Features.Account.EntraId;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

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
}
