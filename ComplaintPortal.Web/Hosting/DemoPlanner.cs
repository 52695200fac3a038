using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Hosting;

/// <summary>How a demo case goes after its registration.</summary>
internal enum DemoPath
{
    Closed,
    ClosedUnsatisfied,
    Reopened,
    StalledInDepartment,
    WaitingForCustomer,
    Invalid,
    Withdrawn,
    Duplicate,
}

/// <summary>One demo case: its steps, and what the services gave back as they were taken.</summary>
internal sealed class DemoCasePlan(int index)
{
    public int Index { get; } = index;

    public int Id { get; set; }

    public string? CaseNumber { get; set; }

    public Dictionary<int, int> Tasks { get; } = [];

    public bool Failed { get; set; }

    public DemoStoryFit? Fit { get; set; }

    public string? Complainant { get; set; }

    public string? Phone { get; set; }

    /// <summary>The first step this case is not to take (it stays in the stage before it), or null.</summary>
    public string? StopBefore { get; set; }

    /// <summary>The step named <see cref="StopBefore"/> was reached: no later step is laid out.</summary>
    public bool Stopped { get; set; }

    public List<DemoStep> Steps { get; } = [];
}

/// <summary>A step at its instant; returns null when the services took it, otherwise why not.</summary>
internal sealed record DemoStep(DateTimeOffset At, int Sequence, DemoCasePlan Case, string Name,
    Func<DemoStepContext, CancellationToken, Task<string?>> RunAsync);

/// <summary>
/// Lays out the demo cases in time: registrations spread over the span (in working hours, on working days), then each
/// step some working hours after the one it follows, at a pace of its own (a fifth are slow and miss time limits).
/// Steps after now are left out, so the newest cases are still open in whatever stage they reached.
/// </summary>
internal sealed partial class DemoPlanner(DemoCast cast, TimeZoneInfo zone, DateTimeOffset now)
{
    private readonly Random random = new(2026);
    private int sequence;

    public List<DemoCasePlan> Plan(int count, TimeSpan span)
    {
        var plans = new List<DemoCasePlan>();
        for (var i = 0; i < count; i++)
        {
            var plan = new DemoCasePlan(i);
            var fit = cast.Stories[random.Next(cast.Stories.Count)];
            var complainant = DemoStories.Complainants[random.Next(DemoStories.Complainants.Count)];
            var path = PathOf(i, plans.LastOrDefault());
            if (path == DemoPath.Duplicate)
            {
                // The same person calls again about the same matter a little later.
                (fit, complainant) = (plans[^1].Fit!, plans[^1].Complainant!);
            }

            plan.Fit = fit;
            plan.Complainant = complainant;
            plan.StopBefore = StopBefore(count - 1 - i);
            var registered = path == DemoPath.Duplicate
                ? After(plans[^1].Steps[0].At, Between(4, 30))
                : RegisteredAt(span.TotalDays * (1 - (i + 0.5) / count), count - i);
            Lay(plan, fit, complainant, registered, path, plans.LastOrDefault());
            if (plan.StopBefore is not null)
            {
                BeforeNow(plan);
            }

            plans.Add(plan);
        }

        if (cast.Leader is { } leader && cast.Supervisor is { } supervisor && cast.Handlers.Values.FirstOrDefault() is { } handler)
        {
            plans.Add(ArchiveRequests(leader, supervisor, handler));
        }

        if (cast.Supervisor is { } member)
        {
            plans.Add(SpotCheck(member));
        }

        // Last, so the cases above draw the same stories and paces as they always have.
        plans.AddRange(PastRetention());

        return plans;
    }

    /// <summary>The newest cases stop in the early stages, so the board shows each of them.</summary>
    private static string? StopBefore(int fromTheEnd) => fromTheEnd switch
    {
        0 => nameof(WorkflowAction.Assess),
        1 => nameof(WorkflowAction.Acknowledge),
        2 => nameof(WorkflowAction.Dispatch),
        4 => nameof(WorkflowAction.Approve),
        5 => nameof(WorkflowAction.CloseSatisfied),
        6 => nameof(WorkflowAction.Reply),
        _ => null,
    };

