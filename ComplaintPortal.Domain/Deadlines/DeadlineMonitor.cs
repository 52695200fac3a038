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
/// a <see cref="DeadlineTransition"/> row, a ledger line and notices to the owner side and the department
/// head (and leadership for an overdue urgent case). It scans state rather than reacting to timers, so a
/// run after a restart catches up on everything missed; the unique index on the transitions makes a
/// second run, or a second instance, record nothing twice.
/// </summary>
public sealed class DeadlineMonitor(PortalDbContext db)
{
    public const string ActorId = "system:deadlines";
    public const string ActorName = "Deadline monitor";

    private static readonly CaseStage[] NotRunning =
        [CaseStage.WaitingForCustomer, CaseStage.Closed, CaseStage.Withdrawn, CaseStage.Invalid, CaseStage.Duplicate];

    /// <summary>Records every transition reached by <paramref name="now"/>; returns how many this run recorded.</summary>
    public async Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var reached = await db.CaseDeadlines.AsNoTracking()
            .Where(d => d.MetAt == null && d.DueSoonAt <= now && !NotRunning.Contains(d.Complaint!.Stage))
            // Nothing left to record: overdue already recorded, or due-soon recorded and not yet due.
            .Where(d => !db.DeadlineTransitions.Any(t => t.CaseDeadlineId == d.Id && t.DueAt == d.DueAt
                && (t.Level == DeadlineLevel.Overdue || d.DueAt > now)))
            .Select(d => new Candidate(d.Id, d.ComplaintId, d.Complaint!.CaseNumber, d.Complaint.Priority, d.Kind, d.DueAt, d.DueSoonAt,
                d.Task == null ? null : d.Task.DepartmentId,
                db.DeadlineTransitions.Where(t => t.CaseDeadlineId == d.Id && t.DueAt == d.DueAt).Select(t => t.Level).ToList()))
            .ToListAsync(cancellationToken);
        var customerService = await db.Departments.AsNoTracking().Where(d => d.Code == DepartmentCatalog.CustomerService)
            .Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken);

        var recorded = 0;
        foreach (var candidate in reached.OrderBy(c => c.ComplaintId).ThenBy(c => c.DeadlineId))
        {
            foreach (var level in LevelsReached(candidate, now).Where(l => !candidate.Recorded.Contains(l)))
            {
                if (await TryRecordAsync(candidate, level, now, customerService, cancellationToken))
                {
                    recorded++;
                }
            }
        }

        return recorded;
    }

    private static IEnumerable<DeadlineLevel> LevelsReached(Candidate c, DateTimeOffset now)
    {
        // In order, so a catch-up after downtime shows due-soon before overdue.
        yield return DeadlineLevel.DueSoon;
        if (c.DueAt <= now)
        {
            yield return DeadlineLevel.Overdue;
        }
    }

    private async Task<bool> TryRecordAsync(Candidate c, DeadlineLevel level, DateTimeOffset now, int? customerService, CancellationToken ct)
    {
        db.DeadlineTransitions.Add(new DeadlineTransition(c.DeadlineId, c.ComplaintId, level, c.DueAt, now));
        var chain = await LedgerChain.OpenAsync(db, c.ComplaintId, ct);
        var due = c.DueAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
        var subject = c.TaskDepartmentId is { } dept ? $"{c.Kind}#{dept.ToString(CultureInfo.InvariantCulture)}" : c.Kind.ToString();
        var text = $"{subject} due {due}";
        chain.Append(now, ActorId, ActorName, c.TaskDepartmentId, LedgerActionFor(level), null, null, text);

        var kind = level == DeadlineLevel.Overdue ? NotificationKind.DeadlineOverdue : NotificationKind.DeadlineDueSoon;
        var notice = $"{c.CaseNumber}: {text}".Truncate(Notification.TextMaxLength);
        foreach (var (role, department) in Recipients(c, level, customerService))
        {
            db.Notifications.Add(new Notification(role, department, c.ComplaintId, kind, notice, now));
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another run recorded this transition (unique index) or wrote to the ledger first: either way
            // nothing of this attempt is kept, and the next run sees the state as it now is.
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Ledger action names for the two levels (stored: never rename).</summary>
    public static string LedgerActionFor(DeadlineLevel level) => level switch
    {
        DeadlineLevel.DueSoon => "DeadlineDueSoon",
        DeadlineLevel.Overdue => "DeadlineOverdue",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>
    /// Notices address roles (optionally within a department): a task's owner side is its department's
    /// handlers, a case deadline's is customer service; the head of that department always hears of it.
    /// </summary>
    private static IEnumerable<(string Role, int? Department)> Recipients(Candidate c, DeadlineLevel level, int? customerService)
    {
        if (c.TaskDepartmentId is { } department)
        {
            yield return (PortalRoles.DepartmentHandler, department);
            yield return (PortalRoles.DepartmentHead, department);
        }
        else
        {
            yield return (PortalRoles.IntakeClerk, null);
            yield return (PortalRoles.DepartmentHead, customerService);
        }

        if (level == DeadlineLevel.Overdue && c.Priority == Priority.Urgent)
        {
            yield return (PortalRoles.Leadership, null);
        }
    }

    private sealed record Candidate(int DeadlineId, int ComplaintId, string CaseNumber, Priority Priority, DeadlineKind Kind,
        DateTimeOffset DueAt, DateTimeOffset DueSoonAt, int? TaskDepartmentId, List<DeadlineLevel> Recorded);
}

file static class TextExtensions
{
    public static string Truncate(this string text, int max) => text.Length <= max ? text : text[..max];
}
