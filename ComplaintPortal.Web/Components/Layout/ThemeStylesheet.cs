using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace ComplaintPortal.Web.Components.Layout;

/// <summary>
/// The MudBlazor theme's CSS (palette variables, typography, shadows, scrollbar) as one static stylesheet,
/// built once at start-up from <see cref="PortalTheme.Theme"/> instead of a <c>&lt;style&gt;</c> that a
/// <c>MudThemeProvider</c> builds and keeps in every circuit (about 25 KB each, bench/README.md). The light
/// palette sits on <c>:root</c>, the dark one on <c>:root.portal-dark</c>: switching is a class on
/// <c>&lt;html&gt;</c>, set by the prerender from the cookie and by <c>portal.js</c> when the person switches.
/// </summary>
public sealed partial class ThemeStylesheet
{
    public const string Path = "/theme.css";

    /// <summary>Class on <c>&lt;html&gt;</c> that selects the dark palette.</summary>
    public const string DarkClass = "portal-dark";

    private ThemeStylesheet(string css)
    {
        Css = css;
        Version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(css)))[..16];
    }

    public string Css { get; }

    /// <summary>Hash of the content: the link carries it, so the stylesheet can be cached for a year.</summary>
    public string Version { get; }

    /// <summary>The address pages link to (changes whenever the theme does).</summary>
    public string Href => Path + "?v=" + Version;

    /// <summary>Renders <c>MudThemeProvider</c> once per palette and keeps only its styles.</summary>
    public static async Task<ThemeStylesheet> BuildAsync(IServiceProvider services, MudTheme theme)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        var light = await StylesAsync(renderer, theme, dark: false);
        var dark = await StylesAsync(renderer, theme, dark: true);
        var css = new StringBuilder()
            .AppendLine("/* MudBlazor theme of the portal (generated at start-up from PortalTheme). Light palette: */")
            .AppendLine(light)
            .AppendLine("/* Dark palette: <html class=\"" + DarkClass + "\">. */")
            .AppendLine(RootSelector().Replace(dark, ":root." + DarkClass))
            .ToString();
        return new ThemeStylesheet(css);
    }

    private static Task<string> StylesAsync(HtmlRenderer renderer, MudTheme theme, bool dark) =>
        renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<MudThemeProvider>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = theme,
                [nameof(MudThemeProvider.IsDarkMode)] = dark,
            }));
            var html = output.ToHtmlString();
            return string.Join('\n', StyleBlocks().Matches(html).Select(m => m.Groups[1].Value.Trim()));
        });

    [GeneratedRegex("<style[^>]*>(.*?)</style>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex StyleBlocks();

    [GeneratedRegex(@":root\b", RegexOptions.CultureInvariant)]
    private static partial Regex RootSelector();
}
