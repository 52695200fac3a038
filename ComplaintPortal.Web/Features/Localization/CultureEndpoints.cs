using ComplaintPortal.Web.Features.Account;
using Microsoft.AspNetCore.Localization;

namespace ComplaintPortal.Web.Features.Localization;

internal static class CultureEndpoints
{
    public const string SetPath = "/culture/set";

    /// <summary>Remembers the chosen language for a year and returns to the page the user was on (local paths only).</summary>
    public static IEndpointRouteBuilder MapCultureEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(SetPath, (HttpContext context, TimeProvider time, string? culture, string? returnUrl) =>
        {
            if (!PortalCultures.IsSupported(culture))
            {
                return Results.BadRequest();
            }

            context.Response.Cookies.Append(
                PortalCultures.CookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture!)),
                new CookieOptions
                {
                    Expires = time.GetUtcNow().AddYears(1),
                    IsEssential = true,
                    HttpOnly = true,
                    Secure = context.Request.IsHttps,
                    SameSite = SameSiteMode.Lax,
                });
            return Results.LocalRedirect(AccountRoutes.SafeReturnUrl(returnUrl));
        }).AllowAnonymous();
        return endpoints;
    }
}
