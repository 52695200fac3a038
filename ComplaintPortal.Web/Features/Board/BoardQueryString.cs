using System.Globalization;
using ComplaintPortal.Domain.Board;
using ComplaintPortal.Domain.Cases;
using Microsoft.AspNetCore.WebUtilities;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>The board's filters as URL query parameters, so a view survives a reload and can be bookmarked.</summary>
public static class BoardQueryString
{
    public static BoardFilter Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Parse(name => query[name].ToString());
    }

    public static BoardFilter Parse(Func<string, string?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new BoardFilter
        {
            DepartmentId = int.TryParse(value("dept"), NumberStyles.None, CultureInfo.InvariantCulture, out var dept) ? dept : null,
            Stage = Enum.TryParse<CaseStage>(value("stage"), out var stage) && Enum.IsDefined(stage) ? stage : null,
            Priority = Enum.TryParse<Priority>(value("priority"), out var priority) && Enum.IsDefined(priority) ? priority : null,
            DueSoonOnly = value("due") == "soon",
            OverdueOnly = value("due") == "overdue",
            Sort = Enum.TryParse<BoardSort>(value("sort"), out var sort) && Enum.IsDefined(sort) ? sort : BoardSort.Deadline,
        };
    }

    /// <summary>The zero-based page from the one-based <c>page</c> parameter.</summary>
    public static int PageIndex(string? page) =>
        int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 1 ? number - 1 : 0;

    /// <summary>The wall's rows a page from the <c>rows</c> parameter (8 to 40), or <paramref name="configured"/>.</summary>
    public static int WallRows(string? rows, int configured) =>
        int.TryParse(rows, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= MinWallRows and <= MaxWallRows
            ? number
            : configured;

    /// <summary>The fewest and most rows a wall page may be asked for: the type is sized to fit them on the screen.</summary>
    public const int MinWallRows = 8, MaxWallRows = 40;

    public static string Format(BoardFilter filter, bool wall = false, int pageIndex = 0)
    {
        var values = Values(filter);
        values["wall"] = wall ? "1" : null;
        values["page"] = pageIndex > 0 ? (pageIndex + 1).ToString(CultureInfo.InvariantCulture) : null;
        return QueryHelpers.AddQueryString("", values.Where(v => v.Value is not null)!);
    }

    /// <summary>
    /// <paramref name="filter"/> with one filter changed by its query-string pair (<c>stage=Assessed</c>; <c>stage=</c> for
    /// any stage), as the board's filter lists give it; an unknown or malformed pair changes nothing.
    /// </summary>
    public static BoardFilter With(BoardFilter filter, string? pair)
    {
        var values = Values(filter);
        if (pair?.Split('=', 2) is not [var name, var value] || !values.ContainsKey(name))
        {
            return filter;
        }

        values[name] = value;
        return Parse(n => values.GetValueOrDefault(n));
    }

    private static Dictionary<string, string?> Values(BoardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new Dictionary<string, string?>
        {
            ["dept"] = filter.DepartmentId?.ToString(CultureInfo.InvariantCulture),
            ["stage"] = filter.Stage?.ToString(),
            ["priority"] = filter.Priority?.ToString(),
            ["due"] = filter.OverdueOnly ? "overdue" : filter.DueSoonOnly ? "soon" : null,
            ["sort"] = filter.Sort == BoardSort.Deadline ? null : filter.Sort.ToString(),
        };
    }
}
