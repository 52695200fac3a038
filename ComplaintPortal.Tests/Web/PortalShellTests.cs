using System.Net;
using System.Text.Json;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Web;

public sealed class PortalShellTests : IClassFixture<PortalShellTests.App>
{
    private readonly App app;

    public PortalShellTests(App app) => this.app = app;

    [Fact]
    public async Task Health_endpoint_reports_the_database_reachable_without_sign_in()
    {
        var response = await app.CreatePortalClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("reachable", json.RootElement.GetProperty("database").GetString());
    }

    [Theory]
    [InlineData("zh-CN", "zh-Hans", "登录")]
    [InlineData("zh-TW", "zh-Hant", "登入")]
    [InlineData("zh-HK", "zh-Hant", "登入")]
    [InlineData("en-US", "en", "Sign in")]
    [InlineData("fr-FR", "zh-Hans", "登录")]
    public async Task Language_follows_the_browser_and_chinese_is_written_as_text(string acceptLanguage, string lang, string title)
    {
        var client = app.CreatePortalClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);

        var html = await client.GetStringAsync("/account/login");

        Assert.Contains($"<html lang=\"{lang}\"", html, StringComparison.Ordinal);
        Assert.Contains($"<title>{title}</title>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("&#x[0-9A-F]{4,};", html); // CJK would be 4+ hex digits
    }

    [Fact]
    public async Task Chosen_language_is_remembered_in_a_cookie_over_the_browser_language()
    {
        var client = app.CreatePortalClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var switched = await client.GetAsync("/culture/set?culture=en&returnUrl=%2Faccount%2Flogin");

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/account/login", switched.Headers.Location!.OriginalString);
        Assert.Contains("<title>Sign in</title>", await client.GetStringAsync("/account/login"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_persons_chosen_language_is_kept_on_their_account_for_their_notice_mail()
    {
        var client = await app.SignedInAsync("head.qa");

        var switched = await client.GetAsync("/culture/set?culture=zh-Hant&returnUrl=%2Fnotices");

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        await using var db = app.Database.CreateContext();
        Assert.Equal("zh-Hant", await db.Users.Where(u => u.UserName == "head.qa").Select(u => u.Language).SingleAsync());
        await client.GetAsync("/culture/set?culture=en&returnUrl=%2Fnotices");
        Assert.Equal("en", await db.Users.Where(u => u.UserName == "head.qa").Select(u => u.Language).SingleAsync());
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task Language_switch_never_redirects_off_site(string returnUrl)
    {
        var response = await app.CreatePortalClient().GetAsync($"/culture/set?culture=zh-Hant&returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Unsupported_language_is_refused()
    {
        var response = await app.CreatePortalClient().GetAsync("/culture/set?culture=de&returnUrl=%2F");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Responses_carry_the_security_headers()
    {
        var response = await app.CreatePortalClient().GetAsync("/account/login");

        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/account/login", null)]
    [InlineData("/", "intake")]
    [InlineData("/", "admin")]
    public async Task Pages_carry_no_inline_script_and_the_policy_forbids_it(string path, string? user)
    {
        var client = user is null ? app.CreatePortalClient() : await app.SignedInAsync(user);

        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var scriptSrc = policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src", StringComparison.Ordinal));
        Assert.Equal("script-src 'self'", scriptSrc);
        var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script\\b[^>]*>").Select(m => m.Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, tag => Assert.Contains(" src=", tag, StringComparison.Ordinal));
        Assert.DoesNotMatch("\\son[a-z]+=\"", html);
    }

    [Fact]
    public async Task Unknown_page_shows_the_friendly_not_found_page()
    {
        var client = await app.SignedInAsync("intake");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var response = await client.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_stylesheet_and_script_the_page_links_is_served_without_sign_in()
    {
        var client = app.CreatePortalClient();
        var html = await client.GetStringAsync("/account/login");
        var links = System.Text.RegularExpressions.Regex.Matches(html, "(?:href|src)=\"([^\"]+\\.(?:css|js))\"")
            .Select(m => m.Groups[1].Value).ToList();

        Assert.Contains(links, l => l.Contains("MudBlazor.min", StringComparison.Ordinal) && l.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(links, l => l.Contains("blazor.web", StringComparison.Ordinal));
        Assert.DoesNotContain(links, l => l.Contains("bootstrap", StringComparison.OrdinalIgnoreCase));
        foreach (var link in links)
        {
            var response = await client.GetAsync("/" + link.TrimStart('/'));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link} answered {(int)response.StatusCode}");
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100, $"{link} is empty");
        }
    }

    public sealed class App : PortalAppFactory;
}
