using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Workflow;

namespace CaseGenerator;

/// <summary>Walks a generated case along the workflow table's main path and side paths up to its final stage.</summary>
internal sealed partial class CaseFactory
{
    private void Live(GeneratedCase c, CategoryRow category, CaseStage final)
    {
        var life = new Life(c, random, now, reference);
        life.Step(WorkflowAction.Register, CaseStage.Registered, life.Clerk, $"{c.CaseNumber}; channel={c.Channel}", minutes: 3);
        switch (final)
        {
            case CaseStage.Registered:
                return;
            case CaseStage.Invalid:
                life.Step(WorkflowAction.MarkInvalid, CaseStage.Invalid, life.Clerk, "恶意或无实质内容的投诉");
                c.ClosureReason = "无效投诉";
                c.ClosedAt = life.Now;
                return;
            case CaseStage.Duplicate:
                c.IsDuplicate = true;
                life.Step(WorkflowAction.MarkDuplicate, CaseStage.Duplicate, life.Clerk, "duplicate of an earlier case");
                c.ClosedAt = life.Now;
                return;
            default:
                break;
        }

        c.CategoryId = category.Id;
        c.Severity = (Severity)Pick(0.7, 0.22);
        c.Urgency = random.NextDouble() < 0.15 ? Urgency.Urgent : Urgency.Normal;
        c.Priority = CaseStages.PriorityFor(c.Urgency.Value);
        life.Step(WorkflowAction.Assess, CaseStage.Assessed, life.Clerk, $"category={category.Code}; severity={c.Severity}; urgency={c.Urgency}; priority={c.Priority}");
        if (c.Urgency == Urgency.Urgent && c.Severity == Severity.Serious)
        {
            c.IsEscalated = true;
            c.EscalatedAt = life.Now;
            life.Step(WorkflowAction.Escalate, null, life.Clerk, "urgent + serious", minutes: 0);
        }

        if (final == CaseStage.Assessed)
        {
            return;
        }

        var promised = TimeSpan.FromDays(c.Priority == Priority.Urgent ? 3 : 10);
        c.PromisedAt = life.Now + promised;
        c.AcknowledgedAt = life.Now;
        life.Step(WorkflowAction.Acknowledge, CaseStage.Acknowledged, life.Clerk, $"您的投诉已受理，案件编号 {c.CaseNumber}");
        if (final == CaseStage.Acknowledged)
        {
            return;
        }

        if (final == CaseStage.Withdrawn)
        {
            life.Step(WorkflowAction.Withdraw, CaseStage.Withdrawn, life.Clerk, "客户来电撤诉");
            c.ClosureReason = "客户撤诉";
            c.ClosedAt = life.Now;
            return;
        }

        var departments = reference.RoutingByCategory[category.Id];
        if (departments.Count == 0)
        {
            departments = [reference.Operational[random.Next(reference.Operational.Count)]];
        }

        var deadline = life.Now + ComplaintWorkflow.DefaultTaskTime(c.Priority);
        foreach (var d in departments)
        {
            c.Tasks.Add(new GeneratedTask { DepartmentId = d.Id, DepartmentCode = d.Code, AssignedAt = life.Now, Deadline = deadline, Status = DepartmentTaskStatus.Assigned });
        }

        life.Step(WorkflowAction.Dispatch, CaseStage.InDepartments, life.Clerk, "departments=" + string.Join(",", departments.Select(d => d.Code)));
        if (final == CaseStage.InDepartments)
        {
            life.Findings(c.Tasks[0]);
            return;
        }

        if (final == CaseStage.WaitingForCustomer)
        {
            c.PausedFrom = CaseStage.InDepartments;
            c.PausedAt = life.Now;
            life.Step(WorkflowAction.WaitForCustomer, CaseStage.WaitingForCustomer, life.Clerk, "等待客户提供购买凭证");
            return;
        }

        life.WorkAllTasks();
        if (final == CaseStage.UnderReview)
        {
            return;
        }

        life.ApproveAndReply();
        if (final is CaseStage.Approved or CaseStage.AwaitingCallback)
        {
            if (final == CaseStage.Approved)
            {
                // Undo the reply: the case stops right after approval.
                c.Events.RemoveAt(c.Events.Count - 1);
                (c.ReplyChannel, c.ReplyText, c.RepliedAt, c.Stage) = (null, null, null, CaseStage.Approved);
            }

            return;
        }

        if (final == CaseStage.Closed && random.NextDouble() < 0.08)
        {
            c.SatisfiedWithResult = false;
            c.ReopenCount++;
            life.Step(WorkflowAction.ReopenUnsatisfied, CaseStage.InDepartments, life.Clerk, "satisfied=False; 客户对处理结果不满意");
            foreach (var task in c.Tasks)
            {
                task.Status = DepartmentTaskStatus.Investigating;
            }

            life.WorkAllTasks();
            life.ApproveAndReply();
        }

        var unsatisfied = final == CaseStage.AwaitingClosureApproval || (final == CaseStage.Closed && random.NextDouble() < 0.03);
        c.SatisfiedWithAttitude = random.NextDouble() < 0.9;
        if (unsatisfied)
        {
            c.SatisfiedWithResult = false;
            life.Step(WorkflowAction.RequestUnsatisfiedClosure, CaseStage.AwaitingClosureApproval, life.Clerk, "satisfied=False; 诉求超出政策范围");
            if (final == CaseStage.AwaitingClosureApproval)
            {
                return;
            }

            c.ClosureReason = "经核实处理合规，领导批准结案";
            life.Step(WorkflowAction.ApproveUnsatisfiedClosure, CaseStage.Closed, life.Leader, c.ClosureReason);
        }
        else
        {
            c.SatisfiedWithResult = true;
            life.Step(WorkflowAction.CloseSatisfied, CaseStage.Closed, life.Clerk, "satisfied=True");
        }

        c.ClosedAt = life.Now;
    }

    /// <summary>0, 1 or 2 with the given probabilities for 0 and 1.</summary>
    private int Pick(double first, double second)
    {
        var roll = random.NextDouble();
        return roll < first ? 0 : roll < first + second ? 1 : 2;
    }
}