    private static DemoPath PathOf(int index, DemoCasePlan? previous) => index switch
    {
        4 => DemoPath.Invalid,
        21 => DemoPath.Withdrawn,
        38 when previous is not null => DemoPath.Duplicate,
        _ when index % 10 == 3 => DemoPath.ClosedUnsatisfied,
        _ when index % 17 == 9 => DemoPath.Reopened,
        _ when index % 12 == 5 => DemoPath.StalledInDepartment,
        _ when index % 15 == 7 => DemoPath.WaitingForCustomer,
        _ => DemoPath.Closed,
    };

    private void Lay(DemoCasePlan plan, DemoStoryFit fit, string complainant, DateTimeOffset registered, DemoPath path, DemoCasePlan? previous)
    {
        var story = fit.Story;
        var pace = random.NextDouble() < 0.2 ? 2.5 : 0.6 + (random.NextDouble() * 0.8);
        var urgency = random.NextDouble() < 0.15 ? Urgency.Urgent : Urgency.Normal;
        // 139 0000 xxxx: plainly a demo number, not some real subscriber's.
        var phone = $"1390000{random.Next(0, 10_000):D4}";
        if (path == DemoPath.Duplicate && previous?.Phone is { } same)
        {
            // The repeat caller calls from the same phone, typed the way a clerk hears it, so intake and the case page find the first case.
            phone = $"{same[..3]} {same[3..7]} {same[7..]}";
        }

        plan.Phone = phone;
        var email = random.NextDouble() < 0.4 ? $"customer{plan.Index + 1:D2}@example.cn" : null;
        var clerk = cast.Clerk;

        Add(plan, registered, "Register", async (s, ct) =>
        {
            var request = new IntakeRequest
            {
                Channel = story.Channel,
                Complainant = new() { Name = complainant, Phone = phone, Email = email, CustomerGroup = DemoStories.CustomerGroupOf(complainant) },
                // A story's purchase date is "about a month before the complaint", whenever the demo clock has it received.
                Subject = story.Subject.PurchaseDate is null ? story.Subject
                    : story.Subject with { PurchaseDate = DateOnly.FromDateTime(registered.UtcDateTime).AddDays(-35) },
                Description = story.Description,
                CustomerRequest = story.Request,
                ConfirmedWithCaller = true,
                IdempotencyKey = $"demo-{plan.Index}",
            };
            var result = await new ComplaintIntake(s.Db, s.Clock, s.Numbering).RegisterAsync(request, clerk, ct);
            if (!result.Succeeded)
            {
                return string.Join(", ", result.Errors.Select(e => $"{e.Field} {e.Error}"));
            }

            (plan.Id, plan.CaseNumber) = (result.Complaint!.Id, result.Complaint.CaseNumber);
            return null;
        });

        var t = registered;
        switch (path)
        {
            case DemoPath.Invalid:
                Step(plan, After(t, 0.5), WorkflowAction.MarkInvalid, clerk, _ => new() { Note = "经核实为同一号码反复来电骚扰，无具体投诉事项。" });
                return;
            case DemoPath.Withdrawn:
                Step(plan, After(t, 3), WorkflowAction.Withdraw, clerk, _ => new() { Note = "客户来电表示问题已自行解决，撤回投诉。" });
                return;
            case DemoPath.Duplicate:
                Step(plan, After(t, 0.3), WorkflowAction.MarkDuplicate, clerk, _ => new() { DuplicateOfCaseNumber = previous!.CaseNumber });
                return;
        }

        Step(plan, t = After(t, Between(0.2, 0.6)), WorkflowAction.Assess, clerk,
            _ => new() { CategoryId = fit.CategoryId, Severity = story.Severity, Urgency = urgency });
        var acknowledged = t = After(t, Between(0.2, 0.5));
        Step(plan, acknowledged, WorkflowAction.Acknowledge, clerk, _ => new()
        {
            PromisedCompletionAt = acknowledged.AddDays(urgency == Urgency.Urgent ? 3 : 7),
            Note = "您的投诉已受理，我们会尽快处理并回复您。",
        });
        Step(plan, t = After(t, Between(0.3, 1)), WorkflowAction.Dispatch, clerk, _ => new() { DepartmentIds = fit.Departments });
        if (path == DemoPath.WaitingForCustomer)
        {
            Step(plan, After(t, Between(2, 6)), WorkflowAction.WaitForCustomer, clerk, _ => new() { Note = "等待客户寄回故障样品或补充照片。" });
            return;
        }

        t = Departments(plan, fit, t, pace, stall: path == DemoPath.StalledInDepartment);
        if (path == DemoPath.StalledInDepartment)
        {
            return;
        }

        t = Review(plan, story, t);
        if (path == DemoPath.Reopened)
        {
            Step(plan, t = After(t, Between(18, 30)), WorkflowAction.ReopenUnsatisfied, clerk, _ => new() { Note = "回访时客户反映问题再次出现，要求重新处理。" });
            t = Review(plan, story, Departments(plan, fit, t, pace, stall: false));
        }

        if (path == DemoPath.ClosedUnsatisfied && cast.Leader is { } leader)
        {
            Step(plan, t = After(t, Between(18, 30)), WorkflowAction.RequestUnsatisfiedClosure, clerk,
                _ => new() { Note = "客户要求额外赔偿，超出公司政策，已充分解释，申请结案。" });
            Step(plan, After(t, Between(2, 8)), WorkflowAction.ApproveUnsatisfiedClosure, leader, _ => new() { Note = "处理符合政策，同意结案。" });
            return;
        }

        Step(plan, After(t, Between(18, 30)), WorkflowAction.CloseSatisfied, clerk,
            _ => new() { SatisfiedWithAttitude = true, Suggestion = SuggestionOf(plan.Index) });
    }

