using System.Net;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Web;

public class SharedKeyRingTests
{
    [Fact]
    public async Task Second_instance_of_a_deployment_accepts_the_sign_in_of_the_first()
    {
        using var first = new PortalAppFactory();
        using var second = new PortalAppFactory(first.Database);
        var other = second.CreatePortalClient();

        var response = await first.CreatePortalClient().PostFormAsync("/account/login", "login", new()
        {
            ["Input.UserName"] = "intake",
            ["Input.Password"] = ComplaintPortal.Web.Hosting.DemoAccounts.Password,
        });
        var authCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cp.auth=", StringComparison.Ordinal)).Split(';')[0];
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", authCookie);

        var home = await other.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        // The ring is in the database both instances use; no folder is shared or even written.
        Assert.True(await first.WithDbAsync(db => db.KeyRing.AnyAsync(k => k.Xml!.Contains("<key "))));
        Assert.Empty(Directory.EnumerateFiles(first.Database.Folder, "key-*.xml", SearchOption.AllDirectories));
    }
}
