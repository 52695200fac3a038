using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;

namespace ComplaintPortal.Tests.Workflow;

/// <summary>
/// The steps the case page offers are the ones that can be taken: none that the case as it stands rules out whatever is
/// typed (a department's work after it reported back, a report back before findings, a second escalation, an inspection
/// before one). Taken anyway, such a step is refused with its reason and changes nothing.
/// </summary>
public sealed class OfferedStepsTests : CaseDatabaseTest
{
    private static readonly WorkflowAction[] TaskWork =
    [
        WorkflowAction.ReassignTask, WorkflowAction.RecordFindings, WorkflowAction.ProposeSolution, WorkflowAction.RecordNegotiation,
        WorkflowAction.RecordImplementation, WorkflowAction.ReportBack,
    ];

    private static List<WorkflowAction> Offered(Complaint complaint, ActingUser viewer, int? taskDepartment = null) =>
        ComplaintWorkflow.AvailableSteps(complaint, viewer)
            .Where(s => taskDepartment is null ? s.Task is null : s.Task?.DepartmentId == taskDepartment)
            .Select(s => s.Step.Action).ToList();

    [Fact]
    public async Task A_department_that_reported_back_is_offered_no_more_work_on_its_task_while_the_other_is()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var qualityTask = complaint.Tasks.Single(t => t.DepartmentId == Driver.DepartmentId(DepartmentCatalog.Quality));
        var production = Driver.DepartmentId(DepartmentCatalog.Production);
        var qualityHead = Driver.HeadOf(DepartmentCatalog.Quality);
        var before = Offered(complaint, qualityHead, qualityTask.DepartmentId);

        complaint = await Driver.WorkTaskAsync(complaint.Id, qualityTask);

        // Before: the head could assign and work the task (a report back waits for findings).
        Assert.Equal(TaskWork.Where(a => a != WorkflowAction.ReportBack), before);
        Assert.Equal(CaseStage.InDepartments, complaint.Stage);
        Assert.Empty(Offered(complaint, qualityHead, qualityTask.DepartmentId));
        Assert.Empty(Offered(complaint, Driver.HandlerOf(DepartmentCatalog.Quality), qualityTask.DepartmentId));
        Assert.Equal(TaskWork.Where(a => a != WorkflowAction.ReportBack), Offered(complaint, Driver.HeadOf(DepartmentCatalog.Production), production));
        // The reported department still waits for the customer, notes, attaches evidence with the others.
        Assert.Equal(
            [WorkflowAction.WaitForCustomer, WorkflowAction.RecordOtherOrganisation, WorkflowAction.Escalate, WorkflowAction.AttachEvidence, WorkflowAction.AddNote],
            Offered(complaint, qualityHead));

        var refused = await Driver.TryAsync(complaint.Id, WorkflowAction.RecordFindings, new() { TaskId = qualityTask.Id, Note = "补充" }, qualityHead);
        Assert.Equal(WorkflowError.TaskAlreadyReported, refused.Error);
        Assert.Equal(complaint.Version, (await Driver.LoadAsync(complaint.Id)).Version);
    }

    [Fact]
    public async Task Report_back_is_offered_once_the_findings_are_recorded_and_refused_before()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var task = complaint.Tasks.First();
        var handler = Driver.HandlerOf(task.DepartmentId);

        var early = await Driver.TryAsync(complaint.Id, WorkflowAction.ReportBack, new() { TaskId = task.Id, Note = "已处理" }, handler);
        var found = await Driver.DoAsync(complaint.Id, WorkflowAction.RecordFindings, new() { TaskId = task.Id, Note = "查明" }, handler);

        Assert.Equal(WorkflowError.FindingsRequired, early.Error);
        Assert.DoesNotContain(WorkflowAction.ReportBack, Offered(complaint, handler, task.DepartmentId));
        Assert.Contains(WorkflowAction.ReportBack, Offered(found, handler, task.DepartmentId));
    }

    [Fact]
    public async Task Escalation_is_offered_until_taken_and_the_inspection_only_after_it()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var inspectionBefore = await Driver.TryAsync(complaint.Id, WorkflowAction.OrderOnSiteInspection, new() { Note = "现场查看" }, Driver.Leader);
        var leaderBefore = Offered(complaint, Driver.Leader);
        var clerkBefore = Offered(complaint, Driver.Clerk);

        var escalated = await Driver.DoAsync(complaint.Id, WorkflowAction.Escalate, new() { Note = "客户投诉媒体" }, Driver.Clerk);
        var again = await Driver.TryAsync(complaint.Id, WorkflowAction.Escalate, new() { Note = "再次上报" }, Driver.Clerk);

        Assert.Equal(WorkflowError.NotEscalated, inspectionBefore.Error);
        Assert.Equal(WorkflowError.AlreadyEscalated, again.Error);
        Assert.Equal([WorkflowAction.AddNote], leaderBefore);
        Assert.Equal([WorkflowAction.OrderOnSiteInspection, WorkflowAction.AddNote], Offered(escalated, Driver.Leader));
        Assert.Contains(WorkflowAction.Escalate, clerkBefore);
        Assert.DoesNotContain(WorkflowAction.Escalate, Offered(escalated, Driver.Clerk));
    }

    [Fact]
    public async Task While_the_case_waits_for_the_customer_a_head_may_still_name_the_tasks_owner_and_nothing_else_moves()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.WaitingForCustomer);
        var quality = Driver.DepartmentId(DepartmentCatalog.Quality);
        var task = complaint.Tasks.Single(t => t.DepartmentId == quality);
        Assert.Contains(WorkflowAction.ReassignTask, Offered(complaint, Driver.HeadOf(DepartmentCatalog.Quality), quality));

        var assigned = await Driver.DoAsync(complaint.Id, WorkflowAction.ReassignTask,
            new() { TaskId = task.Id, AssigneeUserId = Driver.HandlerOf(DepartmentCatalog.Quality).UserId }, Driver.HeadOf(DepartmentCatalog.Quality));

        Assert.Equal(CaseStage.WaitingForCustomer, assigned.Stage);
        Assert.NotNull(assigned.PausedAt);
        Assert.Equal(Driver.HandlerOf(DepartmentCatalog.Quality).UserId, assigned.Tasks.Single(t => t.Id == task.Id).OwnerUserId);
    }
}
