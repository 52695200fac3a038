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
        return new BoardFilter
        {
            DepartmentId = int.TryParse(query["dept"], NumberStyles.None, CultureInfo.InvariantCulture, out var dept) ? dept : null,
            Stage = Enum.TryParse<CaseStage>(query["stage"], out var stage) && Enum.IsDefined(stage) ? stage : null,
            Priority = Enum.TryParse<Priority>(query["priority"], out var priority) && Enum.IsDefined(priority) ? priority : null,
            DueSoonOnly = query["due"] == "soon",
            OverdueOnly = query["due"] == "overdue",
            Sort = Enum.TryParse<BoardSort>(query["sort"], out var sort) && Enum.IsDefined(sort) ? sort : BoardSort.Deadline,
        };
    }

    public static string Format(BoardFilter filter, bool wall = false)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var values = new Dictionary<string, string?>
        {
            ["dept"] = filter.DepartmentId?.ToString(CultureInfo.InvariantCulture),
            ["stage"] = filter.Stage?.ToString(),
            ["priority"] = filter.Priority?.ToString(),
            ["due"] = filter.OverdueOnly ? "overdue" : filter.DueSoonOnly ? "soon" : null,
            ["sort"] = filter.Sort == BoardSort.Deadline ? null : filter.Sort.ToString(),
            ["wall"] = wall ? "1" : null,
        };
        return QueryHelpers.AddQueryString("", values.Where(v => v.Value is not null)!);
    }
}
