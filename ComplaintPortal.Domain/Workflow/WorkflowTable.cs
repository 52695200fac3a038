using ComplaintPortal.Domain.Cases;
using static ComplaintPortal.Domain.Cases.CaseStage;
using static ComplaintPortal.Domain.Workflow.WorkflowActor;

namespace ComplaintPortal.Domain.Workflow;

/// <param name="Action">What is done.</param>
/// <param name="From">Stages in which it may be done (empty: it creates the case).</param>
/// <param name="Next">How the stage changes.</param>
/// <param name="To">The target stage for <see cref="NextStageRule.To"/> and <see cref="NextStageRule.ToWhenAllTasksReported"/>.</param>
/// <param name="Actors">Who may do it.</param>
/// <param name="IsTaskStep">Acts on one department task (the input names it).</param>
/// <param name="Records">What it records, for readers of the table.</param>
public sealed record WorkflowStep(
    WorkflowAction Action, IReadOnlyList<CaseStage> From, NextStageRule Next, CaseStage? To,
    IReadOnlyList<WorkflowActor> Actors, bool IsTaskStep, string Records);

/// <summary>
/// The life of a complaint as one table: every step, the stages it starts from, where it leads, who may
/// take it and what it records. The workflow service, the case page and the tests all read this table.
/// </summary>
public static class WorkflowTable
{
    private static readonly CaseStage[] Active =
        [Registered, Assessed, Acknowledged, InDepartments, UnderReview, Approved, AwaitingCallback, AwaitingClosureApproval];

    private static readonly CaseStage[] ActiveOrWaiting = [.. Active, WaitingForCustomer];

    private static readonly CaseStage[] Pausable = [Assessed, Acknowledged, InDepartments, UnderReview, Approved, AwaitingCallback];

    private static readonly CaseStage[] BeforeDispatch = [Registered, Assessed, Acknowledged];

