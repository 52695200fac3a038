using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Workflow;

namespace ComplaintPortal.Web.Features.Cases.Steps;

/// <summary>
/// Which of the steps the viewer may take is the one the case is waiting for: the next step on the
/// main path of <see cref="WorkflowTable"/> for the case's stage (and, in the departments, for the
/// task's progress). The case page shows it as the one primary action and everything else in a menu.
/// </summary>
public static class CaseNextStep
{
    public static (WorkflowStep Step, DepartmentTask? Task)? Choose(Complaint complaint, IReadOnlyList<(WorkflowStep Step, DepartmentTask? Task)> available)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(available);
        foreach (var (step, task) in available)
        {
            if (Expected(complaint, task) == step.Action)
            {
                return (step, task);
            }
        }

        return null;
    }

    /// <summary>A step that ends the case for good outside the ordinary close (withdrawn, invalid, duplicate).</summary>
    public static bool Abandons(WorkflowStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.To is CaseStage.Withdrawn or CaseStage.Invalid or CaseStage.Duplicate;
    }

    /// <summary>A step after which no further step can be taken (<see cref="CaseStages.IsFinal"/>).</summary>
    public static bool Ends(WorkflowStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.Next == NextStageRule.To && step.To is { } to && to.IsFinal();
    }

    private static WorkflowAction? Expected(Complaint complaint, DepartmentTask? task) => complaint.Stage switch
    {
        CaseStage.Registered => WorkflowAction.Assess,
        CaseStage.Assessed => WorkflowAction.Acknowledge,
        CaseStage.Acknowledged => WorkflowAction.Dispatch,
        CaseStage.InDepartments => task is null ? null : TaskWork(task),
        CaseStage.UnderReview => WorkflowAction.Approve,
        CaseStage.Approved => WorkflowAction.Reply,
        CaseStage.AwaitingCallback => WorkflowAction.CloseSatisfied,
        CaseStage.AwaitingClosureApproval => WorkflowAction.ApproveUnsatisfiedClosure,
        CaseStage.WaitingForCustomer => WorkflowAction.ResumeFromCustomer,
        CaseStage.Closed or CaseStage.Withdrawn or CaseStage.Invalid or CaseStage.Duplicate => null,
        _ => throw new ArgumentOutOfRangeException(nameof(complaint)),
    };

    /// <summary>The department's next piece of work on its task.</summary>
    private static WorkflowAction? TaskWork(DepartmentTask task) => task.Status switch
    {
        DepartmentTaskStatus.Assigned or DepartmentTaskStatus.Investigating => task.Findings is null ? WorkflowAction.RecordFindings : WorkflowAction.ProposeSolution,
        DepartmentTaskStatus.SolutionProposed => WorkflowAction.RecordImplementation,
        DepartmentTaskStatus.Implemented => WorkflowAction.ReportBack,
        DepartmentTaskStatus.ReportedBack => null,
        _ => throw new ArgumentOutOfRangeException(nameof(task)),
    };
}
