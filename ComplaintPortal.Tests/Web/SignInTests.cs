using System.Net;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Web;

public sealed class SignInTests : IDisposable
{
    private readonly PortalAppFactory app = new();

    [Fact]
    public async Task Demo_user_signs_in_and_sees_the_home_page_of_the_role()
    {
        var client = await app.SignedInAsync("head.qa");

        var home = await client.GetStringAsync("/");

        Assert.Contains("data-role=\"DepartmentHead\"", home, StringComparison.Ordinal);
        Assert.Contains("质量部", home, StringComparison.Ordinal);
        Assert.DoesNotContain("data-role=\"Administrator\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_localized_message()
    {
        var client = app.CreatePortalClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-TW");

        var response = await client.PostFormAsync("/account/login", "login", new()
        {
            ["Input.UserName"] = "intake",
            ["Input.Password"] = "Wrong#Password1",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("使用者名稱或密碼不正確", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_even_for_the_right_password()
    {
        var client = app.CreatePortalClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostFormAsync("/account/login", "login", new() { ["Input.UserName"] = "supervisor", ["Input.Password"] = "Nope#12345x" });
        }

        var response = await client.PostFormAsync("/account/login", "login", new()
        {
            ["Input.UserName"] = "supervisor",
            ["Input.Password"] = DemoAccounts.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/lockout", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Empty_form_is_rejected_with_required_field_messages()
    {
        var client = app.CreatePortalClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var response = await client.PostFormAsync("/account/login", "login", new() { ["Input.UserName"] = "", ["Input.Password"] = "" });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(2, html.Split("This field is required.").Length - 1);
    }

    [Fact]
    public async Task Sign_out_needs_the_antiforgery_token()
    {
        var client = await app.SignedInAsync("intake");

        var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        var page = await client.GetStringAsync("/");
        var real = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalClient.AntiforgeryToken(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Session_cookie_is_http_only_and_secure()
    {
        var client = app.CreatePortalClient();
        var response = await client.PostFormAsync("/account/login", "login", new()
        {
            ["Input.UserName"] = "intake",
            ["Input.Password"] = DemoAccounts.Password,
        });

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cp.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Sign_in_and_portal_pages_link_no_scoped_stylesheet_and_no_bootstrap()
    {
        var anonymous = app.CreatePortalClient();
        var admin = await app.SignedInAsync("admin");

        foreach (var html in new[]
        {
            await anonymous.GetStringAsync("/account/login"), await anonymous.GetStringAsync("/account/lockout"),
            await admin.GetStringAsync("/admin/users"), await admin.GetStringAsync("/account/password"),
        })
        {
            Assert.DoesNotContain(".styles.css", html, StringComparison.Ordinal);
            Assert.DoesNotContain("bootstrap", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("form-control", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Demo_accounts_exist_one_per_role()
    {
        _ = app.Server;
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();

        foreach (var role in PortalRoles.All)
        {
            Assert.NotEmpty(await users.GetUsersInRoleAsync(role));
        }
    }

    public void Dispose() => app.Dispose();
}