    public static IReadOnlyList<WorkflowStep> Steps { get; } =
    [
        // Main path
        new(WorkflowAction.Register, [], NextStageRule.To, Registered, [IntakeClerk], false, "registration record, channel, complainant, subject, evidence"),
        new(WorkflowAction.Assess, [Registered], NextStageRule.To, Assessed, [IntakeClerk], false, "category, severity, urgency, priority; urgent + serious escalates to leadership"),
        new(WorkflowAction.Acknowledge, [Assessed], NextStageRule.To, Acknowledged, [IntakeClerk], false, "message with case number, next steps, promised completion time; outbox"),
        new(WorkflowAction.Dispatch, [Acknowledged], NextStageRule.To, InDepartments, [IntakeClerk], false, "departments, one task each with deadline"),
        new(WorkflowAction.ReassignTask, [InDepartments, WaitingForCustomer], NextStageRule.Stay, null, [TaskDepartmentHead], true, "task owner"),
        new(WorkflowAction.RecordFindings, [InDepartments], NextStageRule.Stay, null, [TaskDepartment], true, "findings, root cause"),
        new(WorkflowAction.ProposeSolution, [InDepartments], NextStageRule.Stay, null, [TaskDepartment], true, "measures, responsible person, due date, solution type"),
        new(WorkflowAction.RecordNegotiation, [InDepartments], NextStageRule.Stay, null, [TaskDepartment], true, "negotiation with the customer"),
        new(WorkflowAction.RecordImplementation, [InDepartments], NextStageRule.Stay, null, [TaskDepartment], true, "implementation"),
        new(WorkflowAction.ReportBack, [InDepartments], NextStageRule.ToWhenAllTasksReported, UnderReview, [TaskDepartment], true, "feedback to customer service"),
        new(WorkflowAction.Approve, [UnderReview], NextStageRule.To, Approved, [IntakeClerk], false, "review note"),
        new(WorkflowAction.ReturnToDepartment, [UnderReview], NextStageRule.To, InDepartments, [IntakeClerk], true, "reason; the task reopens"),
        new(WorkflowAction.Reply, [Approved], NextStageRule.To, AwaitingCallback, [IntakeClerk], false, "reply channel and text"),
        new(WorkflowAction.CloseSatisfied, [AwaitingCallback], NextStageRule.To, Closed, [IntakeClerk], false, "callback: satisfied with result, with attitude, remarks"),
        new(WorkflowAction.ReopenUnsatisfied, [AwaitingCallback], NextStageRule.To, InDepartments, [IntakeClerk], false, "callback: unsatisfied, remarks; every task reopens"),
        new(WorkflowAction.RequestUnsatisfiedClosure, [AwaitingCallback], NextStageRule.To, AwaitingClosureApproval, [IntakeClerk], false, "callback: unsatisfied; reason to close anyway"),
        new(WorkflowAction.ApproveUnsatisfiedClosure, [AwaitingClosureApproval], NextStageRule.To, Closed, [Leadership], false, "approval and reason"),
        new(WorkflowAction.RejectUnsatisfiedClosure, [AwaitingClosureApproval], NextStageRule.To, InDepartments, [Leadership], false, "reason; every task reopens"),

        // Side paths
        new(WorkflowAction.WaitForCustomer, Pausable, NextStageRule.To, WaitingForCustomer, [IntakeClerk, TaskDepartment], false, "what is awaited; time limits pause"),
        new(WorkflowAction.ResumeFromCustomer, [WaitingForCustomer], NextStageRule.BackToPausedStage, null, [IntakeClerk, TaskDepartment], false, "what the customer answered"),
        new(WorkflowAction.RecordOtherOrganisation, ActiveOrWaiting, NextStageRule.Stay, null, [IntakeClerk, TaskDepartment], false, "the other organisation and the coordination"),
        new(WorkflowAction.Withdraw, ActiveOrWaiting, NextStageRule.To, Withdrawn, [IntakeClerk], false, "reason"),
        new(WorkflowAction.MarkInvalid, BeforeDispatch, NextStageRule.To, Invalid, [IntakeClerk], false, "reason"),
        new(WorkflowAction.MarkDuplicate, BeforeDispatch, NextStageRule.To, Duplicate, [IntakeClerk], false, "the original case number"),
        new(WorkflowAction.Escalate, Active, NextStageRule.Stay, null, [IntakeClerk, TaskDepartmentHead], false, "reason; leadership is notified"),
        new(WorkflowAction.OrderOnSiteInspection, Active, NextStageRule.Stay, null, [Leadership], false, "the inspection ordered"),
        new(WorkflowAction.AttachEvidence, ActiveOrWaiting, NextStageRule.Stay, null, [IntakeClerk, TaskDepartment], false, "file name, type, size, SHA-256"),
        new(WorkflowAction.ChaseTask, [InDepartments], NextStageRule.Stay, null, [IntakeClerk, Leadership], true, "what is pressed for; the task's owner and its department's head are told"),
        new(WorkflowAction.AddNote, ActiveOrWaiting, NextStageRule.Stay, null, [IntakeClerk, TaskDepartment, Leadership], false, "the note; stage, deadlines and tasks stay as they are"),
    ];

    private static readonly Dictionary<WorkflowAction, WorkflowStep> ByAction = Steps.ToDictionary(s => s.Action);

    public static WorkflowStep For(WorkflowAction action) => ByAction[action];

    /// <summary>The stage a case reaches when the step is taken from <paramref name="from"/>.</summary>
    public static CaseStage NextStage(WorkflowStep step, CaseStage from, bool allTasksReported, CaseStage? pausedFrom)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.Next switch
        {
            NextStageRule.To => step.To ?? from,
            NextStageRule.Stay => from,
            NextStageRule.ToWhenAllTasksReported => allTasksReported ? step.To ?? from : from,
            NextStageRule.BackToPausedStage => pausedFrom ?? from,
            _ => throw new ArgumentOutOfRangeException(nameof(step)),
        };
    }
}
