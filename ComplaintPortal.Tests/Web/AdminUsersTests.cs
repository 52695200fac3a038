using System.Net;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Web;

public sealed class AdminUsersTests : IDisposable
{
    private readonly PortalAppFactory app = new();

    [Fact]
    public async Task Administrator_creates_a_user_with_department_and_roles_who_can_then_sign_in()
    {
        var admin = await app.SignedInAsync("admin");
        var quality = await app.WithDbAsync(db => db.Departments.SingleAsync(d => d.Code == DepartmentCatalog.Quality));

        var response = await admin.PostFormAsync("/admin/users", "create-user", new()
        {
            ["Input.UserName"] = "liu.yang",
            ["Input.DisplayName"] = "刘洋",
            ["Input.DepartmentId"] = quality.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Password"] = "Strong#Pass2026",
            ["roles"] = PortalRoles.DepartmentHandler,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-user=\"liu.yang\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var home = await (await app.SignedInAsync("liu.yang", "Strong#Pass2026")).GetStringAsync("/");
        Assert.Contains("data-role=\"DepartmentHandler\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_user_without_antiforgery_token_is_rejected_and_creates_nothing()
    {
        var admin = await app.SignedInAsync("admin");

        var response = await admin.PostFormAsync("/admin/users", "create-user", new()
        {
            ["Input.UserName"] = "forged",
            ["Input.DisplayName"] = "Forged",
            ["Input.Password"] = "Strong#Pass2026",
        }, includeAntiforgery: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "forged")));
    }

    [Fact]
    public async Task Weak_password_gets_a_localized_policy_error_and_keeps_the_input()
    {
        var admin = await app.SignedInAsync("admin");
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var response = await admin.PostFormAsync("/admin/users", "create-user", new()
        {
            ["Input.UserName"] = "weak.user",
            ["Input.DisplayName"] = "弱密码",
            ["Input.Password"] = "short",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("密码至少需要 10 个字符", html, StringComparison.Ordinal);
        Assert.Contains("value=\"weak.user\"", html, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "weak.user")));
    }

    [Fact]
    public async Task Locked_user_cannot_sign_in_until_unlocked()
    {
        var admin = await app.SignedInAsync("admin");
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "archivist").Select(u => u.Id).SingleAsync());

        await admin.PostFormAsync($"/admin/users/{id}", "lock-user", []);
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.SignedInAsync("archivist"));

        await admin.PostFormAsync($"/admin/users/{id}", "unlock-user", []);
        Assert.NotNull(await app.SignedInAsync("archivist"));
    }

    [Fact]
    public async Task Stale_edit_is_refused_instead_of_overwriting_a_newer_change()
    {
        var admin = await app.SignedInAsync("admin");
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "handler.eng").Select(u => u.Id).SingleAsync());
        var staleStamp = await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.ConcurrencyStamp!).SingleAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByIdAsync(id))!;
            user.DisplayName = "另一位管理员改的名字";
            await users.UpdateAsync(user);
        }

        var response = await admin.PostFormAsync($"/admin/users/{id}", "save-user", new()
        {
            ["Input.DisplayName"] = "过期的修改",
            ["Input.ConcurrencyStamp"] = staleStamp,
            ["roles"] = PortalRoles.DepartmentHandler,
        });

        Assert.Contains("其他人已修改", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("另一位管理员改的名字", await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).SingleAsync()));
    }

    public void Dispose() => app.Dispose();
}
