using ComplaintPortal.Domain.Board;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>Where a row that arrives live goes on a page of the board, so the chosen sort holds without a reload.</summary>
public static class BoardPlacement
{
    /// <summary>The index at which <paramref name="row"/> sorts among <paramref name="lines"/> (already sorted).</summary>
    public static int IndexFor(IReadOnlyList<BoardLine> lines, BoardRow row, IComparer<BoardRow> order)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(order);
        var (low, high) = (0, lines.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (order.Compare(lines[middle].Row, row) <= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>
    /// Whether a row sorting at <paramref name="index"/> belongs on this page: not after the end of a full
    /// page (it belongs to a later one), and not before the start of a page other than the first (an earlier one),
    /// unless it was already the first row here.
    /// </summary>
    public static bool BelongsOnPage(int index, int count, int pageSize, int pageIndex, bool wasHere)
    {
        if (index >= pageSize || (index == count && count >= pageSize))
        {
            return false;
        }

        return pageIndex == 0 || index > 0 || count == 0 || wasHere;
    }
}
