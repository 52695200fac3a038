using System.Globalization;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Supervision;

/// <summary>
/// The life of a rectification notice after it is issued: the department head answers (cause and fix), the
/// committee closes it or sends it back. Who sees what is <see cref="Committee"/>'s: a handler or head of
/// another department finds nothing.
/// </summary>
public sealed partial class RectificationNotices(PortalDbContext db, TimeProvider time)
{
    private static readonly SupervisionAction[] NoticeActions =
    [
        SupervisionAction.NoticeIssued, SupervisionAction.NoticeAnswered, SupervisionAction.NoticeReturned,
        SupervisionAction.NoticeClosed, SupervisionAction.NoticeEscalated,
    ];

    /// <summary>
    /// The department's notices not yet closed, with their due instants, for its live board (the board does not
    /// show them yet). No viewer check: the board already limits itself to the viewer's department.
    /// </summary>
    public async Task<IReadOnlyList<OpenNotice>> OpenNoticesForAsync(int departmentId, CancellationToken cancellationToken = default) =>
        await db.RectificationNotices.AsNoTracking()
            .Where(n => n.DepartmentId == departmentId && n.Status != NoticeStatus.Closed)
            .OrderBy(n => n.DueAt).ThenBy(n => n.Id)
            .Join(db.Complaints, n => n.ComplaintId, c => c.Id, (n, c) => new OpenNotice(n.Id, n.ComplaintId, c.CaseNumber, n.Status, n.IssuedAt, n.DueAt,
                n.EscalatedAt != null))
            .ToListAsync(cancellationToken);

