using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Ledger;

/// <summary>
/// Checks a case's ledger against three witnesses, weakest first: its own hash chain, the head on the
/// case row, and the signed digests outside the database. Names the first event that was changed,
/// removed or cut off.
/// </summary>
public static class LedgerAudit
{
    public static async Task<LedgerVerification> VerifyCaseAsync(PortalDbContext db, int complaintId, LedgerDigestArchive? digests,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var head = await db.Complaints.AsNoTracking().Where(c => c.Id == complaintId)
            .Select(c => new { c.LedgerEventCount, c.LedgerHeadHash }).FirstOrDefaultAsync(cancellationToken);
        var events = await db.LedgerEvents.AsNoTracking().Where(e => e.ComplaintId == complaintId).OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        return VerifyCase(events, head?.LedgerEventCount ?? 0, head?.LedgerHeadHash, digests?.LeavesOf(complaintId) ?? []);
    }

    /// <param name="events">The case's events in sequence order.</param>
    /// <param name="sealedLeaves">What signed digests recorded of this case, in sequence order.</param>
    public static LedgerVerification VerifyCase(IReadOnlyList<LedgerEvent> events, int headCount, string? headHash, IReadOnlyList<LedgerLeaf> sealedLeaves)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(sealedLeaves);
        var chain = LedgerVerifier.Verify(events);
        if (!chain.IsIntact)
        {
            return chain;
        }

        // The chain holds together; was it rebuilt? Compare with what was signed while it was true.
        var bySequence = events.ToDictionary(e => e.Sequence);
        var last = events.Count == 0 ? 0 : events[^1].Sequence;
        foreach (var leaf in sealedLeaves)
        {
            if (!bySequence.TryGetValue(leaf.Sequence, out var e))
            {
                return Broken(events.Count, null, leaf.Sequence, leaf.Sequence > last ? LedgerBreak.Truncated : LedgerBreak.RemovedSinceSealed);
            }

            if (e.Position != leaf.Position || !string.Equals(e.Hash, leaf.EventHash, StringComparison.Ordinal))
            {
                return Broken(events.Count, e.Id, e.Sequence, LedgerBreak.ChangedSinceSealed);
            }
        }

        if (events.Count < headCount)
        {
            return Broken(events.Count, null, events.Count + 1, LedgerBreak.Truncated);
        }

        if (events.Count > 0 && !string.Equals(events[^1].Hash, headHash, StringComparison.Ordinal))
        {
            return Broken(events.Count, events[^1].Id, events[^1].Sequence, LedgerBreak.HeadMismatch);
        }

