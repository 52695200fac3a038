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

    // Counting down first by deadline, then no deadline left, then paused (the board index's order, BoardGroup); ties by id.
    private static readonly IComparer<BoardRow> ByDeadline = Comparer<BoardRow>.Create((a, b) =>
    {
        var byGroup = Group(a).CompareTo(Group(b));
        if (byGroup != 0)
        {
            return byGroup;
        }

        var byDeadline = Nullable.Compare(a.NextDeadline, b.NextDeadline);
        return byDeadline != 0 ? byDeadline : a.ComplaintId.CompareTo(b.ComplaintId);
    });

    private static BoardGroup Group(BoardRow row) =>
        row.Paused ? BoardGroup.Paused : row.NextDeadline is null ? BoardGroup.NoDeadline : BoardGroup.CountingDown;

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
