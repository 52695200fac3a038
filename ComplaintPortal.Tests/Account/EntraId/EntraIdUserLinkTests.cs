using System.Net;
using System.Security.Claims;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Web.Features.Account;
using ComplaintPortal.Web.Features.Account.EntraId;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Account.EntraId;

/// <summary>The portal's own record of an Entra ID user: created, linked, kept in step with the token.</summary>
public sealed partial class EntraIdUserLinkTests : IClassFixture<EntraIdApp>
{
    private readonly EntraIdApp app;

    public EntraIdUserLinkTests(EntraIdApp app) => this.app = app;

    [Fact]
    public async Task First_sign_in_creates_a_portal_user_linked_by_object_id_with_the_token_roles()
    {
        var oid = Guid.NewGuid().ToString();
        using var browser = app.CreateBrowser();

        await browser.SignInAsync(LocalEntraAuthority.ClaimsFor(oid, PortalRoles.IntakeClerk, PortalRoles.Supervisor));

        var (user, roles) = await FindLinkedAsync(oid);
        Assert.Equal(oid + "@contoso.example", user.UserName);
        Assert.Equal("测试用户 " + oid, user.DisplayName);
        Assert.Null(user.PasswordHash);
        Assert.Equal([PortalRoles.IntakeClerk, PortalRoles.Supervisor], roles.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Later_sign_ins_follow_the_token_roles_and_keep_the_administrators_department()
    {
        var oid = Guid.NewGuid().ToString();
        using (var first = app.CreateBrowser())
        {
            await first.SignInAsync(LocalEntraAuthority.ClaimsFor(oid, PortalRoles.DepartmentHandler));
        }

        var engineering = await app.WithDbAsync(db => db.Departments.SingleAsync(d => d.Code == DepartmentCatalog.Engineering));
        await WithUsersAsync(async users =>
        {
            var user = await users.FindByLoginAsync(EntraIdUserLink.LoginProvider, oid);
            user!.DepartmentId = engineering.Id; // what the admin user page saves
            await users.UpdateAsync(user);
        });

        using var second = app.CreateBrowser();
        await second.SignInAsync(LocalEntraAuthority.ClaimsFor(oid, PortalRoles.DepartmentHead));

        var (again, roles) = await FindLinkedAsync(oid);
        Assert.Equal(engineering.Id, again.DepartmentId);
        Assert.Equal([PortalRoles.DepartmentHead], roles);
        Assert.Contains("工程部", await (await second.GetAsync("/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrator_sets_the_department_on_the_user_page_and_it_survives_the_next_sign_in()
    {
        var handlerOid = Guid.NewGuid().ToString();
        using (var first = app.CreateBrowser())
        {
            await first.SignInAsync(LocalEntraAuthority.ClaimsFor(handlerOid, PortalRoles.DepartmentHandler));
        }

        var handlerId = (await FindLinkedAsync(handlerOid)).User.Id;
        var quality = await app.WithDbAsync(db => db.Departments.SingleAsync(d => d.Code == DepartmentCatalog.Quality));
        using var admin = app.CreateBrowser();
        await admin.SignInAsync(LocalEntraAuthority.ClaimsFor(Guid.NewGuid().ToString(), PortalRoles.Administrator));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users/" + handlerId)).StatusCode);

        // The user page (interactive) saves through UserAdministration, as here.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var administration = scope.ServiceProvider.GetRequiredService<ComplaintPortal.Web.Features.Admin.UserAdministration>();
            var loaded = (await administration.FindAsync(handlerId))!;
            var saved = await administration.UpdateAsync(handlerId,
                new(loaded.ConcurrencyStamp, "质量部 新同事", null, quality.Id, [PortalRoles.DepartmentHandler]), actingUserId: "");
            Assert.True(saved.Succeeded);
        }

        using var again = app.CreateBrowser();
        await again.SignInAsync(LocalEntraAuthority.ClaimsFor(handlerOid, PortalRoles.DepartmentHandler));

        Assert.Equal(quality.Id, (await FindLinkedAsync(handlerOid)).User.DepartmentId);
        Assert.Contains("质量部", await (await again.GetAsync("/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Department_claim_or_group_sets_the_department()
    {
        var byClaim = Guid.NewGuid().ToString();
        var byGroup = Guid.NewGuid().ToString();
        var claims = LocalEntraAuthority.ClaimsFor(byClaim, PortalRoles.DepartmentHandler);
        claims.Add(new Claim("extension_department", DepartmentCatalog.Engineering));
        var groupClaims = LocalEntraAuthority.ClaimsFor(byGroup, PortalRoles.DepartmentHandler);
        groupClaims.Add(new Claim("groups", EntraIdApp.QualityGroup));

        using var browser = app.CreateBrowser();
        await browser.SignInAsync(claims);
        using var other = app.CreateBrowser();
        await other.SignInAsync(groupClaims);

        var departments = await app.WithDbAsync(db => db.Departments.ToDictionaryAsync(d => d.Id, d => d.Code));
        Assert.Equal(DepartmentCatalog.Engineering, departments[(await FindLinkedAsync(byClaim)).User.DepartmentId!.Value]);
        Assert.Equal(DepartmentCatalog.Quality, departments[(await FindLinkedAsync(byGroup)).User.DepartmentId!.Value]);
    }

    [Fact]
    public async Task User_without_a_portal_role_sees_the_no_access_page_and_gets_no_session()
    {
        var oid = Guid.NewGuid().ToString();
        using var browser = app.CreateBrowser();

        var response = await browser.SignInAsync(LocalEntraAuthority.ClaimsFor(oid, "Reader"));

        Assert.Equal(AccountRoutes.NoAccess, EntraIdBrowser.Target(response).AbsolutePath);
        Assert.False(browser.HasSession);
        var request = new HttpRequestMessage(HttpMethod.Get, AccountRoutes.NoAccess);
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var page = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("尚未获得平台访问权限", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await FindLinkedAsync(oid)).Roles);
    }

    [Fact]
    public async Task Losing_every_app_role_removes_the_portal_roles()
    {
        var oid = Guid.NewGuid().ToString();
        using (var first = app.CreateBrowser())
        {
            await first.SignInAsync(LocalEntraAuthority.ClaimsFor(oid, PortalRoles.Administrator));
        }

        using var second = app.CreateBrowser();
        var response = await second.SignInAsync(LocalEntraAuthority.ClaimsFor(oid));

        Assert.Equal(AccountRoutes.NoAccess, EntraIdBrowser.Target(response).AbsolutePath);
        Assert.Empty((await FindLinkedAsync(oid)).Roles);
    }

    [Fact]
    public async Task Local_account_with_the_same_name_is_not_taken_over()
    {
        var oid = Guid.NewGuid().ToString();
        await WithUsersAsync(async users =>
        {
            var local = new PortalUser { UserName = oid + "@contoso.example", DisplayName = "local" };
            Assert.True((await users.CreateAsync(local, "Local#Pass2026")).Succeeded);
        });
        using var browser = app.CreateBrowser();

        await browser.SignInAsync(LocalEntraAuthority.ClaimsFor(oid, PortalRoles.Leadership));

        var (user, _) = await FindLinkedAsync(oid);
        Assert.Equal("entra-" + oid, user.UserName);
        await WithUsersAsync(async users =>
        {
            var local = await users.FindByNameAsync(oid + "@contoso.example");
            Assert.Empty(await users.GetLoginsAsync(local!));
        });
    }

    [Fact]
    public async Task Account_locked_by_an_administrator_is_refused()
    {
        var oid = Guid.NewGuid().ToString();
        using (var first = app.CreateBrowser())
        {
            await first.SignInAsync(LocalEntraAuthority.ClaimsFor(oid, PortalRoles.Supervisor));
        }

        await WithUsersAsync(async users =>
        {
            var user = await users.FindByLoginAsync(EntraIdUserLink.LoginProvider, oid);
            await users.SetLockoutEndDateAsync(user!, DateTimeOffset.MaxValue);
        });
        using var browser = app.CreateBrowser();

        var response = await browser.SignInAsync(LocalEntraAuthority.ClaimsFor(oid, PortalRoles.Supervisor));

        Assert.Equal(AccountRoutes.Lockout, EntraIdBrowser.Target(response).AbsolutePath);
        Assert.False(browser.HasSession);
    }

    private async Task<(PortalUser User, IList<string> Roles)> FindLinkedAsync(string oid)
    {
        (PortalUser, IList<string>)? found = null;
        await WithUsersAsync(async users =>
        {
            var user = await users.FindByLoginAsync(EntraIdUserLink.LoginProvider, oid)
                ?? throw new InvalidOperationException("No portal user is linked to " + oid);
            found = (user, await users.GetRolesAsync(user));
        });
        return found!.Value;
    }

    private async Task WithUsersAsync(Func<UserManager<PortalUser>, Task> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>());
    }
}
