using ComplaintPortal.Domain.Ledger;

namespace ComplaintPortal.Tests.Board;

public class LedgerCursorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Delivers_each_event_once_even_when_read_again()
    {
        var cursor = new LedgerCursor(startAfter: 10, TimeSpan.FromMinutes(2));

        Assert.Equal([11L, 12L], cursor.Accept([11, 12], T0));
        Assert.Empty(cursor.Accept([11, 12], T0));
        Assert.Equal(12, cursor.ReadAfter);
    }

    [Fact]
    public void Event_that_commits_after_a_higher_id_is_not_skipped()
    {
        var cursor = new LedgerCursor(startAfter: 10, TimeSpan.FromMinutes(2));

        // Transaction holding id 11 commits after the one holding 12.
        Assert.Equal([12L], cursor.Accept([12], T0));
        Assert.Equal(10, cursor.ReadAfter); // keep reading from below the gap
        Assert.Equal(1, cursor.OpenGaps);

        Assert.Equal([11L], cursor.Accept([11, 12], T0.AddSeconds(1)));
        Assert.Equal(0, cursor.OpenGaps);
        Assert.Equal(12, cursor.ReadAfter);
        Assert.Empty(cursor.Accept([11, 12], T0.AddSeconds(2)));
    }

    [Fact]
    public void Gap_left_by_a_rolled_back_transaction_is_given_up_after_the_patience()
    {
        var cursor = new LedgerCursor(startAfter: 0, TimeSpan.FromSeconds(30));
        cursor.Accept([1, 3], T0);
        Assert.Equal(1, cursor.ReadAfter);

        cursor.Accept([3], T0.AddSeconds(29));
        Assert.Equal(1, cursor.ReadAfter);

        cursor.Accept([3], T0.AddSeconds(30));
        Assert.Equal(3, cursor.ReadAfter);
    }

    [Fact]
    public void Events_arriving_in_any_order_come_out_in_id_order()
    {
        var cursor = new LedgerCursor(startAfter: 0, TimeSpan.FromMinutes(1));

        Assert.Equal([1L, 2L, 3L, 5L], cursor.Accept([5, 3, 1, 2, 3], T0));
        Assert.Equal([4L], cursor.Accept([4, 5], T0));
    }
}
