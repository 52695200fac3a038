using System.Security.Claims;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Web.Features.Account;
using Microsoft.AspNetCore.Localization;

namespace ComplaintPortal.Web.Features.Localization;

internal static class CultureEndpoints
{
    public const string SetPath = "/culture/set";

    /// <summary>Remembers the chosen language for a year and returns to the page the user was on (local paths only).</summary>
    public static IEndpointRouteBuilder MapCultureEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(SetPath, async (HttpContext context, TimeProvider time, NoticeMailing mailing, string? culture, string? returnUrl) =>
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
            // Kept on the account too: the person's notice mail is written in it.
            if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
            {
                await mailing.RememberLanguageAsync(userId, culture!, context.RequestAborted);
            }

            return Results.LocalRedirect(AccountRoutes.SafeReturnUrl(returnUrl));
        }).AllowAnonymous();
        return endpoints;
    }
}
