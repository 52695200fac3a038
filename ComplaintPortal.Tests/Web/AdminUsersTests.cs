using System.Globalization;
using System.Net;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Web;

/// <summary>
/// The account administration the users pages run (create, search, edit, lock, password reset), through the
/// portal's own services on its database; the pages' forms are covered by the bUnit tests in Components/Admin.
/// </summary>
public sealed class AdminUsersTests : IDisposable
{
    private readonly PortalAppFactory app = new();

    [Fact]
    public async Task Administrator_creates_a_user_with_department_and_roles_who_can_then_sign_in()
    {
        var quality = await app.WithDbAsync(db => db.Departments.SingleAsync(d => d.Code == DepartmentCatalog.Quality));

        var result = await AdminAsync(a => a.CreateAsync(new NewUser
        {
            UserName = "liu.yang", DisplayName = "刘洋", DepartmentId = quality.Id, Password = "Strong#Pass2026", Roles = [PortalRoles.DepartmentHandler],
        }));

        Assert.True(result.Succeeded);
        var home = await (await app.SignedInAsync("liu.yang", "Strong#Pass2026")).GetStringAsync("/");
        Assert.Contains("data-role=\"DepartmentHandler\"", home, StringComparison.Ordinal);
        Assert.Contains("质量部", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Email_is_optional_and_an_empty_field_stores_none()
    {
        var result = await AdminAsync(a => a.CreateAsync(new NewUser
        {
            UserName = "no.mail", DisplayName = "无邮箱", Email = "  ", Password = "Strong#Pass2026", Roles = [PortalRoles.ArchiveClerk],
        }));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "no.mail").Select(u => u.Email).SingleAsync()));
        Assert.Null(AccountInput.EmailProblem(""));
        Assert.NotNull(AccountInput.EmailProblem("not-an-address"));
    }

    [Fact]
    public async Task User_without_a_role_is_refused_on_the_roles_field_and_not_created()
    {
        var result = await AdminAsync(a => a.CreateAsync(new NewUser { UserName = "nobody", DisplayName = "无角色", Password = "Strong#Pass2026" }));

        Assert.False(result.Succeeded);
        Assert.NotNull(AccountFieldErrors.From(result).Roles);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "nobody")));
    }

    [Fact]
    public async Task A_department_handler_or_head_without_a_department_is_refused_on_the_department_field()
    {
        var handler = await AdminAsync(a => a.CreateAsync(new NewUser
        {
            UserName = "no.department", DisplayName = "无部门", Password = "Strong#Pass2026", Roles = [PortalRoles.DepartmentHandler],
        }));

        Assert.False(handler.Succeeded);
        Assert.NotNull(AccountFieldErrors.From(handler).Department);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "no.department")));

        // Taking the department away from an existing handler is refused the same way, and the account keeps it.
        var (id, me) = (await IdOfAsync("handler.eng"), await IdOfAsync("admin"));
        var head = (await AdminAsync(a => a.FindAsync(id)))!;
        var update = await AdminAsync(a => a.UpdateAsync(id, new UserChanges(head.ConcurrencyStamp, head.DisplayName, head.Email, null, head.Roles), me));
        Assert.Equal(UserAdministration.DepartmentRequiredCode, Assert.Single(update.Errors).Code);
        Assert.NotNull(await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.DepartmentId).SingleAsync()));
    }

    [Fact]
    public async Task Weak_password_gets_a_localized_policy_error_on_the_password_field()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
        try
        {
            var result = await AdminAsync(a => a.CreateAsync(new NewUser
            {
                UserName = "weak.user", DisplayName = "弱密码", Password = "short", Roles = [PortalRoles.IntakeClerk],
            }));

            var errors = AccountFieldErrors.From(result);
            Assert.Contains("密码至少需要 10 个字符", errors.Password, StringComparison.Ordinal);
            Assert.Null(errors.UserName);
            Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "weak.user")));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task Search_role_status_and_paging_narrow_the_list_on_the_server()
    {
        var handlers = await AdminAsync(a => a.PageAsync(new UserQuery(Search: "HANDLER")));
        Assert.Equal(["handler.eng", "handler.fin", "handler.prod", "handler.qa", "handler.rnd"], handlers.Rows.Select(r => r.UserName));

        var heads = await AdminAsync(a => a.PageAsync(new UserQuery(Role: PortalRoles.DepartmentHead, SortBy: UserSort.UserName, Descending: true)));
        Assert.Equal(["head.qa", "head.eng"], heads.Rows.Select(r => r.UserName));

        var secondPage = await AdminAsync(a => a.PageAsync(new UserQuery(Search: "handler", Page: 1, PageSize: 2)));
        Assert.Equal(5, secondPage.Total);
        Assert.Equal(["handler.prod", "handler.qa"], secondPage.Rows.Select(r => r.UserName));

        var (archivist, admin) = (await IdOfAsync("archivist"), await IdOfAsync("admin"));
        await AdminAsync(a => a.SetLockedAsync(archivist, true, admin));
        var locked = await AdminAsync(a => a.PageAsync(new UserQuery(Status: UserStatusFilter.Locked)));
        Assert.Equal("archivist", Assert.Single(locked.Rows).UserName);
        Assert.True(locked.Rows[0].IsLocked);
    }

    [Fact]
    public async Task Locked_user_cannot_sign_in_until_unlocked()
    {
        var (id, me) = (await IdOfAsync("archivist"), await IdOfAsync("admin"));

        Assert.True((await AdminAsync(a => a.SetLockedAsync(id, true, me))).Succeeded);
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.SignedInAsync("archivist"));

        Assert.True((await AdminAsync(a => a.SetLockedAsync(id, false, me))).Succeeded);
        Assert.NotNull(await app.SignedInAsync("archivist"));
    }

    [Fact]
    public async Task Administrator_cannot_lock_or_reset_the_password_of_their_own_account()
    {
        var me = await IdOfAsync("admin");

        Assert.False((await AdminAsync(a => a.SetLockedAsync(me, true, me))).Succeeded);
        Assert.False((await AdminAsync(a => a.ResetPasswordAsync(me, "Other#Pass2026x", me))).Succeeded);
        Assert.NotNull(await app.SignedInAsync("admin"));
    }

    [Fact]
    public async Task Stale_edit_is_refused_instead_of_overwriting_a_newer_change()
    {
        var id = await IdOfAsync("handler.eng");
        var stale = (await AdminAsync(a => a.FindAsync(id)))!;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByIdAsync(id))!;
            user.DisplayName = "另一位管理员改的名字";
            await users.UpdateAsync(user);
        }

        var me = await IdOfAsync("admin");
        var result = await AdminAsync(a => a.UpdateAsync(id, new UserChanges(stale.ConcurrencyStamp, "过期的修改", null, stale.DepartmentId, stale.Roles), me));

        Assert.Equal(nameof(IdentityErrorDescriber.ConcurrencyFailure), Assert.Single(result.Errors).Code);
        Assert.Equal("另一位管理员改的名字", await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task Password_reset_must_meet_the_policy_and_replaces_the_old_password()
    {
        var (id, me) = (await IdOfAsync("supervisor"), await IdOfAsync("admin"));

        var weak = await AdminAsync(a => a.ResetPasswordAsync(id, "weak", me));
        Assert.NotNull(AccountFieldErrors.From(weak).Password);

        Assert.True((await AdminAsync(a => a.ResetPasswordAsync(id, "Reset#Pass2026", me))).Succeeded);
        Assert.NotNull(await app.SignedInAsync("supervisor", "Reset#Pass2026"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.SignedInAsync("supervisor"));
    }

    [Fact]
    public async Task Users_page_of_an_unknown_account_answers_not_found()
    {
        var admin = await app.SignedInAsync("admin");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/users/no-such-user")).StatusCode);
    }

    private async Task<T> AdminAsync<T>(Func<UserAdministration, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserAdministration>());
    }

    private Task<string> IdOfAsync(string userName) =>
        app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    public void Dispose() => app.Dispose();
}
