namespace ComplaintPortal.Domain.Ledger;

/// <summary>
/// Where a relay stands in the ledger, so that every committed event is delivered once and only once,
/// even when transactions commit out of id order (SQL Server identity values are handed out at insert
/// time, not at commit). Ids below the highest one seen that have not shown up yet are "gaps": the next
/// reads start below the oldest gap until it arrives or is given up after <see cref="GapPatience"/>
/// (a rolled-back transaction leaves a permanent hole).
/// </summary>
public sealed class LedgerCursor
{
    private readonly SortedDictionary<long, DateTimeOffset> gaps = [];

    public LedgerCursor(long startAfter, TimeSpan gapPatience)
    {
        Highest = startAfter;
        GapPatience = gapPatience;
    }

    /// <summary>The highest event id delivered so far.</summary>
    public long Highest { get; private set; }

    public TimeSpan GapPatience { get; }

    /// <summary>Read events with an id greater than this (below <see cref="Highest"/> while gaps are open).</summary>
    public long ReadAfter => gaps.Count == 0 ? Highest : gaps.Keys.First() - 1;

    public int OpenGaps => gaps.Count;

    /// <summary>
    /// Takes events read from the database (in any order, possibly already delivered) and returns the
    /// ones not delivered before, in id order. Call with the time of the read.
    /// </summary>
    public IReadOnlyList<long> Accept(IEnumerable<long> ids, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var fresh = new List<long>();
        foreach (var id in ids.Distinct().Order())
        {
            // At or below the highest id, only an open gap is new: anything else was delivered
            // already (or given up as a hole long ago).
            if (id <= Highest && !gaps.Remove(id))
            {
                continue;
            }

            for (var missing = Highest + 1; missing < id; missing++)
            {
                gaps.TryAdd(missing, now);
            }

            Highest = Math.Max(Highest, id);
            fresh.Add(id);
        }

        ExpireGaps(now);
        return fresh;
    }

    private void ExpireGaps(DateTimeOffset now)
    {
        foreach (var (id, noticed) in gaps.ToList())
        {
            if (now - noticed >= GapPatience)
            {
                gaps.Remove(id);
            }
        }
    }
}
