using System.Net;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Account;

namespace ComplaintPortal.Tests.Web;

public sealed class ReturnUrlTests : IClassFixture<ReturnUrlTests.App>
{
    private readonly App app;

    public ReturnUrlTests(App app) => this.app = app;

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/\r\n/evil.example")]
    [InlineData("/\u3000/evil.example")]
    [InlineData("/ok\u0000")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    public void Anything_but_a_plain_local_path_returns_home(string returnUrl) =>
        Assert.Equal("/", AccountRoutes.SafeReturnUrl(returnUrl));

    [Fact]
    public void Non_ascii_paths_are_percent_encoded_so_they_fit_a_location_header() =>
        Assert.Equal("/search?q=%E7%8E%8B%E5%B0%8F%E6%98%8E", AccountRoutes.SafeReturnUrl("/search?q=王小明"));

    [Theory]
    [InlineData("%2F%09%2Fevil.example")]
    [InlineData("%2F%0A%2Fevil.example")]
    [InlineData("%2F%E3%80%80%2Fevil.example")]
    [InlineData("%2Fsearch%3Fq%3D%E7%8E%8B")]
    public async Task Culture_switch_never_answers_500_whatever_the_return_url(string encodedReturnUrl)
    {
        var response = await app.CreatePortalClient().GetAsync("/culture/set?culture=en&returnUrl=" + encodedReturnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var target = response.Headers.Location!.OriginalString;
        Assert.True(target == "/" || target.StartsWith("/search?q=%E7%8E%8B", StringComparison.Ordinal), target);
    }

    [Fact]
    public async Task Sign_in_with_a_hostile_return_url_lands_home()
    {
        var client = app.CreatePortalClient();
        var response = await client.PostFormAsync("/account/login?returnUrl=%2F%09%2Fevil.example", "login", new()
        {
            ["Input.UserName"] = "intake",
            ["Input.Password"] = ComplaintPortal.Web.Hosting.DemoAccounts.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
    }

    public sealed class App : PortalAppFactory;
}
