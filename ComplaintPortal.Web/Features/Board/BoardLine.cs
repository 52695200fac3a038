using ComplaintPortal.Domain.Board;
using Microsoft.AspNetCore.Components;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>
/// A row and its cells' markup as the page shows them. One instance is shared by every open board that
/// shows the same row in the same language, so a thousand boards hold one copy of it — its key too
/// (boxed once here, not again by each board's render tree).
/// </summary>
public sealed record BoardLine(BoardRow Row, MarkupString Cells, BoardLookups Lookups, string Culture, string State)
{
    /// <summary>The row's <c>@key</c>: the case id, boxed once.</summary>
    public object Key { get; } = Row.ComplaintId;
}
