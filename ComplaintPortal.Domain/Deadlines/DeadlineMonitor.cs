using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Deadlines;

/// <summary>
/// Finds open deadlines that have become due-soon or overdue and records each such transition once:
/// a <see cref="DeadlineTransition"/> row and a ledger line each, and one notice per case and level to each
/// person concerned (<see cref="DeadlineNotices"/>). The first time a case is overdue it is marked escalated,
/// with one ledger line, and so appears in leadership's escalation list (<see cref="Escalations"/>).
/// It scans state rather than reacting to timers, so a run after a restart catches up on everything missed;
/// the unique index on the transitions and the case's ledger sequence make a second run, or a second
/// instance, record nothing twice.
/// </summary>
public sealed class DeadlineMonitor(PortalDbContext db)
{
    public const string ActorId = "system:deadlines";
    public const string ActorName = "Deadline monitor";

    private static readonly CaseStage[] NotRunning =
        [CaseStage.WaitingForCustomer, CaseStage.Closed, CaseStage.Withdrawn, CaseStage.Invalid, CaseStage.Duplicate];

    private static readonly List<CaseStage> Running = Enum.GetValues<CaseStage>().Except(NotRunning).ToList();

    /// <summary>Records every transition reached by <paramref name="now"/>; returns how many this run recorded.</summary>
    public async Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        // The running cases as a list the scan looks into, not a join: the planner would read each deadline's
        // case row, and most unmet deadlines belong to cases closed long ago (seconds a run at 1,000,000 cases).
        var running = db.Complaints.Where(c => Running.Contains(c.Stage)).Select(c => c.Id);
        var reached = await db.CaseDeadlines.AsNoTracking()
            .Where(d => d.MetAt == null && d.DueSoonAt <= now && running.Contains(d.ComplaintId))
            // Nothing left to record: overdue already recorded, or due-soon recorded and not yet due.
            .Where(d => !db.DeadlineTransitions.Any(t => t.CaseDeadlineId == d.Id && t.DueAt == d.DueAt
                && (t.Level == DeadlineLevel.Overdue || d.DueAt > now)))
            .Select(d => new ReachedDeadline(d.Id, d.ComplaintId, d.Complaint!.CaseNumber, d.Kind, d.DueAt,
                d.Task == null ? null : d.Task.DepartmentId,
                d.Task == null ? null : d.Task.Department!.Code,
                d.Task == null ? null : d.Task.OwnerUserId,
                d.Task == null ? null : d.Task.OwnerName,
                db.Users.Any(u => u.Id == d.Complaint.RecordedByUserId) ? d.Complaint.RecordedByUserId : null,
                d.Complaint.RecordedByName,
                db.DeadlineTransitions.Where(t => t.CaseDeadlineId == d.Id && t.DueAt == d.DueAt).Select(t => t.Level).ToList()))
            .ToListAsync(cancellationToken);
        var customerService = await db.Departments.AsNoTracking().Where(d => d.Code == DepartmentCatalog.CustomerService)
            .Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken);

        var recorded = 0;
        foreach (var group in reached.GroupBy(r => r.ComplaintId).OrderBy(g => g.Key))
        {
            // In order, so a catch-up after downtime shows due-soon before overdue.
            var pending = group
                .SelectMany(r => LevelsReached(r, now).Where(l => !r.Recorded.Contains(l)).Select(l => (Deadline: r, Level: l)))
                .OrderBy(p => p.Level).ThenBy(p => p.Deadline.DeadlineId)
                .ToList();
            if (pending.Count > 0 && await TryRecordCaseAsync(group.Key, pending, now, customerService, cancellationToken))
            {
                recorded += pending.Count;
            }
        }

        return recorded;
    }

    /// <summary>Ledger action names for the two levels (stored: never rename).</summary>
    public static string LedgerActionFor(DeadlineLevel level) => level switch
    {
        DeadlineLevel.DueSoon => "DeadlineDueSoon",
        DeadlineLevel.Overdue => "DeadlineOverdue",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    private static IEnumerable<DeadlineLevel> LevelsReached(ReachedDeadline d, DateTimeOffset now)
    {
        yield return DeadlineLevel.DueSoon;
        if (d.DueAt <= now)
        {
            yield return DeadlineLevel.Overdue;
        }
    }

    /// <summary>One case's transitions, ledger lines, escalation and notices: saved together or not at all.</summary>
    private async Task<bool> TryRecordCaseAsync(int complaintId, List<(ReachedDeadline Deadline, DeadlineLevel Level)> pending, DateTimeOffset now,
        int? customerService, CancellationToken ct)
    {
        var chain = await LedgerChain.OpenAsync(db, complaintId, ct);
        foreach (var (d, level) in pending)
        {
            db.DeadlineTransitions.Add(new DeadlineTransition(d.DeadlineId, complaintId, level, d.DueAt, now));
            chain.Append(now, ActorId, ActorName, d.TaskDepartmentId, LedgerActionFor(level), null, null, d.Describe());
        }

        var overdue = pending.Where(p => p.Level == DeadlineLevel.Overdue).Select(p => p.Deadline).ToList();
        if (overdue.Count > 0)
        {
            var complaint = await db.Complaints.FirstAsync(c => c.Id == complaintId, ct);
            if (!complaint.IsEscalated)
            {
                complaint.IsEscalated = true;
                complaint.EscalatedAt = now;
                chain.Append(now, ActorId, ActorName, null, EscalationLedgerAction, complaint.Stage.ToString(), complaint.Stage.ToString(),
                    "overdue: " + string.Join(", ", overdue.Select(d => d.Subject)));
            }
        }

        foreach (var notice in DeadlineNotices.For(pending, customerService, now))
        {
            db.Notifications.Add(notice);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another run recorded these transitions (unique index), wrote to the ledger first or changed the case:
            // nothing of this attempt is kept, and the next run sees the state as it now is.
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The ledger action of the monitor's escalation: the workflow's own "Escalate".</summary>
    public const string EscalationLedgerAction = "Escalate";
}

/// <summary>A deadline the monitor found past a threshold, with whoever owns it.</summary>
/// <param name="CaseOwnerId">The clerk who registered the case, when that is a portal account (case deadlines are theirs).</param>
internal sealed record ReachedDeadline(int DeadlineId, int ComplaintId, string CaseNumber, DeadlineKind Kind, DateTimeOffset DueAt,
    int? TaskDepartmentId, string? TaskDepartmentCode, string? TaskOwnerId, string? TaskOwnerName, string? CaseOwnerId, string CaseOwnerName,
    List<DeadlineLevel> Recorded)
{
    /// <summary>Invariant: <c>FirstResponse</c>, or <c>DepartmentTask#3</c> for a task of department 3.</summary>
    public string Subject => TaskDepartmentId is { } dept ? $"{Kind}#{dept.ToString(CultureInfo.InvariantCulture)}" : Kind.ToString();

    public string Describe() => $"{Subject} due {DueAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture)}";

    /// <summary>Whose it is, for leadership: department code and owner (or "no owner").</summary>
    public string Whose => TaskDepartmentId is null
        ? $"{DepartmentCatalog.CustomerService} {CaseOwnerName}"
        : $"{TaskDepartmentCode} {TaskOwnerName ?? "no owner"}";
}
