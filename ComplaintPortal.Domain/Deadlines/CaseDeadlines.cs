using System.Globalization;
using System.Text;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Deadlines;

/// <summary>
/// Sets, moves and closes a case's deadlines as it goes through the workflow; the one place that turns
/// policies into stored instants. Registration sets the case deadlines from receipt on the general
/// policy, the assessment re-targets them to the case's priority and category (counting from receipt),
/// dispatch sets each task's, a resumption after waiting for the customer moves every open one, and the
/// fulfilling step (acknowledgement, every solution proposed, reply, report back) marks it met.
/// </summary>
public sealed class CaseDeadlines(PortalDbContext db, WorkingCalendarCache calendars)
{
    /// <summary>The ledger action of a follow-up line that shows deadlines set or moved.</summary>
    public const string LedgerAction = "Deadlines";

    private static readonly DeadlineKind[] CaseKinds = [DeadlineKind.FirstResponse, DeadlineKind.SolutionPlan, DeadlineKind.Completion];

    /// <summary>
    /// The policy for a priority and category: the override of the category itself, else of its nearest
    /// ancestor (an override applies to the whole subtree and the most specific wins), else the priority's
    /// default. Deleted (retired) overrides no longer apply.
    /// </summary>
    public async Task<SlaPolicy> PolicyForAsync(Priority priority, int? categoryId, CancellationToken cancellationToken = default)
    {
        var candidates = await db.SlaPolicies.AsNoTracking()
            .Where(p => p.Priority == priority && p.RetiredAt == null)
            .ToListAsync(cancellationToken);
        if (categoryId is not null && candidates.Any(p => p.CategoryId is not null))
        {
            var parents = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.ParentId, cancellationToken);
            // Walk up from the category; the step count stops a (corrupt) cycle.
            int? id = categoryId;
            for (int steps = 0; id is not null && steps <= parents.Count; steps++)
            {
                if (candidates.FirstOrDefault(p => p.CategoryId == id) is { } own)
                {
                    return own;
                }

                id = parents.GetValueOrDefault(id.Value);
            }
        }

