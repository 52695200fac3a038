using System.Globalization;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Supervision;

/// <summary>
/// Checks a sampled case against its draw's checklist version. Completing a check records every item's
/// result; the failed items (findings) go, one notice per responsible department, to that department as a
/// rectification notice due in N working days, and its head is notified.
/// </summary>
public sealed class CaseChecking(PortalDbContext db, TimeProvider time, WorkingCalendarCache calendars, SpotCheckFeed? feed = null)
{
    /// <summary>
    /// One page of the pending checks of active draws (the member's own, or everyone's), sorted on the database, and how many
    /// there are in all. By draw: the oldest period first, each draw's cases in the order drawn; ties are broken by the check,
    /// so pages neither repeat nor skip one.
    /// </summary>
    public async Task<(IReadOnlyList<CheckQueueRow> Rows, int Total)> QueueAsync(ActingUser actor, bool everyone, CheckQueueOrder order, bool descending,
        int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        if (!Committee.IsMember(actor))
        {
            return ([], 0);
        }

        var pending = Pending(actor, everyone);
        var total = await pending.CountAsync(cancellationToken);
        var rows = pending.Join(db.Complaints, s => s.ComplaintId, c => c.Id, (s, c) => new { s, c.CaseNumber, s.Draw });
        var sorted = (order, descending) switch
        {
            (CheckQueueOrder.Case, false) => rows.OrderBy(x => x.CaseNumber).ThenBy(x => x.s.Id),
            (CheckQueueOrder.Case, true) => rows.OrderByDescending(x => x.CaseNumber).ThenBy(x => x.s.Id),
            (_, false) => rows.OrderBy(x => x.Draw!.PeriodStart).ThenBy(x => x.s.SampleDrawId).ThenBy(x => x.s.DrawOrder),
            _ => rows.OrderByDescending(x => x.Draw!.PeriodStart).ThenByDescending(x => x.s.SampleDrawId).ThenBy(x => x.s.DrawOrder),
        };
        var page = await sorted.Skip(skip).Take(take).ToListAsync(cancellationToken);
        return (page.Select(x => new CheckQueueRow(x.s.Id, x.s.SampleDrawId, x.Draw!.Period, x.s.ComplaintId, x.CaseNumber,
            x.s.DrawOrder, x.s.StratumDepartmentId, x.s.StratumCategoryId, x.s.Risk, x.s.CheckerName, x.Draw.DrawnAt)).ToList(), total);
    }

    /// <summary>How many checks wait: the member's own and everyone's.</summary>
    public async Task<(int Mine, int Everyone)> QueueCountsAsync(ActingUser actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!Committee.IsMember(actor))
        {
            return (0, 0);
        }

