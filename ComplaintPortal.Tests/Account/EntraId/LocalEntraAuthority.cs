using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace ComplaintPortal.Tests.Account.EntraId;

/// <summary>
/// A stand-in for Microsoft Entra ID (none is reachable here), served over HTTPS on a free loopback
/// port with a certificate made for it: discovery document, signing keys, authorize, token and
/// end-session endpoints, shaped like Entra ID's v2.0 endpoints for one tenant. The portal talks to
/// it exactly as it would to Entra ID; only its trust in this TLS certificate is test configuration.
/// It behaves like the real one where the portal relies on it: a code is single-use and bound to the
/// PKCE challenge, redirect URI and nonce of its authorize request, redeeming needs the app's
/// credential, and the ID token is signed with the key the discovery document publishes.
/// </summary>
public sealed partial class LocalEntraAuthority : IDisposable
{
    public const string TenantId = "7f0c3a52-1d4e-4b8a-9c61-2f5e8d9a0b13";
    public const string ClientId = "c2b1a9e8-5d4c-4f3b-8a29-1e0d9c8b7a65";
    public const string ClientSecret = "not-a-real-secret";

    private readonly X509Certificate2 tlsCertificate = TestCertificates.Create("CN=localhost", serverAuthentication: true);
    private readonly ConcurrentDictionary<string, ProviderUser> waitingAtSignIn = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IssuedCode> codes = new(StringComparer.Ordinal);
    private readonly WebApplication server;
    private int redemptions;