    /// <summary>
    /// What some customers raise at the callback beyond their own case (every fifth, by the case's place, not a random draw,
    /// so the other cases' draws stay as they were): the statistics list them for improvement actions.
    /// </summary>
    private static string? SuggestionOf(int index) => index % 5 == 2 ? Suggestions[index / 5 % Suggestions.Length] : null;

    private static readonly string[] Suggestions =
    [
        "希望处理进度能用短信主动告知，不用每次打电话来问。",
        "建议投诉热线晚上也安排人接听，下班后打不进来。",
        "希望上门人员出发前先打电话告知大概到达时间。",
    ];

    /// <summary>Each department's findings, solution, implementation and report, side by side from <paramref name="from"/>; returns the last report's instant.</summary>
    private DateTimeOffset Departments(DemoCasePlan plan, DemoStoryFit fit, DateTimeOffset from, double pace, bool stall)
    {
        var last = from;
        foreach (var department in fit.Departments)
        {
            var handler = cast.Handlers[department];
            var story = fit.Story;
            if (cast.Heads.TryGetValue(department, out var head) && head != handler)
            {
                // The head names the handler who owns the task (who is told of it), half an hour after it arrives.
                Step(plan, After(from, 0.5), WorkflowAction.ReassignTask, head,
                    p => new() { TaskId = p.Tasks[department], AssigneeUserId = handler.UserId, Note = "请跟进处理。" });
            }

            var t = After(from, pace * Between(2, 14));
            Step(plan, t, WorkflowAction.RecordFindings, handler, p => new() { TaskId = p.Tasks[department], Note = "已联系客户并现场核实。", RootCause = story.RootCause,
                CauseCategoryCode = fit.Cause });
            if (stall && department == fit.Departments[0])
            {
                // The stalled department notes why it waits; customer service chases it two days on (fixed offsets: the
                // other cases' random draws stay as they were). Either is left out when it would fall after now.
                Step(plan, After(t, 3), WorkflowAction.AddNote, handler, _ => new() { Note = "客户本周出差，约定下周一上门复查后再定方案。" });
                Step(plan, After(t, 48), WorkflowAction.ChaseTask, cast.Clerk, p => new() { TaskId = p.Tasks[department], Note = "客户来电询问进度，请尽快给出处理方案。" });
                continue;
            }

            var proposed = t = After(t, pace * Between(1, 8));
            Step(plan, proposed, WorkflowAction.ProposeSolution, handler, p => new()
            {
                TaskId = p.Tasks[department],
                Note = story.Solution,
                ResponsiblePerson = handler.Name,
                DueDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(proposed, zone).Date.AddDays(5)),
                SolutionTypeCode = fit.SolutionType,
            });
            Step(plan, t = After(t, pace * Between(3, 20)), WorkflowAction.RecordImplementation, handler, p => new() { TaskId = p.Tasks[department], Note = story.Done });
            Step(plan, t = After(t, pace * Between(0.5, 3)), WorkflowAction.ReportBack, handler, p => new() { TaskId = p.Tasks[department], Note = "处理完毕，请客服审核。" });
            last = t > last ? t : last;
        }

