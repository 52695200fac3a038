using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Web.Features.Account.EntraId;

/// <summary>
/// The portal cannot hear that Entra ID disabled an account or removed an app role: after sign-in it keeps
/// no Entra ID token, only its own session. So a session that began with an Entra ID sign-in carries the
/// time of that sign-in, and once <see cref="EntraIdSettings.SessionLifetime"/> has passed the next request
/// (and every open circuit, <see cref="PortalRevalidatingAuthenticationStateProvider"/>) is refused: the
/// person passes through Entra ID again, silently while Entra ID still knows them, and a disabled account or
/// a removed role ends there. A lock, role change or department change made in the portal needs no such
/// wait: it renews the security stamp, which every request and circuit checks within seconds.
/// </summary>
public static class EntraIdSession
{
    /// <summary>Unix seconds of the Entra ID sign-in that started the session.</summary>
    public const string SignedInAtClaim = "portal:entra-signed-in-at";

    /// <summary>Marks a freshly signed-in principal with the time of its Entra ID sign-in.</summary>
    public static void Mark(ClaimsPrincipal principal, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(SignedInAtClaim, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>Whether the Entra ID sign-in behind this session is older than <paramref name="lifetime"/>; never for local sign-ins.</summary>
    public static bool IsStale(ClaimsPrincipal principal, DateTimeOffset now, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var value = principal.FindFirstValue(SignedInAtClaim);
        if (value is null)
        {
            return false;
        }

        return !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || now - DateTimeOffset.FromUnixTimeSeconds(seconds) > lifetime;
    }

    /// <summary>Checks the age on every request and keeps the mark when the security stamp check rebuilds the principal.</summary>
    internal static IServiceCollection AddEntraIdSessionLifetime(this IServiceCollection services)
    {
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            var inner = o.OnRefreshingPrincipal;
            o.OnRefreshingPrincipal = async context =>
            {
                if (context.CurrentPrincipal?.FindFirst(SignedInAtClaim) is { } mark && context.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    identity.AddClaim(new Claim(SignedInAtClaim, mark.Value));
                }

                if (inner is not null)
                {
                    await inner(context);
                }
            };
        });
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var inner = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async context =>
            {
                var requestServices = context.HttpContext.RequestServices;
                var lifetime = requestServices.GetRequiredService<IOptions<EntraIdSettings>>().Value.SessionLifetime;
                if (context.Principal is { } principal && IsStale(principal, requestServices.GetRequiredService<TimeProvider>().GetUtcNow(), lifetime))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                await inner(context);
            };
        });
        return services;
    }
}
