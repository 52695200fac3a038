using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Account.EntraId;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ComplaintPortal.Tests.Account.EntraId;

/// <summary>
/// The real portal in EntraId mode (production environment, no demo accounts), with the in-process
/// identity provider in place of MSAL. The clock is the system's, because the correlation cookie's
/// expiry is checked by the client's cookie handling against real time.
/// </summary>
public sealed class EntraIdApp : PortalAppFactory
{
    public const string QualityGroup = "0d6e2f4a-8b1c-4e3d-9a7f-5c2b1e0d9f8a";

    public EntraIdApp()
        : base("Production", TimeProvider.System)
    {
        Settings["Authentication:Mode"] = "EntraId";
        Settings["AzureAd:TenantId"] = FakeEntraIdentityProvider.TenantId;
        Settings["AzureAd:ClientId"] = FakeEntraIdentityProvider.ClientId;
        Settings["AzureAd:ClientSecret"] = "not-a-real-secret";
        Settings["AzureAd:DepartmentClaim"] = "extension_department";
        Settings["AzureAd:DepartmentGroups:" + QualityGroup] = "QA";
    }

    public FakeEntraIdentityProvider IdentityProvider { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IEntraTokenRedeemer>();
            services.AddSingleton<IEntraTokenRedeemer>(IdentityProvider);
        });
    }

    public EntraIdBrowser CreateBrowser() => new(this);
}
