using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Workflow;

namespace CaseGenerator;

internal sealed record Actor(string Id, string Name, int? DepartmentId);

/// <summary>The clock and stage of one generated case while its ledger is written.</summary>
internal sealed class Life(GeneratedCase c, Random random, DateTimeOffset now, ReferenceData reference)
{
    public Actor Clerk { get; } = new("gen-clerk", "客服 值班员", reference.CustomerServiceId);

    public Actor Leader { get; } = new("gen-leader", "公司领导", reference.LeadershipId);

    public DateTimeOffset Now { get; private set; } = c.ReceivedAt;

    public void Step(WorkflowAction action, CaseStage? to, Actor actor, string? note, int? minutes = null)
    {
        var from = c.Events.Count == 0 ? (CaseStage?)null : c.Stage;
        var next = Now.AddMinutes(minutes ?? random.Next(10, 900));
        Now = next > now ? now : next;
        c.Stage = to ?? c.Stage;
        c.Events.Add(new(Now, actor.Id, actor.Name, actor.DepartmentId, action.ToString(), from?.ToString(), c.Stage.ToString(), note));
    }

    public Actor Handler(GeneratedTask task) => new("gen-h-" + task.DepartmentCode, task.DepartmentCode + " 经办人", task.DepartmentId);

    public void Findings(GeneratedTask task)
    {
        task.OwnerName = Handler(task).Name;
        task.Findings = "现场核实，问题属实";
        task.RootCause = random.Next(3) switch { 0 => "原材料问题", 1 => "生产工艺问题", _ => "服务流程不完善" };
        task.Status = DepartmentTaskStatus.Investigating;
        Step(WorkflowAction.RecordFindings, null, Handler(task), task.Findings + "; root cause: " + task.RootCause);
    }

    public void WorkAllTasks()
    {
        foreach (var task in c.Tasks)
        {
            Findings(task);
            task.Measures = "维修或更换，并加强培训";
            task.Status = DepartmentTaskStatus.SolutionProposed;
            Step(WorkflowAction.ProposeSolution, null, Handler(task), task.Measures);
            task.Status = DepartmentTaskStatus.Implemented;
            Step(WorkflowAction.RecordImplementation, null, Handler(task), "已实施");
            task.Feedback = "处理完毕";
            task.Status = DepartmentTaskStatus.ReportedBack;
            task.ReportedAt = Now;
            var last = c.Tasks.All(t => t.Status == DepartmentTaskStatus.ReportedBack);
            Step(WorkflowAction.ReportBack, last ? CaseStage.UnderReview : null, Handler(task), task.Feedback);
        }
    }

    public void ApproveAndReply()
    {
        Step(WorkflowAction.Approve, CaseStage.Approved, Clerk, "同意");
        c.ReplyChannel = (ReplyChannel)random.Next(5);
        c.ReplyText = "已处理完毕，感谢您的反馈，给您带来不便深表歉意";
        c.RepliedAt = Now;
        Step(WorkflowAction.Reply, CaseStage.AwaitingCallback, Clerk, $"[{c.ReplyChannel}] {c.ReplyText}");
    }
}
