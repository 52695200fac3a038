using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Ledger;

/// <summary>
/// Folds the events appended since the last digest into new signed digests, in global position order.
/// Run every few minutes; what an insider could rewrite without a trace is at most what was appended
/// since the last run (docs/decisions/0005-anchored-ledger.md).
/// </summary>
public sealed class LedgerSealer(PortalDbContext db, LedgerDigestArchive archive, LedgerDigestKey key)
{
    public const int MaxLeavesPerDigest = 10_000;

    /// <summary>
    /// Seals everything not sealed yet; returns the headers of the new digests (none when nothing was appended).
    /// Their leaves stay in the files: sealing a 1,000,000-case ledger from scratch writes some 15 M.
    /// </summary>
    public async Task<IReadOnlyList<LedgerDigestHeader>> SealAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        archive.PublishKey(key);
        var written = new List<LedgerDigestHeader>();
        var latest = archive.Latest();
        while (true)
        {
            var next = (latest?.To ?? 0) + 1;
            var leaves = await db.LedgerEvents.AsNoTracking()
                .Where(e => e.Position >= next)
                .OrderBy(e => e.Position)
                .Take(MaxLeavesPerDigest)
                .Select(e => new LedgerLeaf(e.Position, e.ComplaintId, e.Sequence, e.Hash))
                .ToListAsync(cancellationToken);
            if (leaves.Count == 0)
            {
                return written;
            }

            var to = leaves[^1].Position;
            var present = leaves.Select(l => l.Position).ToHashSet();
            var digest = key.Sign(new LedgerDigest
            {
                From = next,
                To = to,
                SealedAt = now,
                Root = LedgerDigest.RootOf(leaves),
                Previous = latest?.Hash ?? LedgerDigest.NoPrevious,
                // Positions are handed out without gaps: a hole here is an event removed before it was sealed.
                Missing = Enumerable.Range(0, (int)(to - next + 1)).Select(i => next + i).Where(p => !present.Contains(p)).ToList(),
                Leaves = leaves,
            });

            // Another instance may have sealed this range first; then continue after its digest.
            if (archive.Write(digest))
            {
                latest = LedgerDigestHeader.Of(digest);
                written.Add(latest);
            }
            else
            {
                latest = archive.Latest();
            }
        }
    }
}
