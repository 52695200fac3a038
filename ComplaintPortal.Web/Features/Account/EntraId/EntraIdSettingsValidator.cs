using ComplaintPortal.Domain.Organisation;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Web.Features.Account.EntraId;

/// <summary>
/// Checked at start-up (only in EntraId mode), so a wrong app registration setting stops the portal
/// with a message that names the key, instead of failing at the first sign-in.
/// </summary>
public sealed class EntraIdSettingsValidator : IValidateOptions<EntraIdSettings>
{
    public ValidateOptionsResult Validate(string? name, EntraIdSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!Uri.TryCreate(options.Instance, UriKind.Absolute, out var instance) || instance.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add("AzureAd:Instance must be an absolute https address, e.g. https://login.microsoftonline.com/.");
        }

        if (string.IsNullOrWhiteSpace(options.TenantId))
        {
            errors.Add("AzureAd:TenantId is required in EntraId mode: the Directory (tenant) ID of the app registration.");
        }
        else if (!Guid.TryParse(options.TenantId, out _))
        {
            // A GUID, so the token's tid can be compared with it; common/organizations would admit any tenant.
            errors.Add($"AzureAd:TenantId must be the Directory (tenant) ID, a GUID; '{options.TenantId}' is not.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            errors.Add("AzureAd:ClientId is required in EntraId mode: the Application (client) ID of the app registration.");
        }
        else if (!Guid.TryParse(options.ClientId, out _))
        {
            errors.Add("AzureAd:ClientId must be a GUID (the Application (client) ID).");
        }

        if (!options.HasClientSecret && !options.HasCertificate)
        {
            errors.Add("A client credential is required in EntraId mode: set AzureAd:ClientSecret (user-secrets, environment variable AzureAd__ClientSecret or a key vault), AzureAd:CertificatePath or AzureAd:CertificateThumbprint.");
        }
        else if (options.HasClientSecret && options.HasCertificate)
        {
            errors.Add("Set either AzureAd:ClientSecret or a certificate (AzureAd:CertificatePath / AzureAd:CertificateThumbprint), not both.");
        }
        else if (!string.IsNullOrWhiteSpace(options.CertificatePath) && !string.IsNullOrWhiteSpace(options.CertificateThumbprint))
        {
            errors.Add("Set either AzureAd:CertificatePath or AzureAd:CertificateThumbprint, not both.");
        }

        if (!string.IsNullOrWhiteSpace(options.CertificatePath) && !File.Exists(options.CertificatePath))
        {
            errors.Add($"AzureAd:CertificatePath names a file that does not exist: {options.CertificatePath}.");
        }

        if (string.IsNullOrWhiteSpace(options.CallbackPath) || options.CallbackPath[0] != '/')
        {
            errors.Add("AzureAd:CallbackPath must be a path on this site starting with '/', e.g. /signin-oidc.");
        }

        foreach (var (appRole, portalRole) in options.RoleMap)
        {
            if (!PortalRoles.IsKnown(portalRole))
            {
                errors.Add($"AzureAd:RoleMap:{appRole} is '{portalRole}', which is not a portal role ({string.Join(", ", PortalRoles.All)}).");
            }
        }

        foreach (var (group, department) in options.DepartmentGroups)
        {
            if (string.IsNullOrWhiteSpace(department))
            {
                errors.Add($"AzureAd:DepartmentGroups:{group} names no department code.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
