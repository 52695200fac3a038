using ComplaintPortal.Domain.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintPortal.Web.Features.Account;

internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A form post: the framework validates its antiforgery token before this runs.
        endpoints.MapPost(AccountRoutes.Logout, async (SignInManager<PortalUser> signInManager, [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect(AccountRoutes.Login);
        }).RequireAuthorization(p => p.RequireAuthenticatedUser());
        return endpoints;
    }
}
