using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Web.Features.Account.EntraId;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Web.Features.Account;

internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A form post: the framework validates its antiforgery token before this runs.
        endpoints.MapPost(AccountRoutes.Logout, async (HttpContext context, SignInManager<PortalUser> signInManager, IOptions<PortalAuthenticationSettings> authentication, [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            // In EntraId mode the Entra ID session ends too, or the next sign-in would be silent.
            return authentication.Value.UsesEntraId
                ? await EntraIdRegistration.SignOutAsync(context)
                : TypedResults.LocalRedirect(AccountRoutes.Login);
        }).RequireAuthorization(p => p.RequireAuthenticatedUser());
        endpoints.MapEntraIdEndpoints();
        return endpoints;
    }
}
