using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ComplaintPortal.Web.Features.Account.EntraId;

/// <summary>
/// The app's certificate credential (<c>AzureAd:CertificatePath</c> or <c>AzureAd:CertificateThumbprint</c>),
/// loaded once by Microsoft.Identity.Web's certificate loader. The framework's handler only knows
/// client secrets, so a code is redeemed with a client assertion signed by this certificate, in the
/// form Microsoft Entra ID documents for certificate credentials (RFC 7523: <c>x5t</c> header,
/// <c>iss</c> = <c>sub</c> = client id, <c>aud</c> = token endpoint, a fresh <c>jti</c>, minutes of life).
/// </summary>
public sealed class EntraIdClientCertificate(IOptions<EntraIdSettings> options, TimeProvider time)
{
    public const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly Lazy<X509Certificate2> certificate = new(() => Load(options.Value));

    public bool IsConfigured => options.Value.HasCertificate;

    public string CreateAssertion(Uri tokenEndpoint)
    {
        ArgumentNullException.ThrowIfNull(tokenEndpoint);
        var now = time.GetUtcNow().UtcDateTime;
        var clientId = options.Value.ClientId;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = clientId,
            Audience = tokenEndpoint.AbsoluteUri,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            Claims = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                [JwtRegisteredClaimNames.Sub] = clientId,
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString(),
            },
            SigningCredentials = new X509SigningCredentials(certificate.Value),
        });
    }

    private static X509Certificate2 Load(EntraIdSettings settings)
    {
        IEnumerable<CertificateDescription> candidates = !string.IsNullOrWhiteSpace(settings.CertificatePath)
            ? [CertificateDescription.FromPath(settings.CertificatePath, settings.CertificatePassword)]
            :
            [
                CertificateDescription.FromStoreWithThumbprint(settings.CertificateThumbprint!.Trim(), StoreLocation.CurrentUser),
                CertificateDescription.FromStoreWithThumbprint(settings.CertificateThumbprint!.Trim(), StoreLocation.LocalMachine),
            ];
        var loaded = DefaultCertificateLoader.LoadFirstCertificate(candidates);
        return loaded is { HasPrivateKey: true }
            ? loaded
            : throw new InvalidOperationException(
                "The Entra ID certificate (AzureAd:CertificatePath or AzureAd:CertificateThumbprint in the CurrentUser or LocalMachine 'My' store) "
                + "could not be loaded with its private key.");
    }
}
