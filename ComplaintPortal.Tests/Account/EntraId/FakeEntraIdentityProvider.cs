using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using ComplaintPortal.Web.Features.Account.EntraId;
using Microsoft.AspNetCore.WebUtilities;

namespace ComplaintPortal.Tests.Account.EntraId;

/// <summary>
/// An in-process stand-in for Entra ID (none is reachable here). It behaves like the real one where
/// the portal relies on it: a code is single-use and bound to the PKCE challenge and redirect URI
/// of the authorize request it answers, and redeeming it returns the ID-token claims.
/// </summary>
public sealed class FakeEntraIdentityProvider : IEntraTokenRedeemer
{
    public const string TenantId = "7f0c3a52-1d4e-4b8a-9c61-2f5e8d9a0b13";
    public const string ClientId = "c2b1a9e8-5d4c-4f3b-8a29-1e0d9c8b7a65";
    public const string Host = "login.fake-entra.test";

    private readonly ConcurrentDictionary<string, IssuedCode> codes = new(StringComparer.Ordinal);

    public int Redemptions { get; private set; }

    public Task<EntraAuthorizationRequest> CreateAuthorizationRequestAsync(Uri redirectUri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(redirectUri);
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var url = QueryHelpers.AddQueryString($"https://{Host}/{TenantId}/oauth2/v2.0/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = redirectUri.AbsoluteUri,
            ["scope"] = "openid profile offline_access",
            ["code_challenge"] = Challenge(verifier),
            ["code_challenge_method"] = "S256",
            ["state"] = "chosen-by-the-client-library",
        });
        return Task.FromResult(new EntraAuthorizationRequest(new Uri(url), verifier));
    }

    /// <summary>The user signs in at the provider: a code for this authorize request, carrying these claims.</summary>
    public string IssueCode(Uri authorizeUrl, IEnumerable<Claim> claims)
    {
        ArgumentNullException.ThrowIfNull(authorizeUrl);
        var query = QueryHelpers.ParseQuery(authorizeUrl.Query);
        var code = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(24));
        codes[code] = new IssuedCode(query["code_challenge"].ToString(), query["redirect_uri"].ToString(), claims.ToList());
        return code;
    }

    public Task<IReadOnlyList<Claim>> RedeemCodeAsync(string code, string codeVerifier, Uri redirectUri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(redirectUri);
        Redemptions++;
        if (!codes.TryRemove(code, out var issued))
        {
            throw new InvalidOperationException("invalid_grant: the code is unknown or was already used.");
        }

        if (!string.Equals(Challenge(codeVerifier), issued.Challenge, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("invalid_grant: the PKCE code verifier does not match the challenge.");
        }

        if (!string.Equals(redirectUri.AbsoluteUri, issued.RedirectUri, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("invalid_grant: the redirect URI differs from the authorize request.");
        }

        return Task.FromResult(issued.Claims);
    }

    /// <summary>ID-token claims as Entra ID issues them for this app registration.</summary>
    public static List<Claim> ClaimsFor(string objectId, params string[] appRoles)
    {
        var claims = new List<Claim>
        {
            new("aud", ClientId),
            new("iss", $"https://login.microsoftonline.com/{TenantId}/v2.0"),
            new("tid", TenantId),
            new("oid", objectId),
            new("name", "测试用户 " + objectId),
            new("preferred_username", objectId + "@contoso.example"),
        };
        claims.AddRange(appRoles.Select(r => new Claim("roles", r)));
        return claims;
    }

    public static string Challenge(string verifier) =>
        WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private sealed record IssuedCode(string Challenge, string RedirectUri, IReadOnlyList<Claim> Claims);
}
