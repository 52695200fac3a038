using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Web.Features.Account.EntraId;

public static class EntraIdDefaults
{
    public const string AuthenticationScheme = "EntraId";
    public const string DisplayName = "Microsoft Entra ID";

    /// <summary>Key of the PKCE verifier inside the protected state.</summary>
    public const string CodeVerifierKey = "entra.code_verifier";
}

/// <summary>Options of <see cref="EntraIdAuthenticationHandler"/>: the framework's remote-sign-in settings (callback path, correlation cookie, state format).</summary>
public sealed class EntraIdAuthenticationOptions : RemoteAuthenticationOptions
{
    public EntraIdAuthenticationOptions()
    {
        CallbackPath = "/signin-oidc";
        Events = new RemoteAuthenticationEvents();
    }

    public new RemoteAuthenticationEvents Events
    {
        get => (RemoteAuthenticationEvents)base.Events!;
        set => base.Events = value;
    }

    /// <summary>The state parameter: the authentication properties, encrypted and signed by data protection.</summary>
    public ISecureDataFormat<AuthenticationProperties> StateDataFormat { get; set; } = default!;
}

/// <summary>Supplies the state protector the way the framework's OAuth handlers do.</summary>
public sealed class EntraIdPostConfigureOptions(IDataProtectionProvider dataProtection) : IPostConfigureOptions<EntraIdAuthenticationOptions>
{
    public void PostConfigure(string? name, EntraIdAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.DataProtectionProvider ??= dataProtection;
        if (options.StateDataFormat is null)
        {
            var protector = options.DataProtectionProvider.CreateProtector(typeof(EntraIdAuthenticationHandler).FullName!, name ?? "", "v1");
            options.StateDataFormat = new PropertiesDataFormat(protector);
        }
    }
}
