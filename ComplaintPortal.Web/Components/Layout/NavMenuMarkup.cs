using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using ComplaintPortal.Web.Components.Shared;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Components;

namespace ComplaintPortal.Web.Components.Layout;

/// <summary>
/// The drawer menu as plain markup with MudBlazor's nav classes: the same look as <c>MudNavMenu</c> /
/// <c>MudNavLink</c>, without their 2 components (and <c>NavLink</c>, <c>MudIcon</c>) per entry in every circuit, and
/// without a menu component either: the layout writes it (<see cref="MainLayout"/>). One string per (language, entries
/// shown, active entry), the labelled <c>&lt;nav&gt;</c> included, built once and shared by every circuit.
/// </summary>
public static class NavMenuMarkup
{
    private const string IconClass = "mud-icon-root mud-svg-icon mud-icon-size-medium mud-nav-link-icon mud-nav-link-icon-default";

    private static readonly ConcurrentDictionary<(string Culture, string Entries, string? Active), MarkupString> Made = new();

    /// <summary>
    /// The entry that is the current page: the one whose address is the path, or else the longest one the path
    /// lies under (segment by segment), so that on <c>/archive/desk</c> only the desk lights up, not also
    /// <c>/archive</c>, while a box under <c>/archive/…</c> still lights up the archive browser. The home entry
    /// matches only itself.
    /// </summary>
    public static string? ActiveHref(IEnumerable<NavEntry> entries, string path)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var current = Normalise(path);
        string? best = null;
        foreach (var entry in entries)
        {
            var href = entry.Href;
            var matches = href == "/"
                ? current == "/"
                : current.Equals(href, StringComparison.OrdinalIgnoreCase)
                  || (current.StartsWith(href, StringComparison.OrdinalIgnoreCase) && current[href.Length] == '/');
            if (matches && (best is null || href.Length > best.Length))
            {
                best = href;
            }
        }

        return best;
    }

    public static MarkupString Markup(IReadOnlyList<NavEntry> entries, string? activeHref)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var culture = CultureInfo.CurrentUICulture.Name;
        var key = (culture, string.Join('|', entries.Select(e => e.Href)), activeHref);
        return Made.GetOrAdd(key, _ => Build(entries, activeHref));
    }

    private static MarkupString Build(IReadOnlyList<NavEntry> entries, string? activeHref)
    {
        if (entries.Count == 0)
        {
            return new MarkupString("");
        }

        var html = new StringBuilder(entries.Count * 520);
        html.Append("<nav class=\"mud-navmenu mud-navmenu-default pt-2\" data-test=\"nav\" aria-label=\"").Append(Encode(UiText.Nav_Label)).Append("\">");
        foreach (var entry in entries)
        {
            var active = entry.Href == activeHref;
            html.Append("<div class=\"mud-nav-item mud-ripple\" data-nav=\"").Append(Encode(entry.Href)).Append("\">")
                .Append("<a href=\"").Append(Encode(entry.Href)).Append("\" class=\"mud-nav-link mud-ripple")
                .Append(active ? " active\" aria-current=\"page\">" : "\">")
                .Append(SvgIcons.Markup(entry.Icon, IconClass).Value)
                .Append("<div class=\"mud-nav-link-text\">").Append(Encode(entry.Title)).Append("</div></a></div>");
        }

        return new MarkupString(html.Append("</nav>").ToString());
    }

    private static string Normalise(string path)
    {
        var end = path.AsSpan().IndexOfAny('?', '#');
        var clean = end >= 0 ? path[..end] : path;
        clean = "/" + clean.Trim('/');
        return clean;
    }

    private static string Encode(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
