using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ComplaintPortal.Domain.Board;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Features.Localization;
using ComplaintPortal.Web.Hosting;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Components;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>
/// Renders board rows once and shares them: the cells of a row are built once per language and reused by
/// every open board until the row, the names or the row's deadline state change. An open board then
/// holds references, not its own copy of 200 rows, and a change costs one rendering, not one per board.
/// Countdowns are not rendered here: the browser ticks them (<c>wwwroot/js/board-countdown.js</c>).
/// </summary>
public sealed class BoardRowMarkup(IServiceScopeFactory scopes, OrganisationClock clock, TimeProvider time)
{
    private const int MaxLines = 100_000;
    private static readonly TimeSpan LookupsLifetime = TimeSpan.FromMinutes(1);
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly ConcurrentDictionary<(int ComplaintId, string Culture), BoardLine> lines = new();
    private readonly ConcurrentDictionary<string, (BoardLookups Lookups, DateTimeOffset LoadedAt)> lookups = new();

    /// <summary>Category and department names in <paramref name="culture"/>, reloaded once a minute.</summary>
    public async Task<BoardLookups> LookupsAsync(CultureInfo culture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var now = time.GetUtcNow();
        if (lookups.TryGetValue(culture.Name, out var cached) && now - cached.LoadedAt < LookupsLifetime)
        {
            return cached.Lookups;
        }

        await using var scope = scopes.CreateAsyncScope();
        using var _ = new CultureScope(culture);
        var loaded = await BoardLookups.LoadAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), cancellationToken);
        // The same names keep the same instance, so the shared lines built with them stay valid: otherwise every
        // minute's boards would build and hold their own copy of every row (bench/README.md, memory per circuit).
        if (cached.Lookups is { } previous && previous.SameNames(loaded))
        {
            loaded = previous;
        }

        lookups[culture.Name] = (loaded, now);
        return loaded;
    }

    /// <summary>The shared line for <paramref name="row"/>: the cached one while it still shows the same, else a new one.</summary>
    public BoardLine Line(BoardRow row, BoardLookups names, CultureInfo culture, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(culture);
        var state = StateKey(row, now);
        var key = (row.ComplaintId, culture.Name);
        if (lines.TryGetValue(key, out var line) && ReferenceEquals(line.Lookups, names) && line.State == state && line.Row.Equals(row))
        {
            return line;
        }

        if (lines.Count >= MaxLines)
        {
            lines.Clear();
        }

        using (new CultureScope(culture))
        {
            line = new BoardLine(row, new MarkupString(Cells(row, names, state, now)), names, culture.Name, state);
        }

        lines[key] = line;
        return line;
    }

    /// <summary>The timeliness of a row as the page and the countdown script name it.</summary>
    public static string StateKey(BoardRow row, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Paused ? "paused" : row.DeadlineStateAt(now) switch
        {
            DeadlineState.None => "none",
            DeadlineState.OnTrack => "on-track",
            DeadlineState.DueSoon => "due-soon",
            DeadlineState.Overdue => "overdue",
            _ => throw new ArgumentOutOfRangeException(nameof(row)),
        };
    }

    private string Cells(BoardRow row, BoardLookups names, string state, DateTimeOffset now)
    {
        var html = new StringBuilder(768);
        foreach (var column in BoardColumns.All)
        {
            html.Append("<td class=\"board-").Append(Css(column)).Append("\" data-label=\"").Append(Encoder.Encode(BoardColumns.Header(column))).Append('"');
            if (column == BoardColumn.Number)
            {
                // The row's case id, on its first cell: an attribute on the <tr> would be one more render-tree frame
                // per row on every open board (bench/README.md, memory per circuit at 200 rows).
                html.Append(" data-case=\"").Append(row.ComplaintId.ToString(CultureInfo.InvariantCulture)).Append('"');
            }
            else if (column == BoardColumn.Stage)
            {
                html.Append(" data-stage=\"").Append(row.Stage.ToString()).Append('"');
            }

            html.Append('>');
            Cell(html, column, row, names, state, now);
            html.Append("</td>");
        }

        return html.ToString();
    }

    private void Cell(StringBuilder html, BoardColumn column, BoardRow row, BoardLookups names, string state, DateTimeOffset now)
    {
        switch (column)
        {
            case BoardColumn.Number:
                html.Append("<a href=\"").Append(Encoder.Encode("/cases/" + Uri.EscapeDataString(row.CaseNumber))).Append("\">")
                    .Append(Encoder.Encode(row.CaseNumber)).Append("</a>");
                break;
            case BoardColumn.Category:
                if (BoardColumns.CategoryName(row, names) is { } category)
                {
                    html.Append(Encoder.Encode(category));
                }
                else
                {
                    html.Append("<span class=\"board-muted\">").Append(Encoder.Encode(BoardText.Board_Uncategorised)).Append("</span>");
                }

                break;
            case BoardColumn.Priority:
                html.Append("<span class=\"board-priority\" data-priority=\"").Append(row.Priority.ToString()).Append("\">")
                    .Append(Encoder.Encode(CaseLabels.Priority(row.Priority))).Append("</span>");
                break;
            case BoardColumn.Stage:
                html.Append(Encoder.Encode(CaseLabels.Stage(row.Stage)));
                break;
            case BoardColumn.Departments:
                foreach (var task in BoardColumns.Departments(row, names))
                {
                    html.Append("<div>").Append(Encoder.Encode(task)).Append("</div>");
                }

                break;
            case BoardColumn.StageSince:
                Time(html, row.StageEnteredAt, now);
                break;
            case BoardColumn.Deadline when row.NextDeadline is { } due:
                html.Append("<board-countdown").Append(Instants(row)).Append("></board-countdown><div class=\"board-due\">");
                Time(html, due, now);
                if (row.HasProvisionalDeadline)
                {
                    html.Append(" <span class=\"board-provisional\" data-test=\"provisional\" title=\"").Append(Encoder.Encode(DeadlineText.Provisional_Why))
                        .Append("\">").Append(Encoder.Encode(DeadlineText.Provisional_Mark)).Append("</span>");
                }

                html.Append("</div>");
                break;
            case BoardColumn.Deadline:
                html.Append("<span class=\"board-muted\">").Append(Encoder.Encode(row.Paused ? BoardText.Board_Paused : BoardText.Board_NoDeadline)).Append("</span>");
                break;
            case BoardColumn.State:
                // The word and icon as of now; the script turns them over when the row falls due soon or overdue.
                html.Append(row.NextDeadline is null ? "<span class=\"board-state\"" : "<board-countdown show=\"state\"" + Instants(row))
                    .Append(" data-state=\"").Append(state).Append("\"><i class=\"board-state-icon\" aria-hidden=\"true\"></i><span class=\"board-state-word\">")
                    .Append(Encoder.Encode(BoardColumns.StateName(row, now))).Append("</span>")
                    .Append(row.NextDeadline is null ? "</span>" : "</board-countdown>");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(column));
        }
    }

    /// <summary>
    /// A time in the organisation's zone, short (12-07 09:30) within this year and with its year otherwise (2024-12-07
    /// 09:30): a case two years overdue must not read as due this week.
    /// </summary>
    private void Time(StringBuilder html, DateTimeOffset instant, DateTimeOffset now)
    {
        var local = clock.ToLocal(instant);
        html.Append("<time datetime=\"").Append(Iso(instant)).Append("\">")
            .Append(local.ToString(local.Year == clock.ToLocal(now).Year ? "MM-dd HH:mm" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))
            .Append("</time>");
    }

    private static string Instants(BoardRow row) =>
        " due=\"" + Iso(row.NextDeadline!.Value) + "\"" + (row.DueSoonAt is { } soon ? " due-soon=\"" + Iso(soon) + "\"" : "");

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Css(BoardColumn column) => column switch
    {
        BoardColumn.Number => "number",
        BoardColumn.Category => "category",
        BoardColumn.Priority => "priority-cell",
        BoardColumn.Stage => "stage",
        BoardColumn.Departments => "departments",
        BoardColumn.StageSince => "since",
        BoardColumn.Deadline => "deadline",
        BoardColumn.State => "state-cell",
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };
}
