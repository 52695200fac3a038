using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Tests.Workflow;
using ComplaintPortal.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Web.Cases.Timeline;

/// <summary>
/// A case whose ledger holds every kind of line the domain writes: registration, evidence, an urgent
/// assessment that re-targets the deadlines, dispatch, a pause and resumption that move a task deadline,
/// due-soon and overdue lines and the escalation from the monitor, department work and a work note, a callback that
/// reopens the case and restarts its deadlines, leadership's closure, and a second case, escalated by the
/// emergency procedure, marked as its duplicate.
/// </summary>
public static class LedgerScenario
{
    public static async Task<(Complaint Complaint, IReadOnlyList<LedgerEvent> Events, CaseLookups Lookups)> WalkAsync(CaseDriver driver)
    {
        ArgumentNullException.ThrowIfNull(driver);
        var id = (await driver.RegisterAsync()).Id;
        var clerk = driver.Clerk;
        await driver.DoAsync(id, WorkflowAction.AttachEvidence, new() { Evidence = new("发票.pdf", "application/pdf", 2048, new string('a', 32), new string('b', 64)) }, clerk);
        await driver.DoAsync(id, WorkflowAction.Assess, new()
        {
            CategoryId = driver.CategoryId(CategoryCatalog.ProductQuality), Severity = Severity.Moderate, Urgency = Urgency.Urgent, Note = "底座有烧痕",
        }, clerk);
        await driver.DoAsync(id, WorkflowAction.Acknowledge, new() { PromisedCompletionAt = driver.Time.GetUtcNow().AddDays(3), Note = "您的投诉已受理" }, clerk);
        var complaint = await driver.DoAsync(id, WorkflowAction.Dispatch, new() { DepartmentIds = [driver.DepartmentId(DepartmentCatalog.Quality)], Note = "请尽快核查" }, clerk);
        var task = complaint.Tasks.Single();
        var handler = driver.HandlerOf(task.DepartmentId);
        await driver.DoAsync(id, WorkflowAction.WaitForCustomer, new() { Note = "等待客户寄回样品" }, handler);
        driver.Time.Advance(TimeSpan.FromHours(5));
        await driver.DoAsync(id, WorkflowAction.ResumeFromCustomer, new() { Note = "样品已收到" }, handler);
        await driver.DoAsync(id, WorkflowAction.ReassignTask, new() { TaskId = task.Id, AssigneeUserId = handler.UserId }, driver.HeadOf(task.DepartmentId));
        await driver.DoAsync(id, WorkflowAction.RecordFindings, new() { TaskId = task.Id, Note = "查明原因", RootCause = "温控器缺陷", CauseCategoryCode = "DESIGN" }, handler);
        await driver.DoAsync(id, WorkflowAction.AddNote, new() { Note = "客户只接受下午来电" }, handler);
        await driver.DoAsync(id, WorkflowAction.ProposeSolution, new() { TaskId = task.Id, Note = "更换新品", ResponsiblePerson = "李强", DueDate = new DateOnly(2026, 4, 1), SolutionTypeCode = "REPLACE" }, handler);

        // Let the first response run late so the monitor writes its lines.
        var deadlines = await LoadDeadlinesAsync(driver, id);
        await using (var db = driver.Database.CreateContext())
        {
            var due = deadlines.Where(d => !d.IsMet).Min(d => d.DueAt);
            await new DeadlineMonitor(db).RunOnceAsync(due.AddMinutes(1));
        }

        await driver.DoAsync(id, WorkflowAction.RecordImplementation, new() { TaskId = task.Id, Note = "已更换" }, handler);
        await driver.DoAsync(id, WorkflowAction.ReportBack, new() { TaskId = task.Id, Note = "处理完毕" }, handler);
        await driver.DoAsync(id, WorkflowAction.Approve, new() { Note = "同意" }, clerk);
        await driver.DoAsync(id, WorkflowAction.Reply, new() { ReplyChannel = ReplyChannel.Sms, Note = "已短信回复" }, clerk);
        await driver.DoAsync(id, WorkflowAction.ReopenUnsatisfied, new() { SatisfiedWithAttitude = false, Note = "仍有异味" }, clerk);
        await driver.DoAsync(id, WorkflowAction.ReportBack, new() { TaskId = task.Id, Note = "再次更换" }, handler);
        await driver.DoAsync(id, WorkflowAction.Approve, new() { Note = "同意" }, clerk);
        await driver.DoAsync(id, WorkflowAction.Reply, new() { ReplyChannel = ReplyChannel.Phone, Note = "已电话回复" }, clerk);
        await driver.DoAsync(id, WorkflowAction.RequestUnsatisfiedClosure, new() { SatisfiedWithAttitude = true, Note = "诉求超出政策" }, clerk);
        complaint = await driver.DoAsync(id, WorkflowAction.ApproveUnsatisfiedClosure, new() { Note = "同意结案" }, driver.Leader);

        var copy = (await driver.RegisterAsync()).Id;
        await driver.DoAsync(copy, WorkflowAction.Assess, new()
        {
            CategoryId = driver.CategoryId(CategoryCatalog.ProductQuality), Severity = Severity.Serious, Urgency = Urgency.Urgent,
        }, clerk);
        await driver.DoAsync(copy, WorkflowAction.MarkDuplicate, new() { DuplicateOfCaseNumber = complaint.CaseNumber, Note = "同一客户重复来电" }, clerk);

        await using var read = driver.Database.CreateContext();
        var events = await read.LedgerEvents.AsNoTracking().Where(e => e.ComplaintId == id || e.ComplaintId == copy)
            .OrderBy(e => e.ComplaintId).ThenBy(e => e.Sequence).ToListAsync();
        var lookups = new CaseLookups(await read.Departments.AsNoTracking().ToListAsync(), await read.Categories.AsNoTracking().ToListAsync(),
            null, await read.SolutionTypes.AsNoTracking().ToListAsync(), causeCategories: await read.CauseCategories.AsNoTracking().ToListAsync());
        return (complaint, events, lookups);
    }

    private static async Task<List<CaseDeadline>> LoadDeadlinesAsync(CaseDriver driver, int id)
    {
        await using var db = driver.Database.CreateContext();
        return await db.CaseDeadlines.AsNoTracking().Where(d => d.ComplaintId == id).ToListAsync();
    }
}
