using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;

namespace CaseGenerator;

/// <summary>
/// Walks a generated case along the workflow table's main path and side paths up to its final stage, setting,
/// moving and meeting its deadlines at the steps where the portal does; the monitor records what ran late.
/// </summary>
internal sealed partial class CaseFactory
{
    private void Live(GeneratedCase c, CategoryRow category, CaseStage final)
    {
        var urgent = random.NextDouble() < 0.15;
        var pace = urgent ? Pace.Urgent : random.NextDouble() < 0.08 ? Pace.Slow : Pace.Normal;
        var life = new Life(c, random, now, reference, book, pace);
        Walk(c, life, category, final, urgent);
        // A case still running at generation time: the monitor has caught up to now.
        life.Monitor(now);
    }

    private void Walk(GeneratedCase c, Life life, CategoryRow category, CaseStage final, bool urgent)
    {
        life.Step(WorkflowAction.Register, CaseStage.Registered, life.Clerk, $"{c.CaseNumber}; channel={c.Channel}", minutes: 3);
        book.Start(c);
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
        c.Urgency = urgent ? Urgency.Urgent : Urgency.Normal;
        c.Priority = CaseStages.PriorityFor(c.Urgency.Value);
        life.Step(WorkflowAction.Assess, CaseStage.Assessed, life.Clerk, $"category={category.Code}; severity={c.Severity}; urgency={c.Urgency}; priority={c.Priority}");
        life.DeadlineLine(life.Clerk, book.Retarget(c, life.Now));
        if (c.Urgency == Urgency.Urgent && c.Severity == Severity.Serious && !c.IsEscalated)
        {
            c.IsEscalated = true;
            c.EscalatedAt = life.Now;
            life.Step(WorkflowAction.Escalate, null, life.Clerk, "urgent + serious", minutes: 0);
            c.Notices.Add(new(PortalRoles.Leadership, null, NotificationKind.Escalated.ToString(), c.CaseNumber + ": urgent + serious", life.Now));
        }

        if (final == CaseStage.Assessed)
        {
            return;
        }

        life.Step(WorkflowAction.Acknowledge, CaseStage.Acknowledged, life.Clerk, $"您的投诉已受理，案件编号 {c.CaseNumber}");
        c.AcknowledgedAt = life.Now;
        c.PromisedAt = c.Deadlines.First(d => d.Task is null && d.Kind == DeadlineKind.Completion).DueAt;
        DeadlineBook.MeetAfter(c, DeadlineKind.FirstResponse, life.Now);
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

        Dispatch(c, life, category);
        if (final == CaseStage.InDepartments)
        {
            life.Findings(c.Tasks[0]);
            return;
        }

        if (final == CaseStage.WaitingForCustomer)
        {
            WaitForCustomer(c, life);
            return;
        }

        // About one case in sixteen waited for the customer a while (1 to 10 days) before the departments went on.
        if (random.NextDouble() < 0.06)
        {
            var pausedAt = WaitForCustomer(c, life);
            life.Step(WorkflowAction.ResumeFromCustomer, CaseStage.InDepartments, life.Clerk, "客户已补充材料", minutes: random.Next(1_440, 14_400));
            (c.PausedFrom, c.PausedAt) = (null, null);
            life.DeadlineLine(life.Clerk, book.Resume(c, pausedAt, life.Now));
        }

        life.WorkAllTasks();
        if (final == CaseStage.UnderReview)
        {
            return;
        }

        life.Approve();
        if (final == CaseStage.Approved)
        {
            return;
        }

        life.Reply();
        if (final == CaseStage.AwaitingCallback)
        {
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

            life.DeadlineLine(life.Clerk, book.Restart(c, life.Now));
            life.WorkAllTasks();
            life.Approve();
            life.Reply();
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

    /// <summary>Dispatch to the routed departments (a random one when the category has none), each task on the policy's deadline.</summary>
    private void Dispatch(GeneratedCase c, Life life, CategoryRow category)
    {
        var departments = reference.RoutingByCategory[category.Id];
        if (departments.Count == 0)
        {
            departments = [reference.Operational[random.Next(reference.Operational.Count)]];
        }

        life.Advance();
        var deadline = book.TaskDue(c, life.Now);
        foreach (var d in departments)
        {
            var task = new GeneratedTask { DepartmentId = d.Id, DepartmentCode = d.Code, AssignedAt = life.Now, Deadline = deadline, Status = DepartmentTaskStatus.Assigned };
            c.Tasks.Add(task);
            book.TrackTask(c, task, life.Now);
            c.Notices.Add(new(PortalRoles.DepartmentHead, d.Id, NotificationKind.TaskAssigned.ToString(), c.CaseNumber + ": " + d.Code, life.Now));
        }

        life.Record(nameof(WorkflowAction.Dispatch), CaseStage.InDepartments, life.Clerk, "departments=" + string.Join(",", departments.Select(d => d.Code))
            + "; deadline=" + deadline.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        foreach (var task in c.Tasks)
        {
            life.MaybeAssign(task);
        }
    }

    private static DateTimeOffset WaitForCustomer(GeneratedCase c, Life life)
    {
        life.Step(WorkflowAction.WaitForCustomer, CaseStage.WaitingForCustomer, life.Clerk, "等待客户提供购买凭证");
        (c.PausedFrom, c.PausedAt) = (CaseStage.InDepartments, life.Now);
        return life.Now;
    }

    /// <summary>0, 1 or 2 with the given probabilities for 0 and 1.</summary>
    private int Pick(double first, double second)
    {
        var roll = random.NextDouble();
        return roll < first ? 0 : roll < first + second ? 1 : 2;
    }
}
