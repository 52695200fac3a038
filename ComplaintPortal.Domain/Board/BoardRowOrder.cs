namespace ComplaintPortal.Domain.Board;

/// <summary>
/// The board's sort orders in memory, the same as <see cref="BoardQuery"/> sorts in SQL, so a row that
/// arrives live is inserted where a reload would put it.
/// </summary>
public static class BoardRowOrder
{
    public static IComparer<BoardRow> For(BoardSort sort) => sort switch
    {
        BoardSort.Deadline => ByDeadline,
        BoardSort.Received => ByReceived,
        BoardSort.CaseNumber => ByCaseNumber,
        BoardSort.TimeInStage => ByTimeInStage,
        _ => throw new ArgumentOutOfRangeException(nameof(sort)),
    };

    // No deadline (paused, or none left) sorts last; ties by id, as in SQL.
    private static readonly IComparer<BoardRow> ByDeadline = Comparer<BoardRow>.Create((a, b) =>
    {
        var byMissing = (a.NextDeadline is null).CompareTo(b.NextDeadline is null);
        if (byMissing != 0)
        {
            return byMissing;
        }

        var byDeadline = Nullable.Compare(a.NextDeadline, b.NextDeadline);
        return byDeadline != 0 ? byDeadline : a.ComplaintId.CompareTo(b.ComplaintId);
    });

    private static readonly IComparer<BoardRow> ByReceived = Comparer<BoardRow>.Create((a, b) =>
    {
        var byReceived = b.ReceivedAt.CompareTo(a.ReceivedAt);
        return byReceived != 0 ? byReceived : a.ComplaintId.CompareTo(b.ComplaintId);
    });

    private static readonly IComparer<BoardRow> ByCaseNumber = Comparer<BoardRow>.Create((a, b) =>
    {
        var byNumber = string.CompareOrdinal(a.CaseNumber, b.CaseNumber);
        return byNumber != 0 ? byNumber : a.ComplaintId.CompareTo(b.ComplaintId);
    });

    private static readonly IComparer<BoardRow> ByTimeInStage = Comparer<BoardRow>.Create((a, b) =>
    {
        var bySince = a.StageEnteredAt.CompareTo(b.StageEnteredAt);
        return bySince != 0 ? bySince : a.ComplaintId.CompareTo(b.ComplaintId);
    });
}
