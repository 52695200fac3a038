using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;

namespace ComplaintPortal.Tests.Workflow;

/// <summary>One database with one case parked in every stage; refused steps may reuse them because they change nothing.</summary>
public sealed class WorkflowCases : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = default!;

    public CaseDriver Driver { get; private set; } = default!;

    public Dictionary<CaseStage, int> CaseIn { get; } = [];

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.WithSchema().MigrateAsync();
        Driver = await CaseDriver.CreateAsync(Database);
        foreach (var stage in Enum.GetValues<CaseStage>())
        {
            CaseIn[stage] = (await Driver.CaseInStageAsync(stage)).Id;
        }
    }

    public Task DisposeAsync()
    {
        Database.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Input that satisfies the step on this case.</summary>
    public static WorkflowInput ValidInput(WorkflowAction action, Complaint complaint, CaseDriver driver)
    {
        var task = complaint.Tasks.OrderBy(t => t.Id).FirstOrDefault();
        var taskId = task?.Id;
        return action switch
        {
            WorkflowAction.Assess => new() { CategoryId = driver.CategoryId(CategoryCatalog.Service), Severity = Severity.Minor, Urgency = Urgency.Normal },
            WorkflowAction.Acknowledge => new() { PromisedCompletionAt = driver.Time.GetUtcNow().AddDays(3), Note = "已受理" },
            WorkflowAction.Dispatch => new() { DepartmentIds = [driver.DepartmentId(DepartmentCatalog.Sales)] },
            WorkflowAction.ReassignTask => new() { TaskId = taskId, AssigneeUserId = task is null ? null : driver.HandlerOf(task.DepartmentId).UserId },
            WorkflowAction.ProposeSolution => new() { TaskId = taskId, Note = "方案", ResponsiblePerson = "张三", DueDate = new DateOnly(2026, 5, 1), SolutionTypeCode = "REPAIR" },
            WorkflowAction.RecordFindings or WorkflowAction.RecordNegotiation or WorkflowAction.RecordImplementation
                or WorkflowAction.ReportBack or WorkflowAction.ReturnToDepartment or WorkflowAction.ChaseTask => new() { TaskId = taskId, Note = "记录" },
            WorkflowAction.Reply => new() { ReplyChannel = ReplyChannel.Sms, Note = "回复" },
            WorkflowAction.MarkDuplicate => new() { DuplicateOfCaseNumber = "KS-" + driver.Time.GetUtcNow().Year + "-000001" },
            WorkflowAction.AttachEvidence => new() { Evidence = new("photo.jpg", "image/jpeg", 10, new string('a', 32), new string('b', 64)) },
            _ => new() { Note = "说明", SatisfiedWithAttitude = true },
        };
    }

    /// <summary>Someone the table lets take the step on this case.</summary>
    public static ActingUser PermittedActor(WorkflowStep step, Complaint complaint, CaseDriver driver)
    {
        var task = complaint.Tasks.OrderBy(t => t.Id).FirstOrDefault();
        return step.Actors[0] switch
        {
            WorkflowActor.IntakeClerk => driver.Clerk,
            WorkflowActor.Leadership => driver.Leader,
            WorkflowActor.TaskDepartment => driver.HandlerOf(task!.DepartmentId),
            WorkflowActor.TaskDepartmentHead => driver.HeadOf(task!.DepartmentId),
            _ => throw new ArgumentOutOfRangeException(nameof(step)),
        };
    }
}
