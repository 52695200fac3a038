using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace ComplaintPortal.Web.Features.Account.EntraId;

/// <summary>The real protocol: MSAL's confidential client, authorization code with PKCE.</summary>
public sealed class MsalTokenRedeemer(IOptions<EntraIdSettings> options) : IEntraTokenRedeemer
{
    // Only the ID token is needed; MSAL adds openid, profile and offline_access itself.
    private static readonly string[] Scopes = [];

    private readonly Lazy<X509Certificate2?> certificate = new(() => LoadCertificate(options.Value));

    public async Task<EntraAuthorizationRequest> CreateAuthorizationRequestAsync(Uri redirectUri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(redirectUri);
        var url = await Build(redirectUri)
            .GetAuthorizationRequestUrl(Scopes)
            .WithRedirectUri(redirectUri.AbsoluteUri)
            .WithPkce(out var codeVerifier)
            .ExecuteAsync(cancellationToken);
        return new EntraAuthorizationRequest(url, codeVerifier);
    }

    public async Task<IReadOnlyList<Claim>> RedeemCodeAsync(string code, string codeVerifier, Uri redirectUri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(redirectUri);
        var result = await Build(redirectUri)
            .AcquireTokenByAuthorizationCode(Scopes, code)
            .WithPkceCodeVerifier(codeVerifier)
            .ExecuteAsync(cancellationToken);
        return result.ClaimsPrincipal?.Claims.ToList()
            ?? throw new InvalidOperationException("Entra ID returned no ID token.");
    }

    /// <summary>
    /// A client per request: the redirect URI follows the address the portal was reached on, and the
    /// portal keeps no Entra tokens after sign-in, so there is no token cache worth sharing.
    /// </summary>
    private IConfidentialClientApplication Build(Uri redirectUri)
    {
        var settings = options.Value;
        var builder = ConfidentialClientApplicationBuilder.Create(settings.ClientId)
            .WithAuthority(settings.Authority.AbsoluteUri)
            .WithRedirectUri(redirectUri.AbsoluteUri);
        builder = certificate.Value is { } cert
            ? builder.WithCertificate(cert)
            : builder.WithClientSecret(settings.ClientSecret);
        return builder.Build();
    }

    private static X509Certificate2? LoadCertificate(EntraIdSettings settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.CertificatePath))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(settings.CertificatePath, settings.CertificatePassword);
        }

        if (string.IsNullOrWhiteSpace(settings.CertificateThumbprint))
        {
            return null;
        }

        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            using var store = new X509Store(StoreName.My, location);
            store.Open(OpenFlags.ReadOnly);
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, settings.CertificateThumbprint.Trim(), validOnly: false);
            if (found.Count > 0)
            {
                return found[0];
            }
        }

        throw new InvalidOperationException(
            $"AzureAd:CertificateThumbprint {settings.CertificateThumbprint} was not found in the CurrentUser or LocalMachine 'My' store.");
    }
}
