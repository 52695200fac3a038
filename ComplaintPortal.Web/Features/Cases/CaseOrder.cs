using System.Globalization;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Features.Cases;

/// <summary>
/// A case list's order as a person chose it by a column's header, and as an address keeps it: <c>?sort=due</c> (soonest
/// deadline first), <c>?sort=-received</c> (newest first). The queue's and the search's address hold it, so a list comes
/// back sorted as it was left and the search's export lists its cases in the order shown. Only the sortable columns are
/// read; anything else in an address is the list's own order.
/// </summary>
public sealed record CaseOrder(string SortBy, bool Descending)
{
    // Each sortable column: its name in an address, and its title in the reader's words (read when asked, in their language).
    private static readonly (string Name, string Column, Func<string> Title)[] Names =
    [
        ("number", nameof(CaseRow.CaseNumber), () => CaseText.Field_CaseNumber),
        ("priority", nameof(CaseRow.Priority), () => CaseText.Field_Priority),
        ("due", nameof(CaseRow.NextDue), () => CaseText.Field_NextDeadline),
        ("received", nameof(CaseRow.ReceivedAt), () => CaseText.Field_ReceivedAt),
    ];

    /// <summary>Every order a list may be put in, as a phone offers them (its cards have no headers to click).</summary>
    public static readonly IReadOnlyList<CaseOrder> Choices =
    [
        new(nameof(CaseRow.NextDue), false),
        new(nameof(CaseRow.NextDue), true),
        new(nameof(CaseRow.ReceivedAt), true),
        new(nameof(CaseRow.ReceivedAt), false),
        new(nameof(CaseRow.Priority), true),
        new(nameof(CaseRow.Priority), false),
        new(nameof(CaseRow.CaseNumber), false),
        new(nameof(CaseRow.CaseNumber), true),
    ];

    /// <summary>The order of a column's header (<see cref="CaseListRequest.SortBy"/>), or none for a column that does not sort.</summary>
    public static CaseOrder? Of(string? sortBy, bool descending) =>
        Names.Any(n => n.Column == sortBy) ? new CaseOrder(sortBy!, descending) : null;

    /// <summary>From an address's <c>sort</c> value; null for none or one it does not know.</summary>
    public static CaseOrder? Read(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var descending = value.StartsWith('-');
        var name = descending ? value[1..] : value;
        return Names.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase)) is { Column: { } column }
            ? new CaseOrder(column, descending)
            : null;
    }

    /// <summary>The address's <c>sort</c> value.</summary>
    public string Value => (Descending ? "-" : "") + Names.First(n => n.Column == SortBy).Name;

    /// <summary><paramref name="address"/> (a path with or without a query) with this order in it, or without one for none.</summary>
    public static string In(string address, CaseOrder? order)
    {
        ArgumentNullException.ThrowIfNull(address);
        var query = address.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? address : address[..query];
        var values = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query < 0 ? "" : address[query..])
            .Where(p => p.Key != "sort")
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .ToList();
        if (order is not null)
        {
            values.Add(new("sort", order.Value));
        }

        return path + QueryString.Create(values);
    }

    /// <summary>The order in the reader's words: the column and its direction (an export's title block).</summary>
    public string Describe()
    {
        var column = Names.First(n => n.Column == SortBy).Title();
        return string.Format(CultureInfo.CurrentCulture, Descending ? CaseText.Order_Descending : CaseText.Order_Ascending, column);
    }
}
