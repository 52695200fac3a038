using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ComplaintPortal.Web.Features.Account.EntraId;

public static class EntraIdRegistration
{
    /// <summary>The OpenID Connect scheme Microsoft.Identity.Web registers; it only ever signs in to Identity's cookie.</summary>
    public const string Scheme = OpenIdConnectDefaults.AuthenticationScheme;

    public const string DisplayName = "Microsoft Entra ID";

    /// <summary>
    /// Reads <c>Authentication:Mode</c>. In Local mode nothing else is registered; in EntraId mode the
    /// <c>AzureAd</c> settings (validated at start-up) and Microsoft.Identity.Web's OpenID Connect
    /// scheme, adjusted so that a sign-in ends in the portal's own session (see <see cref="EntraIdSignIn"/>).
    /// </summary>
    public static IServiceCollection AddPortalEntraId(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var mode = PortalAuthenticationSettings.ReadMode(configuration);
        services.Configure<PortalAuthenticationSettings>(o => o.Mode = mode);
        if (mode != PortalAuthenticationMode.EntraId)
        {
            return services;
        }

        var section = configuration.GetSection(EntraIdSettings.SectionName);
        services.AddOptions<EntraIdSettings>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EntraIdSettings>, EntraIdSettingsValidator>());
        services.AddScoped<EntraIdUserLink>();
        services.AddEntraIdSessionLifetime();
        services.TryAddSingleton<EntraIdClientCertificate>();

        // No cookie scheme of its own (cookieScheme: null): the session is Identity's application cookie.
        services.AddAuthentication()
            .AddMicrosoftIdentityWebApp(section, Scheme, cookieScheme: null, displayName: DisplayName);

        // Registered after Microsoft.Identity.Web's own configuration, so these settings win.
        services.AddOptions<OpenIdConnectOptions>(Scheme).Configure<IOptions<EntraIdSettings>>((o, settings) =>
        {
            o.SignInScheme = IdentityConstants.ApplicationScheme;
            o.SignOutScheme = IdentityConstants.ApplicationScheme;
            // Authorization code with PKCE, answered by form post: no token in the address bar, and the
            // code is redeemed with the app's credential (ID tokens under "implicit grant" stay off).
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.ResponseMode = OpenIdConnectResponseMode.FormPost;
            o.UsePkce = true;
            o.CallbackPath = settings.Value.CallbackPath;
            // Claims keep their JWT names (roles, oid, tid, groups), which the role map is written in.
            o.MapInboundClaims = false;
            // The portal keeps no Entra ID tokens after sign-in.
            o.SaveTokens = false;
            o.AccessDeniedPath = AccountRoutes.NoAccess;
            o.SignedOutRedirectUri = AccountRoutes.Login;
            // Front-channel sign-out cannot reach the SameSite=Lax session cookie from Entra ID's
            // iframe, and unauthenticated GETs that end sessions are better not offered at all.
            o.RemoteSignOutPath = PathString.Empty;
            EntraIdSignIn.Attach(o.Events);
        });
        return services;
    }

    /// <summary>The Entra ID endpoints, mapped only in EntraId mode.</summary>
    public static IEndpointRouteBuilder MapEntraIdEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<PortalAuthenticationSettings>>().Value.UsesEntraId)
        {
            return endpoints;
        }

        // Public on purpose: it only sends the visitor to Entra ID; the callback path is handled by the scheme.
        endpoints.MapGet(AccountRoutes.EntraIdSignIn, ([FromQuery] string? returnUrl) =>
                TypedResults.Challenge(
                    new AuthenticationProperties { RedirectUri = AccountRoutes.SafeReturnUrl(returnUrl) },
                    [Scheme]))
            .AllowAnonymous();
        return endpoints;
    }

    /// <summary>
    /// After the portal session has ended: sends the browser to Entra ID's end-session endpoint (from
    /// the discovery document), which returns it through the signed-out callback to the login page.
    /// If Entra ID cannot be reached, the portal session is still over and the login page is shown.
    /// </summary>
    public static async Task<IResult> SignOutAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await context.SignOutAsync(Scheme, new AuthenticationProperties { RedirectUri = AccountRoutes.Login });
            return TypedResults.Empty;
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException or IOException)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EntraIdRegistration))
                .LogWarning(exception, "Entra ID end-session endpoint unavailable; the portal session ended without it");
            return TypedResults.LocalRedirect(AccountRoutes.Login);
        }
    }

    /// <summary>The origin of Entra ID's end-session endpoint in EntraId mode (for the content security policy), else null.</summary>
    public static string? SignOutOrigin(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetRequiredService<IOptions<PortalAuthenticationSettings>>().Value.UsesEntraId
            ? services.GetRequiredService<IOptions<EntraIdSettings>>().Value.Authority.GetLeftPart(UriPartial.Authority)
            : null;
    }
}