    public LocalEntraAuthority()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseKestrelHttpsConfiguration()
            .ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(tlsCertificate)));
        builder.Services.AddRoutingCore();
        server = builder.Build();
        MapEndpoints(server);
        server.StartAsync().GetAwaiter().GetResult();
        var address = new Uri(server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        Instance = new Uri($"https://127.0.0.1:{address.Port}/");
    }

    /// <summary>What <c>AzureAd:Instance</c> names, like <c>https://login.microsoftonline.com/</c>.</summary>
    public Uri Instance { get; }

    public string Issuer => $"{Instance}{TenantId}/v2.0";

    public Uri AuthorizeEndpoint => new($"{Instance}{TenantId}/oauth2/v2.0/authorize");

    public Uri TokenEndpoint => new($"{Instance}{TenantId}/oauth2/v2.0/token");

    public Uri EndSessionEndpoint => new($"{Instance}{TenantId}/oauth2/v2.0/logout");

    /// <summary>Requests the token endpoint answered, accepted or not.</summary>
    public int Redemptions => Volatile.Read(ref redemptions);

    /// <summary>When set, the app must prove itself with an assertion signed by this certificate, not the secret.</summary>
    public X509Certificate2? ClientCertificate { get; set; }

    /// <summary>Client assertions the token endpoint accepted.</summary>
    public int AcceptedAssertions { get; private set; }

    /// <summary>A handler that trusts this authority's TLS certificate and nothing else.</summary>
    public HttpMessageHandler CreateTrustingHandler() => new HttpClientHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            certificate is not null && certificate.Thumbprint == tlsCertificate.Thumbprint,
    };

    /// <summary>
    /// A person signs in at the authority (password, MFA: not the portal's business); the returned
    /// login hint takes the browser's next authorize request through as that person.
    /// </summary>
    public string SignInAs(IEnumerable<Claim> claims, bool signWithUnpublishedKey = false)
    {
        var hint = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(12));
        waitingAtSignIn[hint] = new ProviderUser(claims.ToList(), signWithUnpublishedKey);
        return hint;
    }

    /// <summary>ID-token claims as Entra ID issues them for this app registration (issuer and nonce are added when issued).</summary>
    public static List<Claim> ClaimsFor(string objectId, params string[] appRoles)
    {
        var claims = new List<Claim>
        {
            new("aud", ClientId),
            new("tid", TenantId),
            new("oid", objectId),
            new("sub", "sub-" + objectId),
            new("name", "测试用户 " + objectId),
            new("preferred_username", objectId + "@contoso.example"),
        };
        claims.AddRange(appRoles.Select(r => new Claim("roles", r)));
        return claims;
    }

    public static string Challenge(string verifier) =>
        WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private void MapEndpoints(WebApplication app)
    {
        var tenant = "/" + TenantId;
        app.MapGet(tenant + "/v2.0/.well-known/openid-configuration", () => Results.Json(Discovery()));
        app.MapGet(tenant + "/discovery/v2.0/keys", () => Results.Json(new { keys = new[] { PublishedKey() } }));
        app.MapGet(tenant + "/oauth2/v2.0/authorize", Authorize);
        app.MapPost(tenant + "/oauth2/v2.0/token", RedeemAsync);
        app.MapGet(tenant + "/oauth2/v2.0/logout", (HttpRequest request) =>
        {
            var back = request.Query["post_logout_redirect_uri"].ToString();
            return string.IsNullOrEmpty(back)
                ? Results.Content("Signed out")
                : Results.Redirect(QueryHelpers.AddQueryString(back, "state", request.Query["state"].ToString()));
        });
    }

    private Dictionary<string, object> Discovery() => new(StringComparer.Ordinal)
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = AuthorizeEndpoint.AbsoluteUri,
        ["token_endpoint"] = TokenEndpoint.AbsoluteUri,
        ["end_session_endpoint"] = EndSessionEndpoint.AbsoluteUri,
        ["jwks_uri"] = $"{Instance}{TenantId}/discovery/v2.0/keys",
        ["response_types_supported"] = new[] { "code", "id_token", "code id_token", "id_token token" },
        ["response_modes_supported"] = new[] { "query", "fragment", "form_post" },
        ["subject_types_supported"] = new[] { "pairwise" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "private_key_jwt", "client_secret_basic" },
        ["scopes_supported"] = new[] { "openid", "profile", "email", "offline_access" },
        ["claims_supported"] = new[] { "sub", "iss", "aud", "exp", "iat", "nonce", "name", "preferred_username", "oid", "tid", "roles" },
    };

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;
        if (query["client_id"] != ClientId || query["response_type"] != "code" || query["code_challenge_method"] != "S256"
            || string.IsNullOrEmpty(query["redirect_uri"]) || string.IsNullOrEmpty(query["code_challenge"]))
        {
            return Results.BadRequest("AADSTS900144: the request is not one this app registration may make.");
        }

        if (!waitingAtSignIn.TryRemove(query["login_hint"].ToString(), out var user))
        {
            return Results.BadRequest("Nobody is signing in (the test names the person with a login hint).");
        }

        var code = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(24));
        var redirectUri = query["redirect_uri"].ToString();
        codes[code] = new IssuedCode(query["code_challenge"].ToString(), redirectUri, query["nonce"].ToString(), user);
        var state = query["state"].ToString();
        if (query["response_mode"] != "form_post")
        {
            return Results.Redirect(QueryHelpers.AddQueryString(redirectUri, new Dictionary<string, string?> { ["code"] = code, ["state"] = state }));
        }

        var html = HtmlEncoder.Default;
        return Results.Content(
            $"""
            <html><body onload="document.forms[0].submit()">
            <form method="post" action="{html.Encode(redirectUri)}">
            <input type="hidden" name="code" value="{html.Encode(code)}" />
            <input type="hidden" name="state" value="{html.Encode(state)}" />
            </form></body></html>
            """,
            "text/html");
    }

    private async Task<IResult> RedeemAsync(HttpRequest request)
    {
        Interlocked.Increment(ref redemptions);
        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "authorization_code" || form["client_id"] != ClientId)
        {
            return Refuse("unsupported_grant_type", "Only the authorization code of this app is redeemed here.");
        }

        if (await ClientProblemAsync(form) is { } clientProblem)
        {
            return Refuse("invalid_client", clientProblem);
        }

        if (!codes.TryRemove(form["code"].ToString(), out var issued))
        {
            return Refuse("invalid_grant", "The code is unknown or was already used.");
        }

        if (Challenge(form["code_verifier"].ToString()) != issued.Challenge)
        {
            return Refuse("invalid_grant", "The PKCE code verifier does not match the challenge.");
        }

        return form["redirect_uri"] != issued.RedirectUri
            ? Refuse("invalid_grant", "The redirect URI differs from the authorize request.")
            : Results.Json(new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = 3600,
                ["access_token"] = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32)),
                ["id_token"] = IdToken(issued),
            });
    }

    public void Dispose()
    {
        server.StopAsync().GetAwaiter().GetResult();
        server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        tlsCertificate.Dispose();
        signingKey.Rsa.Dispose();
        unpublishedKey.Rsa.Dispose();
    }

    private static IResult Refuse(string error, string description) =>
        Results.Json(new { error, error_description = description }, statusCode: StatusCodes.Status400BadRequest);

    private sealed record ProviderUser(IReadOnlyList<Claim> Claims, bool SignWithUnpublishedKey);

    private sealed record IssuedCode(string Challenge, string RedirectUri, string Nonce, ProviderUser User);
}