        return LedgerVerification.Intact(events.Count);
    }

    /// <summary>
    /// The whole ledger against the digests: every digest's signature, root and link to the one before;
    /// every sealed position against the event now stored there; the unsealed tail for holes; every
    /// case's event count against its head.
    /// </summary>
    public static async Task<IReadOnlyList<LedgerFinding>> VerifyAllAsync(PortalDbContext db, LedgerDigestArchive digests, LedgerDigestKey key,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(digests);
        ArgumentNullException.ThrowIfNull(key);
        var findings = new List<LedgerFinding>();
        LedgerDigest? previous = null;

        // One digest's leaves in memory at a time: at 1,000,000 cases the digests hold some 15 M leaves.
        foreach (var digest in digests.ReadAll())
        {
            if (!key.Verify(digest) || !string.Equals(LedgerDigest.RootOf(digest.Leaves), digest.Root, StringComparison.Ordinal))
            {
                findings.Add(new(LedgerFindingKind.DigestForged, null, null, digest.From, digest.FileName));
            }

            if (digest.From != (previous?.To ?? 0) + 1 || !string.Equals(digest.Previous, previous?.Hash() ?? LedgerDigest.NoPrevious, StringComparison.Ordinal))
            {
                findings.Add(new(LedgerFindingKind.DigestChainBroken, null, null, digest.From, digest.FileName));
            }

            await CompareAsync(db, digest, findings, cancellationToken);
            previous = digest;
        }

        // After reading them all: a file that could be read when listed but not when its turn came is unreadable too.
        findings.InsertRange(0, digests.Unreadable().Select(f => new LedgerFinding(LedgerFindingKind.DigestUnreadable, null, null, null, Path.GetFileName(f))));
        await CheckTailAsync(db, (previous?.To ?? 0) + 1, findings, cancellationToken);
        var shortCases = await db.Complaints.AsNoTracking()
            .Select(c => new { c.Id, c.LedgerEventCount, Stored = db.LedgerEvents.Count(e => e.ComplaintId == c.Id) })
            .Where(c => c.Stored < c.LedgerEventCount)
            .ToListAsync(cancellationToken);
        findings.AddRange(shortCases.Select(c => new LedgerFinding(LedgerFindingKind.Truncated, c.Id, c.Stored + 1, null, null)));
        return findings;
    }

    private static async Task CompareAsync(PortalDbContext db, LedgerDigest digest, List<LedgerFinding> findings, CancellationToken ct)
    {
        var stored = await db.LedgerEvents.AsNoTracking()
            .Where(e => e.Position >= digest.From && e.Position <= digest.To)
            .ToDictionaryAsync(e => e.Position, ct);
        foreach (var leaf in digest.Leaves)
        {
            if (!stored.Remove(leaf.Position, out var e))
            {
                findings.Add(new(LedgerFindingKind.RemovedSinceSealed, leaf.ComplaintId, leaf.Sequence, leaf.Position, digest.FileName));
            }
            else if (e.ComplaintId != leaf.ComplaintId || e.Sequence != leaf.Sequence
                || !string.Equals(e.Hash, leaf.EventHash, StringComparison.Ordinal) || !string.Equals(e.ComputeHash(), e.Hash, StringComparison.Ordinal))
            {
                findings.Add(new(LedgerFindingKind.ChangedSinceSealed, leaf.ComplaintId, leaf.Sequence, leaf.Position, digest.FileName));
            }
        }

        findings.AddRange(digest.Missing.Select(p => new LedgerFinding(LedgerFindingKind.MissingWhenSealed, null, null, p, digest.FileName)));
        findings.AddRange(stored.Values.Select(e => new LedgerFinding(LedgerFindingKind.InsertedIntoSealedRange, e.ComplaintId, e.Sequence, e.Position, digest.FileName)));
    }

    private static async Task CheckTailAsync(PortalDbContext db, long from, List<LedgerFinding> findings, CancellationToken ct)
    {
        var positions = await db.LedgerEvents.AsNoTracking().Where(e => e.Position >= from).OrderBy(e => e.Position)
            .Select(e => e.Position).ToListAsync(ct);
        var expected = from;
        foreach (var position in positions)
        {
            for (; expected < position; expected++)
            {
                findings.Add(new(LedgerFindingKind.PositionGap, null, null, expected, null));
            }

            expected = position + 1;
        }
    }

    private static LedgerVerification Broken(int count, long? eventId, int sequence, LedgerBreak kind) => new(false, count, eventId, sequence, kind);
}

public enum LedgerFindingKind
{
    /// <summary>An event a digest recorded is gone.</summary>
    RemovedSinceSealed = 0,

    /// <summary>The event at a sealed position is not the one the digest recorded.</summary>
    ChangedSinceSealed = 1,

    /// <summary>An event sits at a sealed position the digest recorded as empty.</summary>
    InsertedIntoSealedRange = 2,

    /// <summary>The position was already empty when its range was sealed.</summary>
    MissingWhenSealed = 3,

    /// <summary>A position after the last digest holds no event: removed before it could be sealed.</summary>
    PositionGap = 4,

    /// <summary>A case holds fewer events than its head says.</summary>
    Truncated = 5,

    /// <summary>A digest's signature or root does not check.</summary>
    DigestForged = 6,

    /// <summary>A digest does not follow the one before it (a digest removed, replaced or out of order).</summary>
    DigestChainBroken = 7,

    /// <summary>A digest file cannot be read.</summary>
    DigestUnreadable = 8,
}

/// <summary>One thing the whole-ledger check found: which case and event, which global position, which digest file.</summary>
public sealed record LedgerFinding(LedgerFindingKind Kind, int? ComplaintId, int? Sequence, long? Position, string? DigestFile);
