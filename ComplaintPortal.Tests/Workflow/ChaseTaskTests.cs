using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Workflow;

/// <summary>
/// Chasing a department's open task (催办, the plaza's regime: customer service 跟踪、催办 what is not done): the task's
/// owner and its department's head are told what was said, the ledger keeps it under the task's department, and nothing
/// else about the task moves.
/// </summary>
public sealed class ChaseTaskTests : CaseDatabaseTest
{
    [Fact]
    public async Task Customer_service_chases_one_task_its_owner_and_head_are_told_and_the_task_stays_as_it_was()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var quality = complaint.Tasks.Single(t => t.DepartmentId == Driver.DepartmentId(DepartmentCatalog.Quality));
        var handler = Driver.HandlerOf(DepartmentCatalog.Quality);
        complaint = await Driver.DoAsync(complaint.Id, WorkflowAction.RecordFindings, new() { TaskId = quality.Id, Note = "查明" }, handler);
        var before = complaint.Tasks.Single(t => t.Id == quality.Id);

        var chased = await Driver.DoAsync(complaint.Id, WorkflowAction.ChaseTask, new() { TaskId = quality.Id, Note = "客户第三次来电，请今天答复" }, Driver.Clerk);

        var after = chased.Tasks.Single(t => t.Id == quality.Id);
        Assert.Equal((before.Status, before.OwnerUserId, before.Deadline, CaseStage.InDepartments), (after.Status, after.OwnerUserId, after.Deadline, chased.Stage));
        await using var db = Database.CreateContext();
        var notices = await db.Notifications.Where(n => n.ComplaintId == complaint.Id && n.Kind == NotificationKind.TaskChased)
            .Select(n => new { n.RecipientUserId, n.RecipientRole, n.RecipientDepartmentId, n.Text }).ToListAsync();
        Assert.Equal(2, notices.Count);
        Assert.All(notices, n => Assert.Equal($"{complaint.CaseNumber}: {Driver.Clerk.Name}\n客户第三次来电，请今天答复", n.Text));
        Assert.Contains(notices, n => n.RecipientUserId == handler.UserId);
        Assert.Contains(notices, n => n.RecipientRole == PortalRoles.DepartmentHead && n.RecipientDepartmentId == quality.DepartmentId);
        var entry = await db.LedgerEvents.Where(e => e.ComplaintId == complaint.Id).OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal((nameof(WorkflowAction.ChaseTask), quality.DepartmentId, "客户第三次来电，请今天答复"), (entry.Action, entry.DepartmentId, entry.Note));
    }

    [Fact]
    public async Task Leadership_chases_too_but_not_the_departments_nor_a_task_reported_back_nor_outside_the_departments_stage()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var quality = complaint.Tasks.Single(t => t.DepartmentId == Driver.DepartmentId(DepartmentCatalog.Quality));
        var production = complaint.Tasks.Single(t => t.Id != quality.Id);

        var byLeader = await Driver.TryAsync(complaint.Id, WorkflowAction.ChaseTask, new() { TaskId = production.Id }, Driver.Leader);
        var byHead = await Driver.TryAsync(complaint.Id, WorkflowAction.ChaseTask, new() { TaskId = production.Id }, Driver.HeadOf(DepartmentCatalog.Quality));
        complaint = await Driver.WorkTaskAsync(complaint.Id, quality);
        var reported = await Driver.TryAsync(complaint.Id, WorkflowAction.ChaseTask, new() { TaskId = quality.Id }, Driver.Clerk);
        var offered = ComplaintWorkflow.AvailableSteps(complaint, Driver.Clerk).Where(s => s.Step.Action == WorkflowAction.ChaseTask).Select(s => s.Task!.Id);
        var underReview = await Driver.CaseInStageAsync(CaseStage.UnderReview);
        var late = await Driver.TryAsync(underReview.Id, WorkflowAction.ChaseTask, new() { TaskId = underReview.Tasks.First().Id }, Driver.Clerk);

        Assert.Equal(
            (WorkflowError.None, WorkflowError.NotPermitted, WorkflowError.TaskAlreadyReported, WorkflowError.WrongStage),
            (byLeader.Error, byHead.Error, reported.Error, late.Error));
        Assert.Equal([production.Id], offered);
    }
}
