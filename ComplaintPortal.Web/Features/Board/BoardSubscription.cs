using System.Security.Claims;
using System.Threading.Channels;
using ComplaintPortal.Domain.Board;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>
/// One open board's place in the <see cref="BoardChangeFeed"/>. The board reads <see cref="Updates"/> and
/// tells the feed which cases it shows (so it hears when one leaves its view) and which totals it counts.
/// Disposing it leaves the feed.
/// </summary>
public sealed class BoardSubscription : IDisposable
{
    private readonly Channel<BoardUpdate> updates = Channel.CreateUnbounded<BoardUpdate>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Action<BoardSubscription> leave;
    private volatile int[] shown = []; // sorted: 4 bytes a row (a hash set took ~25), swapped whole, read by the feed's thread
    private volatile TotalsKey? totals;

    internal BoardSubscription(Func<Task<ClaimsPrincipal>> principal, Action<BoardSubscription> leave)
    {
        Principal = principal;
        this.leave = leave;
    }

    /// <summary>The board's user now: re-read on every change, so signed-out or changed rights take effect at once.</summary>
    internal Func<Task<ClaimsPrincipal>> Principal { get; }

    internal TotalsKey? Totals => totals;

    public ChannelReader<BoardUpdate> Updates => updates.Reader;

    /// <summary>The cases on screen now.</summary>
    public void Showing(IEnumerable<int> complaintIds)
    {
        ArgumentNullException.ThrowIfNull(complaintIds);
        var ids = complaintIds.ToArray();
        Array.Sort(ids);
        shown = ids;
    }

    /// <summary>The totals this board shows (its audience and filters; the sort does not change them).</summary>
    public void CountTotalsFor(BoardViewer viewer, BoardFilter filter) => totals = new TotalsKey(viewer, filter with { Sort = BoardSort.Deadline });

    internal bool Shows(int complaintId) => Array.BinarySearch(shown, complaintId) >= 0;

    internal void Send(BoardUpdate update) => updates.Writer.TryWrite(update);

    public void Dispose()
    {
        leave(this);
        updates.Writer.TryComplete();
    }

    internal sealed record TotalsKey(BoardViewer Viewer, BoardFilter Filter);
}
