using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Account;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Account;

/// <summary>
/// What every open circuit's periodic re-check decides (<see cref="PortalRevalidatingAuthenticationStateProvider"/>):
/// a user signed in as they still are keeps the circuit; a renewed security stamp, a lock or a deleted account ends it.
/// Against the real app's services and database file.
/// </summary>
public sealed class CircuitRevalidationTests : IDisposable
{
    private readonly SettableTimeProvider time = new();
    private readonly PortalAppFactory app;

    public CircuitRevalidationTests() => app = new PortalAppFactory(time: time);

    [Fact]
    public async Task The_same_account_keeps_its_circuit()
    {
        var signedIn = await SignedInStateAsync("handler.qa");

        Assert.True(await StillValidAsync(signedIn));
    }

    [Fact]
    public async Task A_renewed_security_stamp_ends_the_circuit()
    {
        var signedIn = await SignedInStateAsync("handler.qa");

        await WithUserAsync("handler.qa", (users, user) => users.UpdateSecurityStampAsync(user));

        Assert.False(await StillValidAsync(signedIn));
    }

    [Fact]
    public async Task A_lock_ends_the_circuit_and_a_past_lock_does_not()
    {
        var signedIn = await SignedInStateAsync("archivist");

        // A lockout that ended before now (set without renewing the stamp) leaves the circuit alone ...
        await app.WithDbAsync(async db =>
            await db.Users.Where(u => u.UserName == "archivist").ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, time.GetUtcNow().AddMinutes(-1))));
        Assert.True(await StillValidAsync(signedIn));

        // ... one that runs past now ends it, on the portal's clock, once the shared read of a second ago is past.
        await app.WithDbAsync(async db =>
            await db.Users.Where(u => u.UserName == "archivist").ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, time.GetUtcNow().AddMinutes(5))));
        time.Advance(AccountStandings.Freshness);
        Assert.False(await StillValidAsync(signedIn));

        time.Advance(TimeSpan.FromMinutes(6));
        Assert.True(await StillValidAsync(signedIn));
    }

    [Fact]
    public async Task The_circuits_of_one_account_share_a_read_made_within_a_second_and_see_a_change_after_it()
    {
        // Two circuits of one account (say two wall screens), re-checked in the same second: one read answers both.
        var first = await SignedInStateAsync("handler.qa");
        var second = await SignedInStateAsync("handler.qa");
        Assert.True(await StillValidAsync(first));
        await WithUserAsync("handler.qa", (users, user) => users.UpdateSecurityStampAsync(user));
        Assert.True(await StillValidAsync(second));

        // A second later both read again and both end.
        time.Advance(AccountStandings.Freshness);
        Assert.False(await StillValidAsync(second));
        Assert.False(await StillValidAsync(first));

        // Another account's circuit is read for itself.
        var other = await SignedInStateAsync("head.qa");
        Assert.True(await StillValidAsync(other));
    }

    [Fact]
    public async Task A_deleted_account_ends_the_circuit()
    {
        var signedIn = await SignedInStateAsync("supervisor");

        await WithUserAsync("supervisor", (users, user) => users.DeleteAsync(user));

        Assert.False(await StillValidAsync(signedIn));
    }

    [Fact]
    public async Task A_circuit_with_no_user_id_is_not_kept()
    {
        var anonymous = new AuthenticationState(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity()));

        Assert.False(await StillValidAsync(anonymous));
    }

    private async Task<AuthenticationState> SignedInStateAsync(string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        // The principal the sign-in cookie carries: user id, roles, department and the security stamp of the moment.
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<PortalUser>>().CreateUserPrincipalAsync(user);
        return new AuthenticationState(principal);
    }

    private async Task WithUserAsync(string userName, Func<UserManager<PortalUser>, PortalUser, Task<IdentityResult>> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var result = await change(users, await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private async Task<bool> StillValidAsync(AuthenticationState state)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var provider = Assert.IsType<PortalRevalidatingAuthenticationStateProvider>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
        return await provider.StillValidAsync(state, CancellationToken.None);
    }

    public void Dispose() => app.Dispose();
}
