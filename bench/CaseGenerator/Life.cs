using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Workflow;

namespace CaseGenerator;

internal sealed record Actor(string Id, string Name, int? DepartmentId);

/// <summary>How quickly the people on a case act: minutes between two steps.</summary>
internal enum Pace
{
    /// <summary>Urgent cases: 5 minutes to 2½ hours.</summary>
    Urgent,

    /// <summary>Most cases: 10 minutes to 10 hours.</summary>
    Normal,

    /// <summary>About one case in twelve: 1 hour to 2 days, so limits are often missed.</summary>
    Slow,
}

/// <summary>
/// The clock and stage of one generated case while its ledger is written. Before each step the deadline
/// monitor gets the time up to that step (<see cref="Monitor"/>), as the portal's periodic monitor would have.
/// </summary>
internal sealed partial class Life(GeneratedCase c, Random random, DateTimeOffset now, ReferenceData reference, DeadlineBook book, Pace pace)
{
    public Actor Clerk => c.Clerk;

    public Actor Leader { get; } = new("gen-leader", "公司领导", reference.LeadershipId);

    public DateTimeOffset Now { get; private set; } = c.ReceivedAt;

    public DeadlineBook Book => book;

    public void Step(WorkflowAction action, CaseStage? to, Actor actor, string? note, int? minutes = null)
    {
        Advance(minutes);
        Record(action.ToString(), to, actor, note);
    }

    /// <summary>Moves the clock to the next step (never past the generator's now), the monitor running meanwhile.</summary>
    public void Advance(int? minutes = null)
    {
        var next = Now.AddMinutes(minutes ?? Gap());
        next = next > now ? now : next;
        if (c.Events.Count > 0)
        {
            Monitor(next);
        }

        Now = next;
    }

    /// <summary>A ledger line at the current time; the stage moves to <paramref name="to"/> when given.</summary>
    public void Record(string action, CaseStage? to, Actor actor, string? note)
    {
        var from = c.Events.Count == 0 ? (CaseStage?)null : c.Stage;
        c.Stage = to ?? c.Stage;
        c.Events.Add(new(Now, actor.Id, actor.Name, actor.DepartmentId, action, from?.ToString(), c.Stage.ToString(), note));
    }

    /// <summary>The follow-up line a step writes when it set or moved deadlines.</summary>
    public void DeadlineLine(Actor actor, string note) => Record(CaseDeadlines.LedgerAction, null, actor, note);

    /// <summary>The task's owner; a task nobody was assigned goes to the handler who records its first work.</summary>
    public Actor Handler(GeneratedTask task) => task.Owner ??= AnyHandler(task);

    /// <summary>About a third of tasks the department's head assigns by name (a notice to that handler) before work starts.</summary>
    public void MaybeAssign(GeneratedTask task)
    {
        if (random.NextDouble() >= 0.3)
        {
            return;
        }

        task.Owner = AnyHandler(task);
        Step(WorkflowAction.ReassignTask, null, reference.Heads[task.DepartmentId], $"owner={task.OwnerName}");
        c.Notices.Add(GeneratedNotice.ToPerson(task.Owner, NotificationKind.TaskAssigned.ToString(), $"{c.CaseNumber}: owner {task.OwnerName}", Now));
    }

    public void Findings(GeneratedTask task)
    {
        task.Findings = "现场核实，问题属实";
        task.RootCause = random.Next(3) switch { 0 => "原材料问题", 1 => "生产工艺问题", _ => "服务流程不完善" };
        // Filed under one of the organisation's cause categories, chosen without drawing from the random sequence (as the kinds of
        // solution are), so the rest of the case is drawn as before.
        task.CauseCategoryCode = reference.CauseCategories.Count == 0 ? null
            : reference.CauseCategories[(task.DepartmentId * 7 + c.ReceivedAt.Second) % reference.CauseCategories.Count];
        task.Status = DepartmentTaskStatus.Investigating;
        Step(WorkflowAction.RecordFindings, null, Handler(task),
            task.Findings + (task.CauseCategoryCode is { } cause ? "; cause=" + cause : "") + "; root cause: " + task.RootCause);
    }

    public void WorkAllTasks()
    {
        foreach (var task in c.Tasks)
        {
            Findings(task);
            task.Measures = "维修或更换，并加强培训";
            // Chosen without drawing from the random sequence: the rest of the case is drawn as before kinds were set.
            task.SolutionTypeCode = reference.SolutionTypes.Count == 0 ? null
                : reference.SolutionTypes[(task.DepartmentId + c.ReceivedAt.Minute) % reference.SolutionTypes.Count];
            task.Status = DepartmentTaskStatus.SolutionProposed;
            Step(WorkflowAction.ProposeSolution, null, Handler(task), task.Measures);
            DeadlineBook.MeetAfter(c, null, Now);
            task.Status = DepartmentTaskStatus.Implemented;
            Step(WorkflowAction.RecordImplementation, null, Handler(task), "已实施");
            task.Feedback = "处理完毕";
            task.Status = DepartmentTaskStatus.ReportedBack;
            task.ReportedAt = Now;
            var last = c.Tasks.All(t => t.Status == DepartmentTaskStatus.ReportedBack);
            Step(WorkflowAction.ReportBack, last ? CaseStage.UnderReview : null, Handler(task), task.Feedback);
            DeadlineBook.MeetAfter(c, null, Now);
        }
    }

    public void Approve() => Step(WorkflowAction.Approve, CaseStage.Approved, Clerk, "同意");

    public void Reply()
    {
        c.ReplyChannel = (ReplyChannel)random.Next(5);
        c.ReplyText = "已处理完毕，感谢您的反馈，给您带来不便深表歉意";
        Step(WorkflowAction.Reply, CaseStage.AwaitingCallback, Clerk, $"[{c.ReplyChannel}] {c.ReplyText}");
        c.RepliedAt = Now;
        DeadlineBook.MeetAfter(c, DeadlineKind.Completion, Now);
    }

    private Actor AnyHandler(GeneratedTask task) => reference.Handlers[task.DepartmentId] is { Count: > 0 } handlers
        ? handlers[random.Next(handlers.Count)]
        : throw new InvalidOperationException($"No handler in department {task.DepartmentCode}");

    private int Gap() => pace switch
    {
        Pace.Urgent => random.Next(5, 150),
        Pace.Slow => random.Next(60, 2880),
        _ => random.Next(10, 600),
    };
}
