using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ComplaintPortal.Web.Components.Shared;
using ComplaintPortal.Web.Features.Localization;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Components;

namespace ComplaintPortal.Web.Components.Layout;

/// <summary>
/// The language switch: one link per language to the cookie-writing GET endpoint, which returns to the page.
/// Plain markup, one string per (language, page) shared by every circuit on that page, so the app bar of an
/// open board holds no component for it (bench/README.md, memory per circuit).
/// </summary>
public static class CultureLinks
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly MarkupMemo<(string Culture, string ReturnPath)> Made = new(1024);

    /// <param name="returnPath">The page to come back to, relative to the site root (<c>/board?sort=Received</c>).</param>
    public static MarkupString Markup(string returnPath)
    {
        ArgumentNullException.ThrowIfNull(returnPath);
        return Made.Get((CultureInfo.CurrentUICulture.Name, returnPath), key => Build(key.Culture, key.ReturnPath));
    }

    /// <summary>The page <paramref name="navigation"/> is on, as the switch's return address.</summary>
    public static string ReturnPath(NavigationManager navigation)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        return "/" + navigation.ToBaseRelativePath(navigation.Uri);
    }

    // Each language names itself, so a reader who cannot read the current one still finds theirs.
    public static string Label(string culture) => culture switch
    {
        PortalCultures.SimplifiedChinese => "简体",
        PortalCultures.TraditionalChinese => "繁體",
        _ => "EN",
    };

    private static MarkupString Build(string current, string returnPath)
    {
        var html = new StringBuilder(640);
        html.Append("<div class=\"portal-culture\" role=\"group\" aria-label=\"").Append(Encoder.Encode(UiText.Culture_Label))
            .Append("\" data-test=\"culture-switcher\">");
        foreach (var culture in PortalCultures.Supported)
        {
            var active = culture == current;
            var href = $"{CultureEndpoints.SetPath}?culture={culture}&returnUrl={Uri.EscapeDataString(returnPath)}";
            html.Append("<a class=\"portal-culture-link").Append(active ? " active\" aria-current=\"true\"" : "\"")
                .Append(" hreflang=\"").Append(culture).Append("\" lang=\"").Append(culture).Append("\" data-culture=\"").Append(culture)
                .Append("\" data-enhance-nav=\"false\" target=\"_top\" href=\"").Append(Encoder.Encode(href)).Append("\">")
                .Append(Encoder.Encode(Label(culture))).Append("</a>");
        }

        return new MarkupString(html.Append("</div>").ToString());
    }
}