        return candidates.FirstOrDefault(p => p.CategoryId is null)
            ?? throw new InvalidOperationException($"No time-limit policy for priority {priority}.");
    }

    /// <summary>The case deadlines of a newly registered case, from receipt, on the general policy.</summary>
    public async Task StartAsync(Complaint complaint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var policy = await PolicyForAsync(complaint.Priority, complaint.CategoryId, cancellationToken);
        var calendar = await calendars.GetAsync(db, policy.CalendarCode, cancellationToken);
        foreach (var kind in CaseKinds)
        {
            var deadline = new CaseDeadline(complaint, null, kind, policy.Id, policy.CalendarCode, complaint.ReceivedAt);
            var target = policy.TargetFor(kind);
            deadline.Schedule(calendar, target.DeadlineFrom(calendar, complaint.ReceivedAt), target, policy.DueSoonPercent);
            db.CaseDeadlines.Add(deadline);
        }
    }

    /// <summary>The policy deadline of a task dispatched now.</summary>
    public async Task<PlannedTaskDeadline> PlanTaskAsync(Complaint complaint, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var policy = await PolicyForAsync(complaint.Priority, complaint.CategoryId, cancellationToken);
        var calendar = await calendars.GetAsync(db, policy.CalendarCode, cancellationToken);
        return new(policy, calendar, policy.Completion.DeadlineFrom(calendar, now), now);
    }

    /// <summary>Tracks a new task's deadline: the dispatcher's explicit one when given, else the policy's.</summary>
    public void TrackTask(Complaint complaint, DepartmentTask task, PlannedTaskDeadline plan)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(plan);
        var deadline = new CaseDeadline(complaint, task, DeadlineKind.DepartmentTask, plan.Policy.Id, plan.Policy.CalendarCode, plan.From);
        deadline.Schedule(plan.Calendar, task.Deadline, plan.Policy.Completion, plan.Policy.DueSoonPercent, setByHand: task.Deadline != plan.DueAt);
        db.CaseDeadlines.Add(deadline);
    }

    /// <summary>
    /// Brings the deadlines up to date after a workflow step was applied (before the stage changes).
    /// Returns a ledger note when deadlines were set or moved, so the ledger shows the new instants.
    /// </summary>
    public async Task<string?> AfterStepAsync(Complaint complaint, WorkflowAction action, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var deadlines = await db.CaseDeadlines.Where(d => d.ComplaintId == complaint.Id).ToListAsync(cancellationToken);
        CaseDeadline? Of(DeadlineKind kind) => deadlines.FirstOrDefault(d => d.Kind == kind);
        switch (action)
        {
            case WorkflowAction.Assess:
                return await RetargetAsync(complaint, deadlines.Where(d => d.DepartmentTaskId is null && !d.IsMet), now, cancellationToken);
            case WorkflowAction.Acknowledge:
                Meet(Of(DeadlineKind.FirstResponse), now);
                return null;
            case WorkflowAction.ProposeSolution:
            case WorkflowAction.ReportBack:
                if (complaint.Tasks.All(t => t.Status >= DepartmentTaskStatus.SolutionProposed))
                {
                    Meet(Of(DeadlineKind.SolutionPlan), now);
                }

                foreach (var task in complaint.Tasks.Where(t => t.IsReported))
                {
                    Meet(deadlines.FirstOrDefault(d => d.DepartmentTaskId == task.Id), now);
                }

                return null;
            case WorkflowAction.Reply:
                Meet(Of(DeadlineKind.Completion), now);
                return null;
            case WorkflowAction.ReopenUnsatisfied:
            case WorkflowAction.RejectUnsatisfiedClosure:
                return await RestartAsync(complaint, deadlines, now, cancellationToken);
            case WorkflowAction.ReturnToDepartment:
                // A task sent back by customer service runs on against its own deadline again.
                foreach (var d in deadlines.Where(d => d.DepartmentTaskId is { } id && complaint.Tasks.Any(t => t.Id == id && !t.IsReported)))
                {
                    d.MetAt = null;
                }

                return null;
            case WorkflowAction.ResumeFromCustomer:
                return complaint.PausedAt is { } pausedAt
                    ? await ResumeAsync(complaint, deadlines.Where(d => !d.IsMet), pausedAt, now, cancellationToken)
                    : null;
            default:
                return null;
        }
    }

    private async Task<string?> RetargetAsync(Complaint complaint, IEnumerable<CaseDeadline> open, DateTimeOffset now, CancellationToken ct)
    {
        var policy = await PolicyForAsync(complaint.Priority, complaint.CategoryId, ct);
        var calendar = await calendars.GetAsync(db, policy.CalendarCode, ct);
        var note = new StringBuilder("policy=" + policy.Summary());
        foreach (var deadline in open.OrderBy(d => d.Kind))
        {
            var target = policy.TargetFor(deadline.Kind);
            // The new target counts from receipt: what is left is the new target less the working time used.
            var due = DeadlineClock.DeadlineAfterTargetChange(calendar, target, deadline.StartedAt, now, deadline.PausedWorkingTime);
            (deadline.PolicyId, deadline.CalendarCode) = (policy.Id, policy.CalendarCode);
            deadline.Schedule(calendar, due, target, policy.DueSoonPercent);
            note.Append("; ").Append(deadline.Kind).Append('=').Append(Format(due));
        }

        return note.ToString();
    }

    /// <summary>
    /// A case reopened after an unsatisfied callback (or a refused closure) starts a new round: its completion
    /// deadline and the deadline of every reopened task count again from now, on the policy that applies now.
    /// </summary>
    private async Task<string?> RestartAsync(Complaint complaint, List<CaseDeadline> deadlines, DateTimeOffset now, CancellationToken ct)
    {
        var policy = await PolicyForAsync(complaint.Priority, complaint.CategoryId, ct);
        var calendar = await calendars.GetAsync(db, policy.CalendarCode, ct);
        var target = policy.Completion;
        var due = target.DeadlineFrom(calendar, now);
        var note = new StringBuilder("reopened; policy=" + policy.Summary());
        var restarted = deadlines
            .Where(d => d.Kind == DeadlineKind.Completion
                || (d.DepartmentTaskId is { } id && complaint.Tasks.Any(t => t.Id == id && !t.IsReported)))
            .OrderBy(d => d.Kind).ThenBy(d => d.DepartmentTaskId);
        foreach (var deadline in restarted)
        {
            deadline.Restart(now);
            (deadline.PolicyId, deadline.CalendarCode) = (policy.Id, policy.CalendarCode);
            deadline.Schedule(calendar, due, target, policy.DueSoonPercent);
            note.Append("; ").Append(deadline.Kind);
            if (complaint.Tasks.FirstOrDefault(t => t.Id == deadline.DepartmentTaskId) is { } task)
            {
                task.Deadline = due;
                note.Append('#').Append(task.DepartmentId.ToString(CultureInfo.InvariantCulture));
            }

            note.Append('=').Append(Format(due));
        }

        return note.ToString();
    }

    private async Task<string?> ResumeAsync(Complaint complaint, IEnumerable<CaseDeadline> open, DateTimeOffset pausedAt, DateTimeOffset now, CancellationToken ct)
    {
        var note = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"paused {Format(pausedAt)} to {Format(now)}"));
        foreach (var deadline in open.OrderBy(d => d.Kind).ThenBy(d => d.DepartmentTaskId))
        {
            var calendar = await calendars.GetAsync(db, deadline.CalendarCode, ct);
            var policy = await db.SlaPolicies.AsNoTracking().FirstAsync(p => p.Id == deadline.PolicyId, ct);
            var due = DeadlineClock.DeadlineAfterPause(calendar, deadline.DueAt, pausedAt, now);
            deadline.PausedWorkingTime += calendar.WorkingTimeBetween(pausedAt, now);
            deadline.Schedule(calendar, due, deadline.Target ?? policy.TargetFor(deadline.Kind), policy.DueSoonPercent, setByHand: deadline.Target is null);
            note.Append("; ").Append(deadline.Kind);
            if (complaint.Tasks.FirstOrDefault(t => t.Id == deadline.DepartmentTaskId) is { } task)
            {
                task.Deadline = due;
                note.Append('#').Append(task.DepartmentId.ToString(CultureInfo.InvariantCulture));
            }

            note.Append('=').Append(Format(due));
        }

        return note.ToString();
    }

    private static void Meet(CaseDeadline? deadline, DateTimeOffset now)
    {
        if (deadline is { IsMet: false })
        {
            deadline.MetAt = now;
        }
    }

    private static string Format(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
}

/// <summary>A task deadline computed from the policy at dispatch.</summary>
public sealed record PlannedTaskDeadline(SlaPolicy Policy, WorkingCalendar Calendar, DateTimeOffset DueAt, DateTimeOffset From);
