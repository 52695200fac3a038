using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ComplaintPortal.Domain.Board;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Web.Components.Shared;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Components;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>
/// The board's filters (five native lists and the reset link) as one shared markup string, the choices of the filter marked
/// <c>selected</c>: one string per (language, filter, department names) for every open board, and one render-tree frame in
/// each board circuit instead of a filters component with its own frame buffers (bench/README.md, memory per circuit).
/// Each option's value is its query-string pair (<c>stage=Assessed</c>, <c>stage=</c> for all), so the board listens to
/// the lists with one input handler on their container (the input event bubbles; Blazor treats change as non-bubbling) (<see cref="BoardQueryString.With"/>); a choice navigates, and the
/// new page renders the lists with its new choices.
/// </summary>
public static class BoardFilterMarkup
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly MarkupMemo<(string Culture, BoardFilter Filter, object Names)> Made = new(1024);

    /// <summary>The lists showing <paramref name="filter"/>; <paramref name="departments"/> is the shared names' instance
    /// (<see cref="BoardRowMarkup.LookupsAsync"/>), so renamed departments get new markup.</summary>
    public static MarkupString For(BoardFilter filter, IReadOnlyDictionary<int, string> departments)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(departments);
        return Made.Get((CultureInfo.CurrentUICulture.Name, filter, departments), key => Build(key.Filter, departments));
    }

    internal static string SortLabel(BoardSort sort) => sort switch
    {
        BoardSort.Deadline => BoardText.Board_Sort_Deadline,
        BoardSort.Received => BoardText.Board_Sort_Received,
        BoardSort.CaseNumber => BoardText.Board_Sort_Number,
        BoardSort.TimeInStage => BoardText.Board_Sort_TimeInStage,
        _ => throw new ArgumentOutOfRangeException(nameof(sort)),
    };

    private static MarkupString Build(BoardFilter filter, IReadOnlyDictionary<int, string> departments)
    {
        var html = new StringBuilder(2048);
        List(html, UiText.Admin_Department, "dept", filter.DepartmentId?.ToString(CultureInfo.InvariantCulture) ?? "", withAll: true,
            departments.OrderBy(d => d.Key).Select(d => (d.Key.ToString(CultureInfo.InvariantCulture), d.Value)));
        List(html, BoardText.Board_Column_Stage, "stage", filter.Stage?.ToString() ?? "", withAll: true,
            CaseStages.Open.Select(s => (s.ToString(), CaseLabels.Stage(s))));
        List(html, BoardText.Board_Column_Priority, "priority", filter.Priority?.ToString() ?? "", withAll: true,
            Enum.GetValues<Priority>().Select(p => (p.ToString(), CaseLabels.Priority(p))));
        List(html, BoardText.Board_Due, "due", filter.OverdueOnly ? "overdue" : filter.DueSoonOnly ? "soon" : "", withAll: true,
            [("soon", BoardText.Board_State_DueSoon), ("overdue", BoardText.Board_State_Overdue)]);
        List(html, BoardText.Board_Sort, "sort", filter.Sort.ToString(), withAll: false,
            Enum.GetValues<BoardSort>().Select(s => (s.ToString(), SortLabel(s))));
        html.Append("<a class=\"board-action\" href=\"/board\" data-test=\"filter-reset\">").Append(Encoder.Encode(BoardText.Board_Reset)).Append("</a>");
        return new MarkupString(html.ToString());
    }

    private static void List(StringBuilder html, string label, string name, string chosen, bool withAll, IEnumerable<(string Value, string Label)> options)
    {
        html.Append("<label class=\"board-filter\"><span>").Append(Encoder.Encode(label)).Append("</span><select data-test=\"filter-")
            .Append(name).Append("\">");
        if (withAll)
        {
            Option(html, name, "", BoardText.Board_All, chosen);
        }

        foreach (var (value, text) in options)
        {
            Option(html, name, value, text, chosen);
        }

        html.Append("</select></label>");
    }

    private static void Option(StringBuilder html, string name, string value, string label, string chosen) =>
        html.Append("<option value=\"").Append(name).Append('=').Append(Encoder.Encode(value)).Append(value == chosen ? "\" selected>" : "\">")
            .Append(Encoder.Encode(label)).Append("</option>");
}
