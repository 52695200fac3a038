using ComplaintPortal.Domain.Board;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>What the change feed tells one open board.</summary>
public abstract record BoardUpdate;

/// <summary>
/// A case changed: its row as this board's audience sees it at <see cref="At"/>, or null when the case is
/// closed or no longer the audience's to see (the board removes it).
/// </summary>
public sealed record BoardRowChanged(int ComplaintId, BoardRow? Row, DateTimeOffset At) : BoardUpdate
{
    /// <summary>Diagnostics (<see cref="BoardProbe"/>): when this instance committed the change, a <see cref="TimeProvider.GetTimestamp"/>; 0 when unknown.</summary>
    public long CommittedAt { get; init; }
}

/// <summary>The board's totals per deadline state, recounted after changes or as time passed.</summary>
public sealed record BoardTotalsChanged(BoardTotals Totals) : BoardUpdate;
