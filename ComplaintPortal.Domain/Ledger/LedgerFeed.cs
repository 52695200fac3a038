using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Ledger;

/// <summary>A ledger event as the live board needs it: which case changed, and which departments work it.</summary>
public sealed record CaseChange(long EventId, int ComplaintId, IReadOnlyList<int> TaskDepartmentIds);

/// <summary>Reads new ledger events for relays that push case changes to live boards.</summary>
public static class LedgerFeed
{
    public static async Task<long> LatestEventIdAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.LedgerEvents.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
    }

    /// <summary>Events with an id above <paramref name="after"/>, oldest first, with their cases' task departments.</summary>
    public static async Task<IReadOnlyList<CaseChange>> ReadAfterAsync(PortalDbContext db, long after, int max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var events = await db.LedgerEvents.AsNoTracking()
            .Where(e => e.Id > after)
            .OrderBy(e => e.Id)
            .Take(max)
            .Select(e => new { e.Id, e.ComplaintId })
            .ToListAsync(cancellationToken);
        if (events.Count == 0)
        {
            return [];
        }

        var complaintIds = events.Select(e => e.ComplaintId).Distinct().ToList();
        var departments = (await db.DepartmentTasks.AsNoTracking()
                .Where(t => complaintIds.Contains(t.ComplaintId))
                .Select(t => new { t.ComplaintId, t.DepartmentId })
                .ToListAsync(cancellationToken))
            .ToLookup(t => t.ComplaintId, t => t.DepartmentId);
        return events.Select(e => new CaseChange(e.Id, e.ComplaintId, departments[e.ComplaintId].Distinct().ToList())).ToList();
    }
}
