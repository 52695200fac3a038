using System.Security.Claims;
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
/// <remarks>
/// Every open circuit runs this every <see cref="Interval"/>, wall screens included, so it reads only the account's stamp
/// and lockout, untracked, instead of loading and tracking the whole user through <see cref="UserManager{TUser}"/>, and the
/// circuits of one account share a read made within <see cref="AccountStandings.Freshness"/>.
/// </remarks>
internal sealed class PortalRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    AccountStandings standings,
    IOptions<IdentityOptions> identityOptions,
    IOptions<EntraId.EntraIdSettings> entraId,
    TimeProvider time)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    public static TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    protected override TimeSpan RevalidationInterval => Interval;

    /// <summary>Whether the circuit's user is still signed in as they were (what the revalidation loop asks).</summary>
    internal Task<bool> StillValidAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        ValidateAuthenticationStateAsync(authenticationState, cancellationToken);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var principal = authenticationState.User;
        var now = time.GetUtcNow();
        // An Entra ID sign-in older than its lifetime: back through Entra ID, where a disabled account ends.
        if (EntraId.EntraIdSession.IsStale(principal, now, entraId.Value.SessionLifetime))
        {
            return false;
        }

        var claims = identityOptions.Value.ClaimsIdentity;
        if (principal.FindFirstValue(claims.UserIdClaimType) is not { } userId)
        {
            return false;
        }

        var account = await standings.ReadAsync(userId, cancellationToken);
        return account is not null
            && !(account.LockoutEnd is { } end && end > now)
            && principal.FindFirstValue(claims.SecurityStampClaimType) == account.SecurityStamp;
    }
}
