using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Reporting;

/// <summary>
/// Tells the department's head and leadership, once, of every improvement action still open after its date in the
/// organisation's calendar. It scans state rather than setting timers, so a run after downtime catches up; the action's version
/// token makes a second instance telling of the same action lose instead of telling twice.
/// </summary>
public sealed class ImprovementMonitor(PortalDbContext db)
{
    /// <summary>Tells of what is overdue at <paramref name="now"/>; returns how many actions this run told of.</summary>
    public async Task<int> RunOnceAsync(DateTimeOffset now, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var overdue = await db.ImprovementActions.AsNoTracking()
            .Where(a => a.Status == ImprovementStatus.Open && a.OverdueNoticeAt == null && a.DueDate < today)
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
        var told = 0;
        foreach (var id in overdue.Order())
        {
            var action = await db.ImprovementActions.FirstAsync(a => a.Id == id, cancellationToken);
            if (!action.IsOverdueOn(today) || action.OverdueNoticeAt is not null)
            {
                db.ChangeTracker.Clear();
                continue;
            }

            action.MarkOverdueNoticed(now);
            // By the portal itself: no name.
            db.ImprovementLog.Add(new ImprovementLogEntry(action, ImprovementEvent.Overdue, "", now, null));
            db.Notifications.AddRange(ImprovementNotices.Overdue(action, now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                told++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Reported done, or told of by another instance, in the meantime: nothing to do now.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return told;
    }
}