        var counts = await Pending(actor, everyone: true).GroupBy(_ => 1)
            .Select(g => new { Mine = g.Count(s => s.CheckerUserId == actor.UserId), Everyone = g.Count() })
            .SingleOrDefaultAsync(cancellationToken);
        return counts is null ? (0, 0) : (counts.Mine, counts.Everyone);
    }

    /// <summary>
    /// The member's next check: the first of their own still waiting, in the queue's order (the oldest period first, each
    /// draw's cases in the order drawn), other than <paramref name="currentSampledCaseId"/>; and how many of theirs wait besides.
    /// </summary>
    public async Task<(int? Next, int Waiting)> NextAsync(ActingUser actor, int currentSampledCaseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!Committee.IsMember(actor))
        {
            return (null, 0);
        }

        var others = Pending(actor, everyone: false).Where(s => s.Id != currentSampledCaseId);
        var next = await others.OrderBy(s => s.Draw!.PeriodStart).ThenBy(s => s.SampleDrawId).ThenBy(s => s.DrawOrder)
            .Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);
        return (next, next is null ? 0 : await others.CountAsync(cancellationToken));
    }

    private IQueryable<SampledCase> Pending(ActingUser actor, bool everyone) => db.SampledCases.AsNoTracking()
        .Where(s => s.CheckStatus == CheckStatus.Pending && s.Draw!.Status == SampleDrawStatus.Active)
        .Where(s => everyone || s.CheckerUserId == actor.UserId);

    /// <summary>Everything the check page shows; null for anyone but a committee member, or an unknown check.</summary>
    public async Task<CaseCheckView?> OpenAsync(int sampledCaseId, ActingUser actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!Committee.IsMember(actor))
        {
            return null;
        }

        var sampled = await db.SampledCases.AsNoTracking().Include(s => s.Draw).Include(s => s.Results)
            .FirstOrDefaultAsync(s => s.Id == sampledCaseId, cancellationToken);
        if (sampled is null)
        {
            return null;
        }

        var checklist = await db.ChecklistVersions.AsNoTracking().Include(v => v.Items).Include(v => v.Template)
            .FirstAsync(v => v.Id == sampled.Draw!.ChecklistVersionId, cancellationToken);
        var complaint = await db.Complaints.AsNoTracking().Include(c => c.Tasks).FirstAsync(c => c.Id == sampled.ComplaintId, cancellationToken);
        var facts = new CheckedCase(complaint.Id, complaint.CaseNumber, complaint.Stage, complaint.CategoryId, complaint.Priority,
            complaint.ReceivedAt, complaint.ClosedAt, complaint.ReopenCount, complaint.SatisfiedWithResult,
            complaint.Tasks.OrderBy(t => t.Id).Select(t => t.DepartmentId).Distinct().ToList());
        var verification = await LedgerVerifier.VerifyCaseAsync(db, complaint.Id, cancellationToken);
        var notices = await db.RectificationNotices.AsNoTracking().Where(n => n.SampledCaseId == sampled.Id).OrderBy(n => n.Id)
            .ToListAsync(cancellationToken);
        var customerService = await db.Departments.AsNoTracking().Where(d => d.Code == DepartmentCatalog.CustomerService)
            .Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken);
        return new CaseCheckView(sampled, sampled.Draw!, checklist, facts, verification, await DeadlineHistoryAsync(complaint.Id, cancellationToken),
            notices, customerService);
    }

    /// <summary>Records the check and issues the notices its findings call for, all or nothing.</summary>
    public async Task<SupervisionResult<SampledCase>> CompleteAsync(int sampledCaseId, int expectedVersion, IReadOnlyList<CheckAnswer> answers,
        int workingDays, ActingUser actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var view = await OpenAsync(sampledCaseId, actor, cancellationToken);
        if (view is null)
        {
            return Committee.IsMember(actor) ? Fail(SupervisionError.NotFound) : Fail(SupervisionError.NotPermitted);
        }

        if (view.Sampled.CheckStatus != CheckStatus.Pending || view.Draw.Status != SampleDrawStatus.Active)
        {
            return Fail(SupervisionError.WrongState);
        }

        if (view.Sampled.Version != expectedVersion)
        {
            return Fail(SupervisionError.ConcurrencyConflict);
        }

        var problem = Validate(view, answers, workingDays);
        if (problem != SupervisionError.None)
        {
            return Fail(problem);
        }

        var sampled = await db.SampledCases.FirstAsync(s => s.Id == sampledCaseId, cancellationToken);
        var now = time.GetUtcNow();
        var results = view.Checklist.Items.OrderBy(i => i.Position).Select(item =>
        {
            var answer = answers.First(a => a.ChecklistItemId == item.Id);
            return new CheckResult(item, answer.Outcome!.Value, Blank(answer.Remark), answer.ResponsibleDepartmentId);
        }).ToList();
        sampled.Complete(results, actor.Name, now);

        var notices = new List<RectificationNotice>();
        foreach (var group in results.Where(r => r.IsFinding).GroupBy(r => r.ResponsibleDepartmentId!.Value).OrderBy(g => g.Key))
        {
            var (calendarCode, dueAt) = await RectificationDeadline.ComputeAsync(db, calendars, view.Case.CategoryId, now, workingDays, cancellationToken);
            var notice = new RectificationNotice(sampled, group.Key, group, workingDays, calendarCode, dueAt, actor, now);
            db.RectificationNotices.Add(notice);
            notices.Add(notice);
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await RecordAsync(view, sampled, notices, actor, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (SaveConflicts.IsLostRace(ex))
        {
            db.ChangeTracker.Clear();
            return Fail(SupervisionError.ConcurrencyConflict);
        }

        feed?.Publish(new SpotCheckChange(SpotCheckChangeKind.Checked, sampled.SampleDrawId, sampled.Id));
        return SupervisionResult<SampledCase>.Ok(sampled);
    }

    private async Task RecordAsync(CaseCheckView view, SampledCase sampled, List<RectificationNotice> notices, ActingUser actor, DateTimeOffset now,
        CancellationToken ct)
    {
        var tally = string.Create(CultureInfo.InvariantCulture,
            $"sample={sampled.SampleDrawId}; pass={sampled.Results.Count(r => r.Outcome == CheckOutcome.Pass)}; fail={sampled.Results.Count(r => r.IsFinding)}; na={sampled.Results.Count(r => r.Outcome == CheckOutcome.NotApplicable)}");
        var failed = string.Join(',', sampled.Results.Where(r => r.IsFinding).Select(r => r.ItemCode));
        SupervisionRecord.Log(db, now, actor, SupervisionAction.CaseChecked, sampled.Id, $"case={view.Case.CaseNumber}; {tally}; failed={failed}");
        var chain = await LedgerChain.OpenAsync(db, view.Case.ComplaintId, ct);
        chain.Append(now, actor.UserId, actor.Name, actor.DepartmentId, SupervisionLedgerActions.SpotChecked, null, null, $"{tally}; failed={failed}");
        foreach (var notice in notices)
        {
            var due = notice.DueAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
            var note = string.Create(CultureInfo.InvariantCulture,
                $"notice={notice.Id}; department={notice.DepartmentId}; items={string.Join(',', notice.Findings.Select(f => f.ItemCode))}; days={notice.WorkingDays}; calendar={notice.CalendarCode}; due={due}");
            SupervisionRecord.Log(db, now, actor, SupervisionAction.NoticeIssued, notice.Id, $"case={view.Case.CaseNumber}; {note}");
            chain.Append(now, actor.UserId, actor.Name, notice.DepartmentId, SupervisionLedgerActions.RectificationIssued, null, null, note);
            db.Notifications.Add(new Notification(PortalRoles.DepartmentHead, notice.DepartmentId, notice.ComplaintId, NotificationKind.RectificationIssued,
                $"{view.Case.CaseNumber}: rectification due {due}".Truncate(Notification.TextMaxLength), now));
        }
    }

    private static SupervisionError Validate(CaseCheckView view, IReadOnlyList<CheckAnswer> answers, int workingDays)
    {
        var choices = view.ResponsibleChoices;
        foreach (var item in view.Checklist.Items)
        {
            var answer = answers.FirstOrDefault(a => a.ChecklistItemId == item.Id);
            if (answer?.Outcome is not { } outcome || !Enum.IsDefined(outcome))
            {
                return SupervisionError.OutcomeMissing;
            }

            if (answer.Remark?.Trim().Length > CheckResult.RemarkMaxLength)
            {
                return SupervisionError.TextTooLong;
            }

            if (outcome == CheckOutcome.Fail && string.IsNullOrWhiteSpace(answer.Remark))
            {
                return SupervisionError.RemarkRequired;
            }

            if (outcome == CheckOutcome.Fail && (answer.ResponsibleDepartmentId is not { } d || !choices.Contains(d)))
            {
                return SupervisionError.ResponsibleDepartmentRequired;
            }
        }

        var anyFinding = answers.Any(a => a.Outcome == CheckOutcome.Fail && view.Checklist.Items.Any(i => i.Id == a.ChecklistItemId));
        return anyFinding && workingDays is < 1 or > RectificationNotice.MaxWorkingDays ? SupervisionError.InvalidWorkingDays : SupervisionError.None;
    }

    private async Task<IReadOnlyList<DeadlineHistoryRow>> DeadlineHistoryAsync(int complaintId, CancellationToken ct)
    {
        var deadlines = (await db.CaseDeadlines.AsNoTracking().Include(d => d.Task).Where(d => d.ComplaintId == complaintId).ToListAsync(ct))
            .OrderBy(d => d.Kind).ThenBy(d => d.DepartmentTaskId).ToList();
        var transitions = (await db.DeadlineTransitions.AsNoTracking().Where(t => t.ComplaintId == complaintId).OrderBy(t => t.RecordedAt)
            .ToListAsync(ct)).ToLookup(t => t.CaseDeadlineId);
        return deadlines.Select(d => new DeadlineHistoryRow(d.Kind, d.Task?.DepartmentId, d.StartedAt, d.DueAt, d.MetAt, transitions[d.Id].ToList()))
            .ToList();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static SupervisionResult<SampledCase> Fail(SupervisionError error) => SupervisionResult<SampledCase>.Fail(error);
}
