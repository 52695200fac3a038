using System.Net;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Web.Features.Account.EntraId;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Tests.Account.EntraId;

/// <summary>How the portal is set up against Entra ID: the scheme, a certificate credential, a reverse proxy.</summary>
public sealed class EntraIdDeploymentTests : IClassFixture<EntraIdApp>
{
    private readonly EntraIdApp app;

    public EntraIdDeploymentTests(EntraIdApp app) => this.app = app;

    [Fact]
    public void Scheme_is_Microsoft_Identity_Webs_OpenID_Connect_with_code_and_PKCE_signing_in_to_the_Identity_session()
    {
        var options = app.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(EntraIdRegistration.Scheme);

        Assert.Equal($"{app.Authority.Instance}{LocalEntraAuthority.TenantId}/v2.0", options.Authority);
        Assert.Equal(LocalEntraAuthority.ClientId, options.ClientId);
        Assert.Equal(IdentityConstants.ApplicationScheme, options.SignInScheme);
        Assert.Equal("code", options.ResponseType);
        Assert.True(options.UsePkce);
        Assert.True(options.RequireHttpsMetadata);
        Assert.False(options.SaveTokens);
        Assert.False(options.RemoteSignOutPath.HasValue);
        // Microsoft.Identity.Web's issuer validator: the issuer must be the configured cloud's, for the token's tenant.
        Assert.NotNull(options.TokenValidationParameters.IssuerValidator);
    }

    [Fact]
    public async Task With_a_certificate_credential_the_code_is_redeemed_with_an_assertion_signed_by_it()
    {
        using var certificate = TestCertificates.Create("CN=Complaint Portal", serverAuthentication: false);
        using var withCertificate = EntraIdApp.WithCertificate(certificate);
        using var browser = withCertificate.CreateBrowser();

        var response = await browser.SignInAsync(LocalEntraAuthority.ClaimsFor(Guid.NewGuid().ToString(), PortalRoles.Supervisor));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.True(browser.HasSession);
        Assert.Equal(1, withCertificate.Authority.AcceptedAssertions);
    }

    [Fact]
    public async Task Behind_a_TLS_proxy_the_redirect_URI_is_the_public_https_address()
    {
        using var proxied = new EntraIdApp();
        proxied.Settings["ForwardedHeaders:Enabled"] = "true";
        var client = proxied.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://10.0.0.5:8080"), AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in/entra?returnUrl=%2F");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "complaints.contoso.example");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.Equal("https://complaints.contoso.example/signin-oidc", query["redirect_uri"].ToString());
    }
}
