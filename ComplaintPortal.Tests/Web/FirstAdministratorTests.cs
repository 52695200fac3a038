using System.Net;
using System.Reflection;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Setup;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Web;

public class FirstAdministratorTests
{
    [Fact]
    public async Task Outside_development_no_demo_account_exists_and_setup_needs_the_logged_code()
    {
        using var app = new PortalAppFactory("Production");
        var client = app.CreatePortalClient();
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync()));

        var wrong = await client.PostFormAsync("/setup", "setup", Fields("WRONGCODE1"));
        Assert.Contains("初始化代码不正确", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync()));

        var code = LoggedCode(app.Services.GetRequiredService<FirstAdministratorSetup>());
        var right = await client.PostFormAsync("/setup", "setup", Fields(code));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);

        var admin = await app.SignedInAsync("chief", "Chief#Admin2026");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);
        var closed = await client.GetStringAsync("/setup");
        Assert.Contains("data-test=\"setup-closed\"", closed, StringComparison.Ordinal);
        // Not a dead end: the way on is the sign-in, or home for one already signed in.
        Assert.Matches("href=\"/account/login\"[^>]*data-test=\"setup-closed-next\"|data-test=\"setup-closed-next\"[^>]*href=\"/account/login\"", closed);
        var signedIn = await admin.GetStringAsync("/setup");
        Assert.Contains("您已登录", signedIn, StringComparison.Ordinal);
        Assert.Matches("href=\"/\"[^>]*data-test=\"setup-closed-next\"|data-test=\"setup-closed-next\"[^>]*href=\"/\"", signedIn);
        var replayFields = Fields(code);
        replayFields["_handler"] = "setup";
        replayFields["__RequestVerificationToken"] = PortalClient.AntiforgeryToken(await client.GetStringAsync("/account/login"));
        var replay = await client.PostAsync("/setup", new FormUrlEncodedContent(replayFields));
        // Once closed, the set-up form no longer exists, so a replayed post is refused outright.
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task First_administrator_can_be_given_through_configuration()
    {
        using var app = new PortalAppFactory("Production");
        app.Settings["Bootstrap:AdminUserName"] = "ops.admin";
        app.Settings["Bootstrap:AdminPassword"] = "Config#Admin2026";

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var admins = await users.GetUsersInRoleAsync(PortalRoles.Administrator);

        Assert.Equal("ops.admin", Assert.Single(admins).UserName);
        Assert.False(app.Services.GetRequiredService<FirstAdministratorSetup>().IsPending);
    }

    private static Dictionary<string, string> Fields(string code) => new()
    {
        ["Input.Code"] = code,
        ["Input.UserName"] = "chief",
        ["Input.DisplayName"] = "首席管理员",
        ["Input.Password"] = "Chief#Admin2026",
    };

    // The code is only ever written to the server log; the test reads it where the log line came from.
    private static string LoggedCode(FirstAdministratorSetup setup) =>
        (string)typeof(FirstAdministratorSetup).GetField("setupCode", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(setup)!;
}
