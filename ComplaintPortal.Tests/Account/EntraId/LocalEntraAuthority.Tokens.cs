using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ComplaintPortal.Tests.Account.EntraId;

/// <summary>The authority's keys: the ID-token signing key it publishes, and the check of the app's credential.</summary>
public sealed partial class LocalEntraAuthority
{
    private const string KeyId = "local-authority-key";

    // Made in the test run: a published key, and one with the same key id that is never published.
    private readonly RsaSecurityKey signingKey = new(RSA.Create(2048)) { KeyId = KeyId };
    private readonly RsaSecurityKey unpublishedKey = new(RSA.Create(2048)) { KeyId = KeyId };

    private Dictionary<string, object> PublishedKey()
    {
        var parameters = signingKey.Rsa.ExportParameters(includePrivateParameters: false);
        return new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = SecurityAlgorithms.RsaSha256,
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }

    /// <summary>
    /// The ID token for a redeemed code: issuer, audience and nonce as Entra ID would set them unless the
    /// test's claims name their own (that is how a test forges a token for another tenant or app).
    /// </summary>
    private string IdToken(IssuedCode issued)
    {
        var payload = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["iss"] = Issuer,
            ["aud"] = ClientId,
            ["nonce"] = issued.Nonce,
            ["ver"] = "2.0",
        };
        foreach (var group in issued.User.Claims.GroupBy(c => c.Type, StringComparer.Ordinal))
        {
            payload[group.Key] = group.Key is "roles" or "groups"
                ? group.Select(c => c.Value).ToArray()
                : group.Last().Value;
        }

        // The real OpenID Connect handler checks token lifetimes against the wall clock (it takes no
        // TimeProvider), so the test authority must issue on that clock too; no test asserts on time.
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = payload,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(
                issued.User.SignWithUnpublishedKey ? unpublishedKey : signingKey, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>The app's proof of identity at the token endpoint: the secret, or an assertion signed by its certificate.</summary>
    private async Task<string?> ClientProblemAsync(IFormCollection form)
    {
        if (ClientCertificate is null)
        {
            return form["client_secret"] == ClientSecret ? null : "AADSTS7000215: invalid client secret.";
        }

        if (!string.IsNullOrEmpty(form["client_secret"])
            || form["client_assertion_type"] != "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
        {
            return "AADSTS700027: this app proves itself with its certificate.";
        }

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(form["client_assertion"].ToString(), new TokenValidationParameters
        {
            ValidIssuer = ClientId,
            ValidAudience = TokenEndpoint.AbsoluteUri,
            IssuerSigningKey = new X509SecurityKey(ClientCertificate),
            RequireSignedTokens = true,
            RequireExpirationTime = true,
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken assertion)
        {
            return "AADSTS700027: the client assertion is not valid: " + result.Exception?.Message;
        }

        var thumbprint = Base64UrlEncoder.Encode(ClientCertificate.GetCertHash());
        if (assertion.Subject != ClientId || !assertion.TryGetHeaderValue<string>("x5t", out var x5t) || x5t != thumbprint
            || string.IsNullOrEmpty(assertion.Id))
        {
            return "AADSTS700027: the client assertion does not name this app's certificate.";
        }

        AcceptedAssertions++;
        return null;
    }
}
