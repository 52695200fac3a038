using System.Net;
using System.Text.RegularExpressions;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Components.Layout;

namespace ComplaintPortal.Tests.Web;

/// <summary>The MudBlazor theme as one static stylesheet (<see cref="ThemeStylesheet"/>), not a style block per circuit.</summary>
public sealed partial class ThemeStylesheetTests : IClassFixture<ThemeStylesheetTests.App>
{
    private readonly App app;

    public ThemeStylesheetTests(App app) => this.app = app;

    [Fact]
    public async Task Pages_link_the_versioned_theme_stylesheet_and_carry_no_theme_style_block()
    {
        var html = await (await app.SignedInAsync("intake")).GetStringAsync("/");

        Assert.Matches(ThemeLink(), html);
        Assert.DoesNotContain("--mud-palette-primary:", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Theme_stylesheet_is_served_without_sign_in_as_css_cacheable_for_a_year()
    {
        var client = app.CreatePortalClient();
        var href = ThemeLink().Match(await client.GetStringAsync("/account/login")).Groups[1].Value;

        var response = await client.GetAsync(href);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        var cache = response.Headers.CacheControl!;
        Assert.True(cache.Public);
        Assert.Equal(TimeSpan.FromDays(365), cache.MaxAge);
        Assert.Contains(cache.Extensions, e => e.Name == "immutable");
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task Theme_stylesheet_holds_the_light_palette_on_root_and_the_dark_one_under_the_dark_class()
    {
        var css = await app.CreatePortalClient().GetStringAsync(ThemeStylesheet.Path);

        var dark = css.IndexOf(":root." + ThemeStylesheet.DarkClass, StringComparison.Ordinal);
        Assert.True(dark > 0, "no dark palette");
        var (lightPart, darkPart) = (css[..dark], css[dark..]);
        Assert.Contains("--mud-palette-primary: " + Rgba(0x1f, 0x4e, 0x79), lightPart.Replace(":", ": ", StringComparison.Ordinal).Replace(":  ", ": ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("--mud-palette-primary: " + Rgba(0x64, 0xb5, 0xf6), darkPart.Replace(":", ": ", StringComparison.Ordinal).Replace(":  ", ": ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("<style", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Buttons_keep_their_words_as_written_in_light_and_dark()
    {
        // Material's default capitals turned 导出 Excel into 导出 EXCEL.
        var css = await app.CreatePortalClient().GetStringAsync(ThemeStylesheet.Path);

        Assert.Equal(2, ButtonTransform().Matches(css).Count(m => m.Groups[1].Value == "none"));
        Assert.DoesNotContain(ButtonTransform().Matches(css), m => m.Groups[1].Value != "none");
    }

    [Fact]
    public async Task Theme_stylesheet_answers_not_modified_to_a_browser_that_has_it()
    {
        var client = app.CreatePortalClient();
        var first = await client.GetAsync(ThemeStylesheet.Path);

        using var again = new HttpRequestMessage(HttpMethod.Get, ThemeStylesheet.Path);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Dark_choice_from_the_cookie_puts_the_dark_class_on_the_page()
    {
        var client = await app.SignedInAsync("intake");
        client.DefaultRequestHeaders.Add("Cookie", PortalTheme.CookieName + "=dark");

        var html = await client.GetStringAsync("/");

        Assert.Contains("class=\"" + ThemeStylesheet.DarkClass + "\"", html, StringComparison.Ordinal);
    }

    private static string Rgba(int r, int g, int b) => $"rgba({r},{g},{b},1)";

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(/theme\\.css\\?v=[0-9a-f]{16})\"")]
    private static partial Regex ThemeLink();

    public sealed class App : PortalAppFactory;

    [GeneratedRegex(@"--mud-typography-button-text-transform:\s*([a-z]+)")]
    private static partial Regex ButtonTransform();
}
