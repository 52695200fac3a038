using System.Net;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Account;
using ComplaintPortal.Web.Features.Account.EntraId;
using ComplaintPortal.Web.Features.Admin;
using ComplaintPortal.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Account.EntraId;

/// <summary>
/// How an Entra ID user loses access. In the portal (a lock, a role taken away): the same as a local user,
/// at the next security-stamp check. In Entra ID (account disabled, app role removed): the portal cannot hear
/// it, so its session ends after <see cref="EntraIdSettings.SessionLifetime"/> and the person must pass
/// through Entra ID again, where a disabled account or a missing role ends it; any sign-in that shows a
/// removed role takes the role away from every open session too.
/// </summary>
public sealed class EntraIdRevocationTests : IDisposable
{
    private static readonly TimeSpan PastTheStampInterval = PortalServices.SecurityStampInterval + TimeSpan.FromSeconds(1);

    private readonly SettableTimeProvider time = new(DateTimeOffset.UtcNow);
    private readonly EntraIdApp app;

    public EntraIdRevocationTests() => app = EntraIdApp.WithClock(time);

    [Fact]
    public async Task Portal_lock_of_an_Entra_user_ends_the_open_session_like_a_local_one()
    {
        var oid = Guid.NewGuid().ToString();
        using var browser = app.CreateBrowser();
        await browser.SignInAsync(LocalEntraAuthority.ClaimsFor(oid, PortalRoles.Leadership));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var id = (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByLoginAsync(EntraIdUserLink.LoginProvider, oid))!.Id;
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserAdministration>().SetLockedAsync(id, true, "an-administrator")).Succeeded);
        }

        time.Advance(PastTheStampInterval);

        await AssertSentToSignInAsync(browser);
    }

    [Fact]
    public async Task App_role_removed_in_Entra_ends_every_open_session_once_any_sign_in_shows_it()
    {
        var oid = Guid.NewGuid().ToString();
        using var office = app.CreateBrowser();
        await office.SignInAsync(LocalEntraAuthority.ClaimsFor(oid, PortalRoles.Leadership));

        // The same person signs in elsewhere after the role was removed: no access there, and the roles go.
        using var phone = app.CreateBrowser();
        var refused = await phone.SignInAsync(LocalEntraAuthority.ClaimsFor(oid));
        Assert.Equal(AccountRoutes.NoAccess, EntraIdBrowser.Target(refused).AbsolutePath);
        time.Advance(PastTheStampInterval);

        await AssertSentToSignInAsync(office);
    }

    [Fact]
    public async Task Entra_session_ends_after_its_lifetime_so_a_disablement_in_Entra_takes_effect()
    {
        using var browser = app.CreateBrowser();
        await browser.SignInAsync(LocalEntraAuthority.ClaimsFor(Guid.NewGuid().ToString(), PortalRoles.Leadership));
        var lifetime = new EntraIdSettings().SessionLifetime;

        time.Advance(lifetime - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        time.Advance(TimeSpan.FromMinutes(2));
        await AssertSentToSignInAsync(browser);
    }

    [Fact]
    public async Task The_mark_of_the_Entra_sign_in_survives_the_security_stamp_refresh()
    {
        using var browser = app.CreateBrowser();
        await browser.SignInAsync(LocalEntraAuthority.ClaimsFor(Guid.NewGuid().ToString(), PortalRoles.Leadership));

        // Several stamp checks rebuild the principal; the session still ends at its Entra ID lifetime.
        for (var i = 0; i < 3; i++)
        {
            time.Advance(PastTheStampInterval);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        }

        time.Advance(new EntraIdSettings().SessionLifetime);
        await AssertSentToSignInAsync(browser);
    }

    public void Dispose() => app.Dispose();

    private static async Task AssertSentToSignInAsync(EntraIdBrowser browser)
    {
        var response = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AccountRoutes.Login, response.Headers.Location!.AbsolutePath);
        Assert.False(browser.HasSession);
    }
}