    /// <summary>The notice page, or null when there is no such notice or the viewer may not see it.</summary>
    public async Task<NoticeView?> FindAsync(int noticeId, ActingUser viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var notice = await db.RectificationNotices.AsNoTracking().Include(n => n.Findings).FirstOrDefaultAsync(n => n.Id == noticeId, cancellationToken);
        if (notice is null || !Committee.MaySee(notice, viewer))
        {
            return null;
        }

        var caseNumber = await db.Complaints.AsNoTracking().Where(c => c.Id == notice.ComplaintId).Select(c => c.CaseNumber).FirstAsync(cancellationToken);
        var itemIds = notice.Findings.Select(f => f.ChecklistItemId).ToList();
        var items = await db.ChecklistItems.AsNoTracking().Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var findings = notice.Findings.OrderBy(f => items[f.ChecklistItemId].Position)
            .Select(f => new NoticeFinding(items[f.ChecklistItemId], f.Remark)).ToList();
        var history = await db.SupervisionLog.AsNoTracking()
            .Where(e => e.SubjectId == noticeId && NoticeActions.Contains(e.Action))
            .OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var evidence = await db.NoticeEvidence.AsNoTracking().Where(e => e.RectificationNoticeId == noticeId)
            .OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return new NoticeView(notice, caseNumber, findings, history,
            notice.Status == NoticeStatus.Open && Committee.MayAnswer(notice, viewer),
            notice.Status == NoticeStatus.Answered && Committee.IsMember(viewer))
        {
            Evidence = evidence,
            CalendarName = await db.WorkingCalendars.AsNoTracking().Where(c => c.Code == notice.CalendarCode).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken),
        };
    }

    /// <summary>One evidence file of a notice, or null when there is none or the viewer may not see the notice.</summary>
    public async Task<NoticeEvidence?> FindEvidenceAsync(int noticeId, int evidenceId, ActingUser viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var notice = await db.RectificationNotices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == noticeId, cancellationToken);
        if (notice is null || !Committee.MaySee(notice, viewer))
        {
            return null;
        }

        return await db.NoticeEvidence.AsNoTracking()
            .FirstOrDefaultAsync(e => e.Id == evidenceId && e.RectificationNoticeId == noticeId, cancellationToken);
    }

    /// <summary>
    /// The head's answer: why it went wrong and what was changed, with evidence files already put in the evidence
    /// store (each must meet the case evidence limits, or the whole answer is refused).
    /// </summary>
    public async Task<SupervisionResult<RectificationNotice>> AnswerAsync(int noticeId, int expectedVersion, string? cause, string? fix, ActingUser head,
        IReadOnlyList<NewEvidence>? evidence = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(head);
        evidence ??= [];
        var notice = await db.RectificationNotices.FirstOrDefaultAsync(n => n.Id == noticeId, cancellationToken);
        if (notice is null || !Committee.MaySee(notice, head))
        {
            return Fail(SupervisionError.NotFound);
        }

        if (!Committee.MayAnswer(notice, head))
        {
            return Fail(SupervisionError.NotPermitted);
        }

        cause = cause?.Trim();
        fix = fix?.Trim();
        var problem = notice.Status != NoticeStatus.Open ? SupervisionError.WrongState
            : notice.Version != expectedVersion ? SupervisionError.ConcurrencyConflict
            : string.IsNullOrEmpty(cause) || string.IsNullOrEmpty(fix) ? SupervisionError.InputRequired
            : cause.Length > RectificationNotice.TextMaxLength || fix.Length > RectificationNotice.TextMaxLength ? SupervisionError.TextTooLong
            : evidence.Count > RectificationNotice.MaxEvidencePerAnswer || !evidence.All(NoticeEvidence.IsAcceptable) ? SupervisionError.EvidenceRefused
            : SupervisionError.None;
        if (problem != SupervisionError.None)
        {
            return Fail(problem);
        }

        var now = time.GetUtcNow();
        notice.Answer(cause!, fix!, head, now);
        foreach (var file in evidence)
        {
            db.NoticeEvidence.Add(new NoticeEvidence(notice.Id, file, head, now));
        }

        var files = string.Concat(evidence.Select(f => string.Create(CultureInfo.InvariantCulture, $"\nfile={f.FileName} ({f.ContentType}, {f.SizeBytes} B, sha256 {f.Sha256})")));
        SupervisionRecord.Log(db, now, head, SupervisionAction.NoticeAnswered, notice.Id, $"cause={cause}\nfix={fix}{files}");
        await SupervisionRecord.LedgerAsync(db, notice.ComplaintId, now, head, SupervisionLedgerActions.RectificationAnswered,
            $"notice={notice.Id.ToString(CultureInfo.InvariantCulture)}; cause={cause}; fix={fix}; files={evidence.Count.ToString(CultureInfo.InvariantCulture)}", cancellationToken);
        await NotifyAsync(notice, PortalRoles.Supervisor, null, NotificationKind.RectificationAnswered, "answered", now, cancellationToken);
        return await SaveAsync(notice, cancellationToken);
    }

    /// <summary>The committee's verification: close the notice, or send it back with a reason (its deadline stands).</summary>
    public async Task<SupervisionResult<RectificationNotice>> VerifyAsync(int noticeId, int expectedVersion, bool accept, string? reason, ActingUser member,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!Committee.IsMember(member))
        {
            return Fail(SupervisionError.NotPermitted);
        }

        var notice = await db.RectificationNotices.FirstOrDefaultAsync(n => n.Id == noticeId, cancellationToken);
        if (notice is null)
        {
            return Fail(SupervisionError.NotFound);
        }

        reason = reason?.Trim();
        var problem = notice.Status != NoticeStatus.Answered ? SupervisionError.WrongState
            : notice.Version != expectedVersion ? SupervisionError.ConcurrencyConflict
            : !accept && string.IsNullOrEmpty(reason) ? SupervisionError.InputRequired
            : reason?.Length > RectificationNotice.TextMaxLength ? SupervisionError.TextTooLong
            : SupervisionError.None;
        if (problem != SupervisionError.None)
        {
            return Fail(problem);
        }

        var now = time.GetUtcNow();
        var id = notice.Id.ToString(CultureInfo.InvariantCulture);
        if (accept)
        {
            notice.Close(member, now);
            SupervisionRecord.Log(db, now, member, SupervisionAction.NoticeClosed, notice.Id, reason is { Length: > 0 } ? "remark=" + reason : null);
            await SupervisionRecord.LedgerAsync(db, notice.ComplaintId, now, member, SupervisionLedgerActions.RectificationClosed, $"notice={id}", cancellationToken);
        }
        else
        {
            notice.SendBack(reason!);
            SupervisionRecord.Log(db, now, member, SupervisionAction.NoticeReturned, notice.Id, "reason=" + reason);
            await SupervisionRecord.LedgerAsync(db, notice.ComplaintId, now, member, SupervisionLedgerActions.RectificationReturned,
                $"notice={id}; reason={reason}", cancellationToken);
            await NotifyAsync(notice, PortalRoles.DepartmentHead, notice.DepartmentId, NotificationKind.RectificationReturned, "sent back", now, cancellationToken);
        }

        return await SaveAsync(notice, cancellationToken);
    }

    private async Task NotifyAsync(RectificationNotice notice, string role, int? departmentId, NotificationKind kind, string what, DateTimeOffset now,
        CancellationToken ct)
    {
        var caseNumber = await db.Complaints.AsNoTracking().Where(c => c.Id == notice.ComplaintId).Select(c => c.CaseNumber).FirstAsync(ct);
        db.Notifications.Add(new Notification(role, departmentId, notice.ComplaintId, kind, $"{caseNumber}: rectification {what}".Truncate(Notification.TextMaxLength), now));
    }

    private async Task<SupervisionResult<RectificationNotice>> SaveAsync(RectificationNotice notice, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (SaveConflicts.IsLostRace(ex))
        {
            db.ChangeTracker.Clear();
            return Fail(SupervisionError.ConcurrencyConflict);
        }

        return SupervisionResult<RectificationNotice>.Ok(notice);
    }

    private static SupervisionResult<RectificationNotice> Fail(SupervisionError error) => SupervisionResult<RectificationNotice>.Fail(error);
}
