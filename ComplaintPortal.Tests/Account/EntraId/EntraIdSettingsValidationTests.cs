using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Account.EntraId;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Tests.Account.EntraId;

public sealed class EntraIdSettingsValidationTests
{
    private static Dictionary<string, string?> Complete() => new(StringComparer.Ordinal)
    {
        ["Authentication:Mode"] = "EntraId",
        ["AzureAd:TenantId"] = LocalEntraAuthority.TenantId,
        ["AzureAd:ClientId"] = LocalEntraAuthority.ClientId,
        ["AzureAd:ClientSecret"] = "from-user-secrets",
    };

    private static EntraIdSettings Resolve(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging().AddPortalEntraId(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<EntraIdSettings>>().Value;
    }

    private static OptionsValidationException Failure(Action<Dictionary<string, string?>> change)
    {
        var values = Complete();
        change(values);
        return Assert.Throws<OptionsValidationException>(() => Resolve(values));
    }

    [Fact]
    public void Complete_settings_are_accepted_with_the_default_instance_and_callback_path()
    {
        var settings = Resolve(Complete());

        Assert.Equal("/signin-oidc", settings.CallbackPath);
        Assert.Equal(new Uri($"https://login.microsoftonline.com/{LocalEntraAuthority.TenantId}/"), settings.Authority);
    }

    [Theory]
    [InlineData("http://login.microsoftonline.com/")]
    [InlineData("login.microsoftonline.com")]
    public void Instance_that_is_not_an_https_address_is_refused(string instance)
    {
        var error = Failure(v => v["AzureAd:Instance"] = instance);

        Assert.Contains(error.Failures, f => f.StartsWith("AzureAd:Instance must be an absolute https address", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_tenant_id_is_named()
    {
        var error = Failure(v => v.Remove("AzureAd:TenantId"));

        Assert.Contains(error.Failures, f => f.StartsWith("AzureAd:TenantId is required", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("common")]
    [InlineData("organizations")]
    [InlineData("contoso.onmicrosoft.com")]
    public void Tenant_that_is_not_one_directory_id_is_refused(string tenant)
    {
        var error = Failure(v => v["AzureAd:TenantId"] = tenant);

        Assert.Contains(error.Failures, f => f.StartsWith("AzureAd:TenantId must be the Directory (tenant) ID", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_client_id_is_named()
    {
        var error = Failure(v => v.Remove("AzureAd:ClientId"));

        Assert.Contains(error.Failures, f => f.StartsWith("AzureAd:ClientId is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_credential_names_the_secret_and_certificate_settings()
    {
        var error = Failure(v => v.Remove("AzureAd:ClientSecret"));

        var failure = Assert.Single(error.Failures);
        Assert.Contains("AzureAd:ClientSecret", failure, StringComparison.Ordinal);
        Assert.Contains("AzureAd__ClientSecret", failure, StringComparison.Ordinal);
        Assert.Contains("AzureAd:CertificateThumbprint", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Certificate_alone_is_a_credential_but_not_together_with_a_secret()
    {
        var values = Complete();
        values.Remove("AzureAd:ClientSecret");
        values["AzureAd:CertificateThumbprint"] = "0123456789ABCDEF0123456789ABCDEF01234567";
        Assert.Equal("0123456789ABCDEF0123456789ABCDEF01234567", Resolve(values).CertificateThumbprint);

        var error = Failure(v => v["AzureAd:CertificatePath"] = "/etc/portal/entra.pfx");
        Assert.Contains(error.Failures, f => f.StartsWith("Set either AzureAd:ClientSecret or a certificate", StringComparison.Ordinal));
    }

    [Fact]
    public void Certificate_file_that_does_not_exist_is_named()
    {
        var error = Failure(v =>
        {
            v.Remove("AzureAd:ClientSecret");
            v["AzureAd:CertificatePath"] = "/nonexistent/entra.pfx";
        });

        Assert.Contains(error.Failures, f => f.StartsWith("AzureAd:CertificatePath names a file that does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public void Role_map_to_something_that_is_not_a_portal_role_is_refused()
    {
        var error = Failure(v => v["AzureAd:RoleMap:Complaints.Boss"] = "Boss");

        Assert.Contains(error.Failures, f => f.StartsWith("AzureAd:RoleMap:Complaints.Boss is 'Boss'", StringComparison.Ordinal));
    }

    [Fact]
    public void Role_map_binds_from_configuration()
    {
        var values = Complete();
        values["AzureAd:RoleMap:Complaints.Admin"] = PortalRoles.Administrator;

        Assert.Equal(PortalRoles.Administrator, Resolve(values).RoleMap["Complaints.Admin"]);
    }

    [Fact]
    public void Unknown_authentication_mode_stops_start_up_with_the_setting_named()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Resolve(new() { ["Authentication:Mode"] = "Ldap" }));

        Assert.Contains("Authentication:Mode is 'Ldap'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Local_mode_needs_no_AzureAd_settings()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build();
        using var provider = new ServiceCollection().AddPortalEntraId(configuration).BuildServiceProvider();

        Assert.Equal(PortalAuthenticationMode.Local, provider.GetRequiredService<IOptions<PortalAuthenticationSettings>>().Value.Mode);
        Assert.Empty(provider.GetServices<IValidateOptions<EntraIdSettings>>());
    }

    [Fact]
    public void Portal_in_EntraId_mode_without_settings_does_not_start()
    {
        using var app = new PortalAppFactory("Production");
        app.Settings["Authentication:Mode"] = "EntraId";

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains(error.Failures, f => f.StartsWith("AzureAd:TenantId is required", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("AzureAd:ClientId is required", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("A client credential is required", StringComparison.Ordinal));
    }
}
