using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Domain.Validation;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Workflow;

/// <summary>
/// Takes one step of <see cref="WorkflowTable"/> on a case: checks the stage and the actor, applies the
/// step, appends the ledger event(s) and saves, all or nothing. A refused step changes nothing.
/// </summary>
public sealed partial class ComplaintWorkflow(PortalDbContext db, TimeProvider time, WorkingCalendarCache? calendars = null)
{
    private readonly CaseDeadlines deadlines = new(db, calendars ?? WorkingCalendarCache.Shared);

    private const int MaxAttempts = 5;

    /// <param name="expectedVersion">The <see cref="Complaint.Version"/> the actor saw; a different one means someone acted first.</param>
    public async Task<WorkflowResult> ExecuteAsync(int complaintId, int expectedVersion, WorkflowAction action,
        WorkflowInput input, ActingUser actor, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await ExecuteOnceAsync(complaintId, expectedVersion, action, input, actor, cancellationToken);
            // A race lost to a writer on another case (the same global ledger position, a busy file) is not
            // this case's conflict: the case is still as the actor saw it, so the step is simply taken again.
            if (result.Error != WorkflowError.ConcurrencyConflict || attempt == MaxAttempts
                || !await db.Complaints.AsNoTracking().AnyAsync(c => c.Id == complaintId && c.Version == expectedVersion, cancellationToken))
            {
                return result;
            }
        }
    }

    private async Task<WorkflowResult> ExecuteOnceAsync(int complaintId, int expectedVersion, WorkflowAction action,
        WorkflowInput input, ActingUser actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        if (!Enum.IsDefined(action))
        {
            return new WorkflowResult(WorkflowError.InputRefused, null, new FieldError("action", InputProblem.NotDefined));
        }

        if (WorkflowInputRules.Check(input) is { } refused)
        {
            return new WorkflowResult(WorkflowError.InputRefused, null, refused);
        }

        var complaint = await db.Complaints.Include(c => c.Tasks).Include(c => c.Evidence).AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == complaintId, cancellationToken);
        if (complaint is null)
        {
            return WorkflowResult.Fail(WorkflowError.CaseNotFound);
        }

        if (complaint.Version != expectedVersion)
        {
            return Refuse(WorkflowError.ConcurrencyConflict);
        }

        var step = WorkflowTable.For(action);
        if (!step.From.Contains(complaint.Stage))
        {
            return Refuse(WorkflowError.WrongStage);
        }

        DepartmentTask? task = null;
        if (step.IsTaskStep)
        {
            task = complaint.Tasks.FirstOrDefault(t => t.Id == input.TaskId);
            if (task is null)
            {
                return Refuse(WorkflowError.TaskNotFound);
            }
        }

        if (!MayTake(step, complaint, task, actor))
        {
            return Refuse(WorkflowError.NotPermitted);
        }

        if (Precluded(action, complaint, task) is not WorkflowError.None and var precluded)
        {
            return Refuse(precluded);
        }

        var chain = LedgerChain.Open(db, complaint);
        var context = new StepContext(complaint, task, input, actor, time.GetUtcNow(), chain);
        var from = complaint.Stage;
        var error = await ApplyAsync(step, context, cancellationToken);
        if (error != WorkflowError.None)
        {
            return Refuse(error);
        }

        // Before the stage moves on: a resumption still knows when the pause began.
        var deadlineNote = await deadlines.AfterStepAsync(complaint, action, context.Now, cancellationToken);
        var to = WorkflowTable.NextStage(step, from, complaint.Tasks.All(t => t.IsReported), complaint.PausedFromStage);
        if (step.Next == NextStageRule.BackToPausedStage)
        {
            complaint.PausedFromStage = null;
            complaint.PausedAt = null;
        }

        complaint.Stage = to;
        if (to.IsFinal())
        {
            complaint.ClosedAt = context.Now;
        }

        var ledgerNote = context.LedgerNote ?? input.Note;
        if (WorkflowInputRules.CheckLedgerNote(ledgerNote) is { } tooLong)
        {
            db.ChangeTracker.Clear();
            return new WorkflowResult(WorkflowError.InputRefused, null, tooLong);
        }

        complaint.Version++;
        chain.Append(context.Now, actor.UserId, actor.Name, task?.DepartmentId ?? actor.DepartmentId,
            action.ToString(), from.ToString(), to.ToString(), ledgerNote);
        if (deadlineNote is not null)
        {
            chain.Append(context.Now, actor.UserId, actor.Name, actor.DepartmentId, CaseDeadlines.LedgerAction, to.ToString(), to.ToString(), deadlineNote);
        }

        foreach (var follow in context.FollowUps)
        {
            follow(chain);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (SaveConflicts.IsLostRace(ex))
        {
            // Either the Version check failed (DbUpdateConcurrencyException) or another writer took the
            // same ledger sequence first: both mean someone else acted on this case in the meantime.
            db.ChangeTracker.Clear();
            return WorkflowResult.Fail(WorkflowError.ConcurrencyConflict);
        }

        return new WorkflowResult(WorkflowError.None, complaint);
    }

    /// <summary>The steps the user may take now (task steps once per task they may act on); for the case page.</summary>
    public static IReadOnlyList<(WorkflowStep Step, DepartmentTask? Task)> AvailableSteps(Complaint complaint, ActingUser actor)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var result = new List<(WorkflowStep, DepartmentTask?)>();
        foreach (var step in WorkflowTable.Steps.Where(s => s.From.Contains(complaint.Stage)))
        {
            if (!step.IsTaskStep)
            {
                if (MayTake(step, complaint, null, actor) && Precluded(step.Action, complaint, null) == WorkflowError.None)
                {
                    result.Add((step, null));
                }

                continue;
            }

            foreach (var task in complaint.Tasks.Where(t => MayTake(step, complaint, t, actor) && Precluded(step.Action, complaint, t) == WorkflowError.None))
            {
                result.Add((step, task));
            }
        }

        return result;
    }

    /// <summary>
    /// Why the case (or the task) as it stands rules the step out whatever is typed into it: work on a task its department
    /// has reported back (or chasing it), a report back before any findings, a second escalation, an inspection before the escalation.
    /// The page does not offer such a step; taken anyway, the step refuses it with the same error.
    /// </summary>
    public static WorkflowError Precluded(WorkflowAction action, Complaint complaint, DepartmentTask? task)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return action switch
        {
            WorkflowAction.ReassignTask or WorkflowAction.RecordFindings or WorkflowAction.ProposeSolution or WorkflowAction.RecordNegotiation
                or WorkflowAction.RecordImplementation or WorkflowAction.ReportBack or WorkflowAction.ChaseTask when task is { IsReported: true } => WorkflowError.TaskAlreadyReported,
            WorkflowAction.ReportBack when task is not null && task.Findings.IsBlank() => WorkflowError.FindingsRequired,
            WorkflowAction.Escalate when complaint.IsEscalated => WorkflowError.AlreadyEscalated,
            WorkflowAction.OrderOnSiteInspection when !complaint.IsEscalated => WorkflowError.NotEscalated,
            _ => WorkflowError.None,
        };
    }

    /// <summary>Whether the actor fits one of the step's actors for this case (and task).</summary>
    public static bool MayTake(WorkflowStep step, Complaint complaint, DepartmentTask? task, ActingUser actor)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(actor);
        var inDepartmentRole = actor.IsInRole(PortalRoles.DepartmentHandler) || actor.IsInRole(PortalRoles.DepartmentHead);
        return step.Actors.Any(a => a switch
        {
            WorkflowActor.IntakeClerk => actor.IsInRole(PortalRoles.IntakeClerk),
            WorkflowActor.Leadership => actor.IsInRole(PortalRoles.Leadership),
            WorkflowActor.TaskDepartment => inDepartmentRole && (task is null
                ? complaint.HasTaskFor(actor.DepartmentId)
                : task.DepartmentId == actor.DepartmentId),
            WorkflowActor.TaskDepartmentHead => actor.IsInRole(PortalRoles.DepartmentHead) && (task is null
                ? complaint.HasTaskFor(actor.DepartmentId)
                : task.DepartmentId == actor.DepartmentId),
            _ => false,
        });
    }

    /// <summary>Who "works the case" and so sees the complainant's personal data unmasked.</summary>
    public static bool WorksTheCase(Complaint complaint, ActingUser actor)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsInRole(PortalRoles.IntakeClerk)
            || actor.IsInRole(PortalRoles.Leadership)
            || ((actor.IsInRole(PortalRoles.DepartmentHandler) || actor.IsInRole(PortalRoles.DepartmentHead))
                && complaint.HasTaskFor(actor.DepartmentId));
    }

    private WorkflowResult Refuse(WorkflowError error)
    {
        // Nothing of a refused step may reach the next save of this context.
        db.ChangeTracker.Clear();
        return WorkflowResult.Fail(error);
    }

    private void Notify(StepContext context, string role, int? departmentId, NotificationKind kind, string text) =>
        db.Notifications.Add(new Notification(role, departmentId, context.Complaint.Id, kind,
            $"{context.Complaint.CaseNumber}: {text}".Truncate(Notification.TextMaxLength), context.Now));

    /// <summary>A notice to the named owner of a task, and to its department's head (who always hears of it).</summary>
    private void NotifyTaskOwner(StepContext context, DepartmentTask task, NotificationKind kind, string text)
    {
        if (task.OwnerUserId is { } owner)
        {
            db.Notifications.Add(Notification.ToPerson(owner, context.Complaint.Id, kind,
                $"{context.Complaint.CaseNumber}: {text}".Truncate(Notification.TextMaxLength), context.Now));
        }

        Notify(context, PortalRoles.DepartmentHead, task.DepartmentId, kind, text);
    }

    /// <summary>What one step works with; steps add ledger follow-ups (e.g. an automatic escalation).</summary>
    private sealed class StepContext(Complaint complaint, DepartmentTask? task, WorkflowInput input, ActingUser actor, DateTimeOffset now, LedgerChain chain)
    {
        public Complaint Complaint { get; } = complaint;

        public DepartmentTask? Task { get; } = task;

        public DepartmentTask RequiredTask => Task ?? throw new InvalidOperationException("Task step without a task.");

        public WorkflowInput Input { get; } = input;

        public ActingUser Actor { get; } = actor;

        public DateTimeOffset Now { get; } = now;

        public LedgerChain Chain { get; } = chain;

        /// <summary>Overrides the input note in the ledger when the step summarises structured input.</summary>
        public string? LedgerNote { get; set; }

        public List<Action<LedgerChain>> FollowUps { get; } = [];
    }
}

internal static class TextExtensions
{
    public static string Truncate(this string text, int max) => text.Length <= max ? text : text[..max];

    public static bool IsBlank([System.Diagnostics.CodeAnalysis.NotNullWhen(false)] this string? text) => string.IsNullOrWhiteSpace(text);
}
