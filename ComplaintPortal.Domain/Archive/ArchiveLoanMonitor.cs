using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Archive;

/// <summary>
/// Tells each reader, once, that the days granted to them have run out while their request is still open (neither
/// confirmed finished nor returned nor revoked): access has ended, and the regime asks them to confirm that they have
/// finished reading (查閱完畢……簽字確認). The archive clerks are told at the same time that the files are not back. It scans state rather than setting timers, so a pass after downtime catches up; the
/// request is marked in the same transaction as its notice, only if not marked yet, so two passes never tell twice.
/// </summary>
public sealed class ArchiveLoanMonitor(PortalDbContext db)
{
    /// <summary>Tells the readers whose days ran out by <paramref name="now"/>; returns how many this pass told.</summary>
    public async Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var lapsed = await db.ArchiveAccessRequests.AsNoTracking()
            .Where(r => r.Status == AccessRequestStatus.Approved && r.ExpiryNoticeAt == null && r.GrantedUntil <= now)
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        var told = 0;
        foreach (var request in lapsed)
        {
            if (await TellAsync(request, now, cancellationToken))
            {
                told++;
            }
        }

        return told;
    }

    private async Task<bool> TellAsync(ArchiveAccessRequest request, DateTimeOffset now, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var marked = await db.ArchiveAccessRequests
                .Where(r => r.Id == request.Id && r.Status == AccessRequestStatus.Approved && r.ExpiryNoticeAt == null)
                .ExecuteUpdateAsync(r => r.SetProperty(x => x.ExpiryNoticeAt, now), ct);
            if (marked == 0)
            {
                // Ended or told meanwhile.
                return false;
            }

            db.Notifications.Add(ArchiveNotices.Expired(request, now));
            db.Notifications.Add(ArchiveNotices.Overdue(request, now));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return true;
        });
    }
}
