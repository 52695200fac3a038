using System.Security.Cryptography.X509Certificates;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Account.EntraId;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Web;

namespace ComplaintPortal.Tests.Account.EntraId;

/// <summary>
/// The real portal in EntraId mode (production environment, no demo accounts), with the real
/// Microsoft.Identity.Web / OpenID Connect set-up pointed at a <see cref="LocalEntraAuthority"/>
/// through <c>AzureAd:Instance</c>. The only test-specific service is trust in the authority's
/// self-signed TLS certificate. The clock is the system's: token lifetimes and the correlation
/// cookie are checked against real time.
/// </summary>
public sealed class EntraIdApp : PortalAppFactory
{
    public const string QualityGroup = "0d6e2f4a-8b1c-4e3d-9a7f-5c2b1e0d9f8a";

    private const string TrustedAuthorityClient = "local-entra-authority";

    public EntraIdApp()
        : this(clientCertificate: null)
    {
    }

    /// <summary>On a clock the test moves (start it at the wall clock: the authority's tokens are checked against real time).</summary>
    public static EntraIdApp WithClock(TimeProvider time) => new(null, time);

    private EntraIdApp(X509Certificate2? clientCertificate, TimeProvider? time = null)
        : base("Production", time ?? TimeProvider.System)
    {
        Settings["Authentication:Mode"] = "EntraId";
        Settings["AzureAd:Instance"] = Authority.Instance.AbsoluteUri;
        Settings["AzureAd:TenantId"] = LocalEntraAuthority.TenantId;
        Settings["AzureAd:ClientId"] = LocalEntraAuthority.ClientId;
        Settings["AzureAd:DepartmentClaim"] = "extension_department";
        Settings["AzureAd:DepartmentGroups:" + QualityGroup] = "QA";
        if (clientCertificate is null)
        {
            Settings["AzureAd:ClientSecret"] = LocalEntraAuthority.ClientSecret;
            return;
        }

        var path = Path.Combine(Database.Folder, "entra-app.pfx");
        TestCertificates.WritePfx(clientCertificate, path, "pfx-password");
        Settings["AzureAd:CertificatePath"] = path;
        Settings["AzureAd:CertificatePassword"] = "pfx-password";
        Authority.ClientCertificate = X509CertificateLoader.LoadCertificate(clientCertificate.Export(X509ContentType.Cert));
    }

    public LocalEntraAuthority Authority { get; } = new();

    /// <summary>A portal whose app registration credential is a certificate (a PFX file) instead of a secret.</summary>
    public static EntraIdApp WithCertificate(X509Certificate2 clientCertificate)
    {
        ArgumentNullException.ThrowIfNull(clientCertificate);
        return new EntraIdApp(clientCertificate);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            // Both of the portal's ways to the authority (the handler's backchannel, and the issuer
            // validator's metadata client) trust its certificate, as they trust Entra ID's via the OS.
            services.Configure<OpenIdConnectOptions>(EntraIdRegistration.Scheme, o => o.BackchannelHttpHandler = Authority.CreateTrustingHandler());
            services.AddHttpClient(TrustedAuthorityClient).ConfigurePrimaryHttpMessageHandler(Authority.CreateTrustingHandler);
            services.Configure<AadIssuerValidatorOptions>(o => o.HttpClientName = TrustedAuthorityClient);
        });
    }

    public EntraIdBrowser CreateBrowser() => new(this);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Authority.Dispose();
        }
    }
}
