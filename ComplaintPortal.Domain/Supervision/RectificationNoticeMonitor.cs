using System.Globalization;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Supervision;

/// <summary>
/// Escalates to leadership every notice left unanswered past its deadline, once: the notice is marked, a log
/// line and a case-ledger line are written, and leadership and the department's head are notified. It scans
/// state rather than setting timers, so a run after downtime catches up; the notice's version token makes a
/// second instance escalating the same notice lose instead of notifying twice.
/// </summary>
public sealed class RectificationNoticeMonitor(PortalDbContext db)
{
    /// <summary>Escalates what is overdue at <paramref name="now"/>; returns how many notices this run escalated.</summary>
    public async Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var overdue = await db.RectificationNotices.AsNoTracking()
            .Where(n => n.Status == NoticeStatus.Open && n.EscalatedAt == null && n.DueAt < now)
            .Select(n => n.Id)
            .ToListAsync(cancellationToken);
        var escalated = 0;
        foreach (var id in overdue.Order())
        {
            if (await TryEscalateAsync(id, now, cancellationToken))
            {
                escalated++;
            }
        }

        return escalated;
    }

    private async Task<bool> TryEscalateAsync(int noticeId, DateTimeOffset now, CancellationToken ct)
    {
        var notice = await db.RectificationNotices.FirstAsync(n => n.Id == noticeId, ct);
        if (!notice.IsOverdue(now) || notice.EscalatedAt is not null)
        {
            db.ChangeTracker.Clear();
            return false;
        }

        var caseNumber = await db.Complaints.AsNoTracking().Where(c => c.Id == notice.ComplaintId).Select(c => c.CaseNumber).FirstAsync(ct);
        var due = notice.DueAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
        var note = string.Create(CultureInfo.InvariantCulture, $"notice={notice.Id}; department={notice.DepartmentId}; due={due}");
        notice.Escalate(now);
        db.SupervisionLog.Add(new SupervisionLogEntry(now, SupervisionLogEntry.SystemActorId, SupervisionLogEntry.SystemActorName,
            SupervisionAction.NoticeEscalated, notice.Id, note));
        await SupervisionRecord.LedgerAsync(db, notice.ComplaintId, now, SupervisionLogEntry.SystemActorId, SupervisionLogEntry.SystemActorName,
            notice.DepartmentId, SupervisionLedgerActions.RectificationOverdue, note, ct);
        var text = $"{caseNumber}: rectification overdue since {due}".Truncate(Notification.TextMaxLength);
        db.Notifications.Add(new Notification(PortalRoles.Leadership, null, notice.ComplaintId, NotificationKind.RectificationOverdue, text, now));
        db.Notifications.Add(new Notification(PortalRoles.DepartmentHead, notice.DepartmentId, notice.ComplaintId, NotificationKind.RectificationOverdue, text, now));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (SaveConflicts.IsLostRace(ex))
        {
            // Answered or escalated by someone else in the meantime: nothing to do now.
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
