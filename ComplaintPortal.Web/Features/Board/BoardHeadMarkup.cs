using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ComplaintPortal.Domain.Board;
using ComplaintPortal.Web.Components.Shared;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>
/// The parts of the board around its rows that are the same on every board with the same totals or filters: the
/// totals as MudChip markup, the column headers and the export and wall links. Each is one string per language
/// (and totals or filters), shared by every open board, so a board circuit keeps one render-tree frame for each
/// instead of dozens (every open board holds two render trees of its page; bench/README.md, memory per circuit).
/// </summary>
public static class BoardHeadMarkup
{
    private const string ChipIcon = "mud-icon-root mud-svg-icon mud-icon-size-small mud-chip-icon";
    private const string ActionIcon = "mud-icon-root mud-svg-icon mud-icon-size-small";
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly MarkupMemo<(string Culture, BoardTotals Totals)> TotalsMade = new(2048);
    private static readonly MarkupMemo<string> HeadersMade = new(2048);
    private static readonly MarkupMemo<(string Culture, string Query)> ActionsMade = new(2048);

    /// <summary>
    /// The totals (overdue, due soon, on track, paused, and no deadline yet while there are any) as MudChip markup, each
    /// with its icon and word.
    /// </summary>
    public static MarkupString Totals(BoardTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        return TotalsMade.Get((CultureInfo.CurrentUICulture.Name, totals), _ =>
        {
            var html = new StringBuilder(1024);
            Chip(html, "error", "total-overdue", Icons.Material.Filled.Error, BoardText.Board_State_Overdue, totals.Overdue);
            Chip(html, "warning", "total-due-soon", Icons.Material.Filled.Schedule, BoardText.Board_State_DueSoon, totals.DueSoon);
            Chip(html, "success", "total-on-track", Icons.Material.Filled.CheckCircle, BoardText.Board_State_OnTrack, totals.OnTrack);
            Chip(html, "info", "total-paused", Icons.Material.Filled.PauseCircle, BoardText.Board_State_Paused, totals.Paused);
            if (totals.WithoutDeadline > 0)
            {
                // Cases with no unmet deadline (for example waiting for the callback) have a chip of their own while
                // there are any, so the chips always add up to the open count above them.
                Chip(html, "default", "total-no-deadline", Icons.Material.Outlined.HourglassEmpty, BoardText.Board_NoDeadline, totals.WithoutDeadline);
            }
            return new MarkupString(html.ToString());
        });
    }

    /// <summary>The header row: one <c>th</c> per column, in the order of <see cref="BoardColumns.All"/>.</summary>
    public static MarkupString Headers() =>
        HeadersMade.Get(CultureInfo.CurrentUICulture.Name, _ =>
        {
            var html = new StringBuilder("<tr>");
            foreach (var column in BoardColumns.All)
            {
                html.Append("<th scope=\"col\">").Append(Encoder.Encode(BoardColumns.Header(column))).Append("</th>");
            }

            return new MarkupString(html.Append("</tr>").ToString());
        });

    /// <summary>The export (same filters as the screen) and wall links of a board showing <paramref name="filter"/>.</summary>
    /// <param name="query"><paramref name="filter"/>'s query string (<see cref="BoardQueryString.Format"/>), which the board keeps.</param>
    public static MarkupString Actions(BoardFilter filter, string query)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(query);
        return ActionsMade.Get((CultureInfo.CurrentUICulture.Name, query), _ => new MarkupString(
            "<a class=\"board-action\" href=\"/board/export.xlsx" + Encoder.Encode(query) + "\" download data-export data-test=\"export\">"
            + SvgIcons.Markup(Icons.Material.Outlined.FileDownload, ActionIcon).Value + Encoder.Encode(BoardText.Board_Export) + "</a>"
            + "<a class=\"board-action\" href=\"/board" + Encoder.Encode(BoardQueryString.Format(filter, wall: true)) + "\" data-test=\"wall-toggle\">"
            + SvgIcons.Markup(Icons.Material.Outlined.Fullscreen, ActionIcon).Value + Encoder.Encode(BoardText.Board_Wall) + "</a>"));
    }

    private static void Chip(StringBuilder html, string color, string test, string icon, string word, int count) =>
        html.Append("<div class=\"mud-chip-container\"><div class=\"mud-chip mud-chip-text mud-chip-size-medium mud-chip-color-").Append(color)
            .Append("\" tabindex=\"-1\" data-test=\"").Append(test).Append("\">").Append(SvgIcons.Markup(icon, ChipIcon).Value)
            .Append("<span class=\"mud-chip-content\">").Append(Encoder.Encode(word)).Append(' ')
            .Append(Encoder.Encode(count.ToString("N0", CultureInfo.CurrentCulture))).Append("</span></div></div>");
}
