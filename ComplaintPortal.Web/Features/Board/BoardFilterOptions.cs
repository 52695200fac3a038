using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ComplaintPortal.Domain.Board;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Components;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>
/// The options of the board's filter lists as shared markup, the chosen one marked <c>selected</c>: one string per
/// (language, list, choice) for every open board instead of three render-tree frames per option in each board circuit
/// (bench/README.md, memory per circuit). A choice navigates, and the new page renders the list with its new choice.
/// </summary>
public static class BoardFilterOptions
{
    private const int MaxMade = 1024;
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly ConcurrentDictionary<(string Culture, string List, string Chosen, object? Names), MarkupString> Made = new();

    public static MarkupString Departments(IReadOnlyDictionary<int, string> departments, int? chosen)
    {
        ArgumentNullException.ThrowIfNull(departments);
        return Options("dept", chosen?.ToString(CultureInfo.InvariantCulture) ?? "", departments,
            () => departments.OrderBy(d => d.Key).Select(d => (d.Key.ToString(CultureInfo.InvariantCulture), d.Value)), withAll: true);
    }

    public static MarkupString Stages(CaseStage? chosen) =>
        Options("stage", chosen?.ToString() ?? "", null, () => CaseStages.Open.Select(s => (s.ToString(), CaseLabels.Stage(s))), withAll: true);

    public static MarkupString Priorities(Priority? chosen) =>
        Options("priority", chosen?.ToString() ?? "", null, () => Enum.GetValues<Priority>().Select(p => (p.ToString(), CaseLabels.Priority(p))), withAll: true);

    public static MarkupString Due(BoardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var chosen = filter.OverdueOnly ? "overdue" : filter.DueSoonOnly ? "soon" : "";
        return Options("due", chosen, null, () => [("soon", BoardText.Board_State_DueSoon), ("overdue", BoardText.Board_State_Overdue)], withAll: true);
    }

    public static MarkupString Sorts(BoardSort chosen) =>
        Options("sort", chosen.ToString(), null, () => Enum.GetValues<BoardSort>().Select(s => (s.ToString(), BoardFilters.SortLabel(s))), withAll: false);

    // Names: the department names' instance (shared while unchanged, BoardRowMarkup), so renamed departments get new markup.
    private static MarkupString Options(string list, string chosen, object? names, Func<IEnumerable<(string Value, string Label)>> options, bool withAll)
    {
        if (Made.Count >= MaxMade)
        {
            Made.Clear();
        }

        return Made.GetOrAdd((CultureInfo.CurrentUICulture.Name, list, chosen, names), key =>
        {
            var html = new StringBuilder(512);
            if (withAll)
            {
                Option(html, "", BoardText.Board_All, key.Chosen);
            }

            foreach (var (value, label) in options())
            {
                Option(html, value, label, key.Chosen);
            }

            return new MarkupString(html.ToString());
        });
    }

    private static void Option(StringBuilder html, string value, string label, string chosen) =>
        html.Append("<option value=\"").Append(Encoder.Encode(value)).Append(value == chosen ? "\" selected>" : "\">")
            .Append(Encoder.Encode(label)).Append("</option>");
}
