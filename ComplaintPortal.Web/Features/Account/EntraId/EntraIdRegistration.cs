using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Web.Features.Account.EntraId;

public static class EntraIdRegistration
{
    /// <summary>
    /// Reads <c>Authentication:Mode</c>. In Local mode nothing else is registered; in EntraId mode the
    /// <c>AzureAd</c> settings (validated at start-up), the remote scheme and its services.
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

        services.AddOptions<EntraIdSettings>().Bind(configuration.GetSection(EntraIdSettings.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EntraIdSettings>, EntraIdSettingsValidator>());
        services.TryAddSingleton<IEntraTokenRedeemer, MsalTokenRedeemer>();
        services.AddScoped<EntraIdUserLink>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<EntraIdAuthenticationOptions>, EntraIdPostConfigureOptions>());
        services.AddOptions<EntraIdAuthenticationOptions>(EntraIdDefaults.AuthenticationScheme)
            .Configure<IOptions<EntraIdSettings>>((o, settings) => o.CallbackPath = settings.Value.CallbackPath);

        services.AddAuthentication()
            .AddRemoteScheme<EntraIdAuthenticationOptions, EntraIdAuthenticationHandler>(
                EntraIdDefaults.AuthenticationScheme, EntraIdDefaults.DisplayName, o =>
                {
                    // The portal's normal session: the Identity application cookie.
                    o.SignInScheme = IdentityConstants.ApplicationScheme;
                    o.AccessDeniedPath = AccountRoutes.NoAccess;
                    o.Events.OnRemoteFailure = OnRemoteFailureAsync;
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
                    [EntraIdDefaults.AuthenticationScheme]))
            .AllowAnonymous();
        return endpoints;
    }

    /// <summary>Where sign-out ends: Entra ID's end-session endpoint, which then returns to the login page.</summary>
    public static string EndSessionUrl(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.RequestServices.GetRequiredService<IOptions<EntraIdSettings>>().Value;
        var request = context.Request;
        var back = $"{request.Scheme}://{request.Host}{request.PathBase}{AccountRoutes.Login}";
        return $"{settings.Authority.AbsoluteUri}oauth2/v2.0/logout?post_logout_redirect_uri={Uri.EscapeDataString(back)}";
    }

    /// <summary>The origin of Entra ID's end-session endpoint in EntraId mode (for the content security policy), else null.</summary>
    public static string? SignOutOrigin(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetRequiredService<IOptions<PortalAuthenticationSettings>>().Value.UsesEntraId
            ? services.GetRequiredService<IOptions<EntraIdSettings>>().Value.Authority.GetLeftPart(UriPartial.Authority)
            : null;
    }

    /// <summary>A tampered or stale callback, or a failed redemption: logged, and the login page says so.</summary>
    private static Task OnRemoteFailureAsync(RemoteFailureContext context)
    {
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EntraIdAuthenticationHandler));
        logger.LogWarning(context.Failure, "Entra ID sign-in refused: {Reason}", context.Failure?.Message);
        context.Response.Redirect($"{AccountRoutes.Login}?{AccountRoutes.EntraIdFailedFlag}=1");
        context.HandleResponse();
        return Task.CompletedTask;
    }
}
