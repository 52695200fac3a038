using System.Net;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Admin;
using ComplaintPortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Web;

/// <summary>
/// An administrator's change to what someone may do (lock, roles, department, new password) renews their
/// security stamp; the sign-in cookie re-checks the stamp once the validation interval has passed on the
/// portal's clock, so the person's next request after that is refused.
/// </summary>
public sealed class SessionRevocationTests : IDisposable
{
    private static readonly TimeSpan PastTheInterval = PortalServices.SecurityStampInterval + TimeSpan.FromSeconds(1);

    private readonly SettableTimeProvider time = new();
    private readonly PortalAppFactory app;

    public SessionRevocationTests() => app = new PortalAppFactory(time: time);

    [Fact]
    public async Task Unchanged_account_stays_signed_in_past_the_interval()
    {
        var archivist = await app.SignedInAsync("archivist");

        time.Advance(PastTheInterval);

        Assert.Equal(HttpStatusCode.OK, (await archivist.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Locked_user_is_signed_out_on_the_first_request_after_the_interval()
    {
        var archivist = await app.SignedInAsync("archivist");
        Assert.Equal(HttpStatusCode.OK, (await archivist.GetAsync("/")).StatusCode);

        await AdminAsync(async (a, me) => await a.SetLockedAsync(await IdOfAsync("archivist"), true, me));
        time.Advance(PastTheInterval);

        await AssertSentToSignInAsync(archivist, "/");
    }

    [Fact]
    public async Task Removed_role_no_longer_opens_its_pages_after_the_interval()
    {
        var handler = await app.SignedInAsync("handler.qa");
        Assert.Equal(HttpStatusCode.OK, (await handler.GetAsync("/cases/queue")).StatusCode);

        var id = await IdOfAsync("handler.qa");
        await AdminAsync(async (a, me) =>
        {
            var user = (await a.FindAsync(id))!;
            return await a.UpdateAsync(id, new UserChanges(user.ConcurrencyStamp, user.DisplayName, user.Email, user.DepartmentId, [PortalRoles.ArchiveClerk]), me);
        });
        time.Advance(PastTheInterval);

        await AssertSentToSignInAsync(handler, "/cases/queue");
    }

    [Fact]
    public async Task Department_change_ends_the_session_that_carried_the_old_department()
    {
        var head = await app.SignedInAsync("head.qa");
        var id = await IdOfAsync("head.qa");
        var engineering = await app.WithDbAsync(db => db.Departments.Where(d => d.Code == DepartmentCatalog.Engineering).Select(d => d.Id).SingleAsync());

        await AdminAsync(async (a, me) =>
        {
            var user = (await a.FindAsync(id))!;
            return await a.UpdateAsync(id, new UserChanges(user.ConcurrencyStamp, user.DisplayName, user.Email, engineering, user.Roles), me);
        });
        time.Advance(PastTheInterval);

        await AssertSentToSignInAsync(head, "/");
    }

    [Fact]
    public async Task Password_reset_ends_the_sessions_opened_with_the_old_password()
    {
        var supervisor = await app.SignedInAsync("supervisor");

        await AdminAsync(async (a, me) => await a.ResetPasswordAsync(await IdOfAsync("supervisor"), "Reset#Pass2026", me));
        time.Advance(PastTheInterval);

        await AssertSentToSignInAsync(supervisor, "/");
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync("supervisor", "Reset#Pass2026")).GetAsync("/")).StatusCode);
    }

    private static async Task AssertSentToSignInAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
    }

    private async Task AdminAsync(Func<UserAdministration, string, Task<Microsoft.AspNetCore.Identity.IdentityResult>> change)
    {
        var me = await IdOfAsync("admin");
        await using var scope = app.Services.CreateAsyncScope();
        var result = await change(scope.ServiceProvider.GetRequiredService<UserAdministration>(), me);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private Task<string> IdOfAsync(string userName) =>
        app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    public void Dispose() => app.Dispose();
}
