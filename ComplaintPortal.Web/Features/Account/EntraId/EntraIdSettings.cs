namespace ComplaintPortal.Web.Features.Account.EntraId;

/// <summary>
/// The <c>AzureAd</c> configuration section: the app registration in Microsoft Entra ID. The client
/// credential never belongs in appsettings.json: put <c>ClientSecret</c> in user-secrets, the
/// environment (<c>AzureAd__ClientSecret</c>) or a key vault provider, or use a certificate.
/// </summary>
public sealed class EntraIdSettings
{
    public const string SectionName = "AzureAd";

    /// <summary>The cloud's sign-in host, e.g. <c>https://login.microsoftonline.com/</c>.</summary>
    public string Instance { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>Directory (tenant) ID, a GUID: the portal serves one tenant.</summary>
    public string TenantId { get; set; } = "";

    /// <summary>Application (client) ID of the app registration.</summary>
    public string ClientId { get; set; } = "";

    public string? ClientSecret { get; set; }

    /// <summary>A PFX file holding the certificate and its private key.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Thumbprint of a certificate in the CurrentUser or LocalMachine "My" store.</summary>
    public string? CertificateThumbprint { get; set; }

    /// <summary>Path Entra ID sends the user back to; the redirect URI is this path on the portal's address.</summary>
    public string CallbackPath { get; set; } = "/signin-oidc";

    /// <summary>App-role value → portal role. Empty: the app-role values are the portal role names.</summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Claim whose value is a department code, e.g. <c>extension_department</c>. Optional.</summary>
    public string? DepartmentClaim { get; set; }

    /// <summary>Group object id → department code, read from the <c>groups</c> claim. Optional.</summary>
    public Dictionary<string, string> DepartmentGroups { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How long a portal session started through Entra ID lasts before the person must pass through Entra ID
    /// again (silently while their Entra ID session holds). Bounds how long an account disabled or an app role
    /// removed in Entra ID keeps working here; see docs/entra-id.md. Default: one hour, an ID token's lifetime.
    /// </summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary><c>{Instance}{TenantId}/</c>, e.g. <c>https://login.microsoftonline.com/{tenant GUID}/</c>.</summary>
    public Uri Authority => new(Instance.TrimEnd('/') + "/" + TenantId.Trim() + "/");

    public bool HasClientSecret => !string.IsNullOrWhiteSpace(ClientSecret);

    public bool HasCertificate => !string.IsNullOrWhiteSpace(CertificatePath) || !string.IsNullOrWhiteSpace(CertificateThumbprint);
}
