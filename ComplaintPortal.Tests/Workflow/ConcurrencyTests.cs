using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Workflow;

/// <summary>Two people acting on one case at once: one wins, the other is told to reload; nothing is lost or doubled.</summary>
public sealed class ConcurrencyTests : CaseDatabaseTest
{
    [Fact]
    public async Task Action_on_a_version_someone_else_changed_is_refused()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.Registered);
        var seen = complaint.Version;
        await Driver.AssessAsync(complaint.Id);

        var late = await Driver.TryAsync(complaint.Id, WorkflowAction.MarkInvalid, new() { Note = "无效" }, Driver.Clerk, seen);

        Assert.Equal(WorkflowError.ConcurrencyConflict, late.Error);
        Assert.Equal(CaseStage.Assessed, (await Driver.LoadAsync(complaint.Id)).Stage);
    }

    [Fact]
    public async Task Two_simultaneous_actions_on_one_case_let_exactly_one_through()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.UnderReview);
        var task = complaint.Tasks[0];

        // Both contexts load the same version before either saves: the Database decides.
        await using var first = Database.CreateContext();
        await using var second = Database.CreateContext();
        var approve = new ComplaintWorkflow(first, Driver.Time).ExecuteAsync(complaint.Id, complaint.Version, WorkflowAction.Approve, new() { Note = "同意" }, Driver.Clerk);
        var sendBack = new ComplaintWorkflow(second, Driver.Time).ExecuteAsync(complaint.Id, complaint.Version, WorkflowAction.ReturnToDepartment, new() { TaskId = task.Id, Note = "补充材料" }, Driver.Clerk);
        var results = await Task.WhenAll(approve, sendBack);

        Assert.Single(results, r => r.Succeeded);
        Assert.Single(results, r => r.Error == WorkflowError.ConcurrencyConflict);
        var after = await Driver.LoadAsync(complaint.Id);
        Assert.Equal(complaint.Version + 1, after.Version);
        await using var db = Database.CreateContext();
        var events = await db.LedgerEvents.Where(e => e.ComplaintId == complaint.Id).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(after.Stage.ToString(), events[^1].ToStage);
        Assert.Single(events, e => e.Action is nameof(WorkflowAction.Approve) or nameof(WorkflowAction.ReturnToDepartment));
    }

    [Fact]
    public async Task Stale_context_save_fails_on_the_version_token()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.Approved);
        await using var stale = Database.CreateContext();
        var workflow = new ComplaintWorkflow(stale, Driver.Time);
        // Someone else replies between our load and our save.
        await Driver.DoAsync(complaint.Id, WorkflowAction.Reply, new() { ReplyChannel = ReplyChannel.Email, Note = "回复" }, Driver.Clerk);

        var result = await workflow.ExecuteAsync(complaint.Id, complaint.Version, WorkflowAction.Reply, new() { ReplyChannel = ReplyChannel.Phone, Note = "再回复" }, Driver.Clerk);

        Assert.Equal(WorkflowError.ConcurrencyConflict, result.Error);
        await using var db = Database.CreateContext();
        Assert.Equal(1, await db.LedgerEvents.CountAsync(e => e.ComplaintId == complaint.Id && e.Action == nameof(WorkflowAction.Reply)));
    }
}
