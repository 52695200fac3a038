namespace ComplaintPortal.Web.Features.Account.EntraId;

/// <summary>Where the portal's users prove who they are (<c>Authentication:Mode</c>).</summary>
public enum PortalAuthenticationMode
{
    /// <summary>ASP.NET Core Identity accounts with passwords kept by the portal (the default).</summary>
    Local = 0,

    /// <summary>Microsoft Entra ID (Azure AD): authorization-code flow with PKCE; roles come from app roles.</summary>
    EntraId = 1,
}

/// <summary>The <c>Authentication</c> configuration section.</summary>
public sealed class PortalAuthenticationSettings
{
    public const string SectionName = "Authentication";

    public PortalAuthenticationMode Mode { get; set; } = PortalAuthenticationMode.Local;

    public bool UsesEntraId => Mode == PortalAuthenticationMode.EntraId;

    /// <summary>Reads the mode; an unknown value stops start-up with a message that names the setting.</summary>
    public static PortalAuthenticationMode ReadMode(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var raw = configuration[SectionName + ":" + nameof(Mode)];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return PortalAuthenticationMode.Local;
        }

        return Enum.TryParse<PortalAuthenticationMode>(raw.Trim(), ignoreCase: true, out var mode) && Enum.IsDefined(mode)
            ? mode
            : throw new InvalidOperationException(
                $"Authentication:Mode is '{raw}'; it must be '{nameof(PortalAuthenticationMode.Local)}' or '{nameof(PortalAuthenticationMode.EntraId)}'.");
    }
}
