using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Ledger;

/// <summary>The outcome of checking one case's chain: intact, or the first event that does not fit.</summary>
public sealed record LedgerVerification(bool IsIntact, int EventCount, long? BrokenEventId, int? BrokenSequence, LedgerBreak Break)
{
    public static LedgerVerification Intact(int count) => new(true, count, null, null, LedgerBreak.None);
}

public enum LedgerBreak
{
    None = 0,

    /// <summary>The stored content no longer matches the stored hash: the event was edited.</summary>
    ContentChanged = 1,

    /// <summary>The event does not point at the previous event's hash: one was removed, inserted or re-hashed.</summary>
    ChainBroken = 2,

    /// <summary>Sequence numbers skip or repeat: an event was removed or inserted.</summary>
    SequenceGap = 3,

    /// <summary>The ledger ends before the case's head or a signed digest says it does: its last events were removed.</summary>
    Truncated = 4,

    /// <summary>The last event is not the one the case's head names.</summary>
    HeadMismatch = 5,

    /// <summary>The event differs from what a signed digest recorded: edited, with the following hashes recomputed.</summary>
    ChangedSinceSealed = 6,

    /// <summary>A signed digest recorded this event; it is gone.</summary>
    RemovedSinceSealed = 7,
}

public static class LedgerVerifier
{
    /// <summary>Checks events in sequence order and names the first broken link.</summary>
    public static LedgerVerification Verify(IReadOnlyList<LedgerEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var previous = LedgerEvent.GenesisHash;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Sequence != i + 1)
            {
                return new(false, events.Count, e.Id, e.Sequence, LedgerBreak.SequenceGap);
            }

            if (!string.Equals(e.PreviousHash, previous, StringComparison.Ordinal))
            {
                return new(false, events.Count, e.Id, e.Sequence, LedgerBreak.ChainBroken);
            }

            if (!string.Equals(e.ComputeHash(), e.Hash, StringComparison.Ordinal))
            {
                return new(false, events.Count, e.Id, e.Sequence, LedgerBreak.ContentChanged);
            }

            previous = e.Hash;
        }

        return LedgerVerification.Intact(events.Count);
    }

    public static async Task<LedgerVerification> VerifyCaseAsync(PortalDbContext db, int complaintId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var events = await db.LedgerEvents.AsNoTracking()
            .Where(e => e.ComplaintId == complaintId)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        return Verify(events);
    }
}
