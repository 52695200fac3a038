using System.Security.Claims;
using ComplaintPortal.Domain.Organisation;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Web.Features.Account;

/// <summary>
/// Re-checks every open circuit's user against the database on a short interval: a changed security
/// stamp (password, lock, role or department change) or a locked or deleted account ends the circuit's
/// signed-in state, so an open page loses its rights without waiting for the cookie to expire; so does an
/// Entra ID session past its lifetime (<see cref="EntraId.EntraIdSession"/>).
/// </summary>
internal sealed class PortalRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IOptions<IdentityOptions> identityOptions,
    TimeProvider time)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    public static TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    protected override TimeSpan RevalidationInterval => Interval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var principal = authenticationState.User;
        // An Entra ID sign-in older than its lifetime: back through Entra ID, where a disabled account ends.
        var entraId = scope.ServiceProvider.GetRequiredService<IOptions<EntraId.EntraIdSettings>>().Value;
        if (EntraId.EntraIdSession.IsStale(principal, time.GetUtcNow(), entraId.SessionLifetime))
        {
            return false;
        }

        var user = await users.GetUserAsync(principal);
        if (user is null || (user.LockoutEnd is { } end && end > time.GetUtcNow()))
        {
            return false;
        }

        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }

        var claimed = principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType);
        return claimed == await users.GetSecurityStampAsync(user);
    }
}