        return last;
    }

    /// <summary>Customer service approves the departments' result and replies to the customer; returns the reply's instant.</summary>
    private DateTimeOffset Review(DemoCasePlan plan, DemoStory story, DateTimeOffset from)
    {
        var t = After(from, Between(1, 4));
        Step(plan, t, WorkflowAction.Approve, cast.Clerk, _ => new() { Note = "处理结果符合要求，同意回复客户。" });
        // The stories' replies say how they were given: by e-mail to an e-mail, by phone otherwise.
        var channel = story.Channel == ComplaintChannel.Email ? ReplyChannel.Email : ReplyChannel.Phone;
        Step(plan, t = After(t, Between(0.5, 3)), WorkflowAction.Reply, cast.Clerk, _ => new() { ReplyChannel = channel, Note = story.Reply });
        return t;
    }

    /// <summary>
    /// A newest case whose steps would run past now (a slow pace, a weekend, a night) takes those steps, in their order, a
    /// quarter of an hour apart up to the last working moment before now (closer together when its earlier steps or the start
    /// of that working day leave less room), so that it reaches its stage whenever the portal starts, in working hours.
    /// </summary>
    private void BeforeNow(DemoCasePlan plan)
    {
        var end = LastWorkingMoment(now.AddMinutes(-2));
        var late = Enumerable.Range(0, plan.Steps.Count).Where(i => plan.Steps[i].At > end).ToList();
        if (late.Count == 0)
        {
            return;
        }

        var lastKept = plan.Steps.Where(s => s.At <= end).Select(s => s.At).DefaultIfEmpty(end.AddHours(-3)).Max();
        var dayStart = At(TimeZoneInfo.ConvertTime(end, zone).Date + DayStarts);
        var floor = lastKept > dayStart ? lastKept : dayStart;
        var gap = TimeSpan.FromMinutes(15);
        if (end - (gap * late.Count) <= floor)
        {
            gap = (end - floor) / (late.Count + 1);
        }

        for (var j = 0; j < late.Count; j++)
        {
            plan.Steps[late[j]] = plan.Steps[late[j]] with { At = end - (gap * (late.Count - 1 - j)) };
        }
    }

    private void Step(DemoCasePlan plan, DateTimeOffset at, WorkflowAction action, ActingUser actor, Func<DemoCasePlan, WorkflowInput> input) =>
        Add(plan, at, action.ToString(), async (s, ct) =>
        {
            var version = await s.Db.Complaints.AsNoTracking().Where(c => c.Id == plan.Id).Select(c => (int?)c.Version).SingleOrDefaultAsync(ct);
            if (version is null)
            {
                return "the case was not registered";
            }

            var result = await new ComplaintWorkflow(s.Db, s.Clock).ExecuteAsync(plan.Id, version.Value, action, input(plan), actor, ct);
            if (!result.Succeeded)
            {
                return $"{result.Error} {result.Refused}";
            }

            if (action == WorkflowAction.Dispatch)
            {
                foreach (var task in await s.Db.DepartmentTasks.AsNoTracking().Where(x => x.ComplaintId == plan.Id).ToListAsync(ct))
                {
                    plan.Tasks[task.DepartmentId] = task.Id;
                }
            }

            return null;
        });

    private void Add(DemoCasePlan plan, DateTimeOffset at, string name, Func<DemoStepContext, CancellationToken, Task<string?>> run)
    {
        plan.Stopped |= name == plan.StopBefore;
        if (!plan.Stopped)
        {
            plan.Steps.Add(new DemoStep(at, sequence++, plan, name, run));
        }
    }

    private double Between(double low, double high) => low + (random.NextDouble() * (high - low));
}
