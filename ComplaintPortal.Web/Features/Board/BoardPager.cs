using System.Globalization;
using System.Text;
using ComplaintPortal.Web.Components.Shared;
using ComplaintPortal.Web.Features.Localization;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>
/// The board's pager as the markup <c>MudPagination Size="Size.Small"</c> writes (same classes, icons and
/// MudBlazor's own localized labels), but as links to <c>/board?…&amp;page=N</c> instead of 10 components with
/// click handlers: every open board circuit would hold those components and their render trees (bench/README.md,
/// memory per circuit). A link click is an in-circuit navigation, which the board turns into a page load.
/// One string per (language, pages, page, filter), shared by every board showing the same.
/// </summary>
public static class BoardPager
{
    private const int Boundary = 2;
    private const int Middle = 3;
    private const string Item = "mud-pagination-item";
    private const string PageButton = "mud-button-root mud-button mud-button-text mud-button-text-default mud-button-text-size-small";
    private const string CurrentButton = "mud-button-root mud-button mud-button-filled mud-button-filled-primary mud-button-filled-size-small";
    private const string ArrowButton = "mud-button-root mud-icon-button mud-ripple mud-ripple-icon mud-icon-button-size-small";
    private const string ArrowIcon = "mud-icon-root mud-svg-icon mud-icon-size-small";
    private const int Gap = -1;

    private static readonly PortalMudLocalizer Labels = new();
    private static readonly MarkupMemo<(string Culture, int Pages, int Page, string Query)> Made = new(512);

    /// <summary>The pager for <paramref name="pages"/> pages with the zero-based <paramref name="pageIndex"/> shown.</summary>
    /// <param name="href">The address of a zero-based page (the board with its filters).</param>
    /// <param name="query">What <paramref name="href"/> depends on besides the page (the filters' query string).</param>
    public static MarkupString Markup(int pages, int pageIndex, string query, Func<int, string> href)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(href);
        return Made.Get((CultureInfo.CurrentUICulture.Name, pages, pageIndex, query), key => Build(key.Pages, key.Page, href));
    }

    /// <summary>
    /// The one-based page numbers to show, <see cref="Gap"/> for "…": every page when there are few, else the first
    /// and last two, the current page with one either side, and a gap only where it hides more than one page.
    /// </summary>
    public static IReadOnlyList<int> Numbers(int pages, int current)
    {
        if (pages <= 2 * Boundary + Middle + 2)
        {
            return Enumerable.Range(1, Math.Max(1, pages)).ToList();
        }

        // The middle block stays clear of the boundaries: it slides, so the row always has the same length.
        var middleStart = Math.Clamp(current - Middle / 2, Boundary + 2, pages - Boundary - Middle);
        var shown = new List<int>();
        shown.AddRange(Enumerable.Range(1, Boundary));
        shown.Add(middleStart == Boundary + 2 ? Boundary + 1 : Gap);
        shown.AddRange(Enumerable.Range(middleStart, Middle));
        var middleEnd = middleStart + Middle - 1;
        shown.Add(middleEnd == pages - Boundary - 1 ? pages - Boundary : Gap);
        shown.AddRange(Enumerable.Range(pages - Boundary + 1, Boundary));
        return shown;
    }

    private static MarkupString Build(int pages, int pageIndex, Func<int, string> href)
    {
        var current = pageIndex + 1;
        var html = new StringBuilder(2048);
        html.Append("<ul class=\"mud-pagination mud-pagination-text mud-pagination-small\">");
        Arrow(html, Labels["MudPagination_PreviousPage"], Icons.Material.Filled.NavigateBefore, current > 1 ? href(pageIndex - 1) : null, "previous");
        foreach (var number in Numbers(pages, current))
        {
            if (number == Gap)
            {
                html.Append("<li class=\"").Append(Item).Append("\"><p aria-hidden=\"true\" class=\"mud-typography mud-typography-body1\">…</p></li>");
            }
            else if (number == current)
            {
                html.Append("<li class=\"").Append(Item).Append(" mud-pagination-item-selected\"><a class=\"").Append(CurrentButton)
                    .Append("\" aria-current=\"page\" aria-label=\"").Append(Encode(Labels["MudPagination_CurrentPage", number]))
                    .Append("\" href=\"").Append(Encode(href(number - 1))).Append("\"><span class=\"mud-button-label\">")
                    .Append(number.ToString(CultureInfo.InvariantCulture)).Append("</span></a></li>");
            }
            else
            {
                html.Append("<li class=\"").Append(Item).Append("\"><a class=\"").Append(PageButton)
                    .Append("\" aria-label=\"").Append(Encode(Labels["MudPagination_PageIndex", number]))
                    .Append("\" data-page-link=\"").Append(number.ToString(CultureInfo.InvariantCulture))
                    .Append("\" href=\"").Append(Encode(href(number - 1))).Append("\"><span class=\"mud-button-label\">")
                    .Append(number.ToString(CultureInfo.InvariantCulture)).Append("</span></a></li>");
            }
        }

        Arrow(html, Labels["MudPagination_NextPage"], Icons.Material.Filled.NavigateNext, current < pages ? href(pageIndex + 1) : null, "next");
        html.Append("</ul>");
        return new MarkupString(html.ToString());
    }

    // A link when there is a page that way; else a disabled button, as MudBlazor shows it.
    private static void Arrow(StringBuilder html, string label, string icon, string? target, string direction)
    {
        html.Append("<li class=\"").Append(Item).Append("\">");
        html.Append(target is null ? "<button type=\"button\" disabled" : "<a").Append(" class=\"").Append(ArrowButton)
            .Append("\" aria-label=\"").Append(Encode(label)).Append("\" data-page-link=\"").Append(direction).Append('"');
        if (target is not null)
        {
            html.Append(" href=\"").Append(Encode(target)).Append('"');
        }

        html.Append("><span class=\"mud-icon-button-label\">").Append(SvgIcons.Markup(icon, ArrowIcon).Value).Append("</span>")
            .Append(target is null ? "</button>" : "</a>").Append("</li>");
    }

    private static string Encode(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
