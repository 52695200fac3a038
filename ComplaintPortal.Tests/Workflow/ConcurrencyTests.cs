using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Workflow;

/// <summary>Two people acting on one case at once: one wins, the other is told to reload; nothing is lost or doubled.</summary>
public sealed class ConcurrencyTests : IAsyncLifetime
{
    private TestDatabase database = default!;
    private CaseDriver driver = default!;

    public async Task InitializeAsync()
    {
        database = await new TestDatabase().MigrateAsync();
        driver = await CaseDriver.CreateAsync(database);
    }

    public Task DisposeAsync()
    {
        database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Action_on_a_version_someone_else_changed_is_refused()
    {
        var complaint = await driver.CaseInStageAsync(CaseStage.Registered);
        var seen = complaint.Version;
        await driver.AssessAsync(complaint.Id);

        var late = await driver.TryAsync(complaint.Id, WorkflowAction.MarkInvalid, new() { Note = "无效" }, driver.Clerk, seen);

        Assert.Equal(WorkflowError.ConcurrencyConflict, late.Error);
        Assert.Equal(CaseStage.Assessed, (await driver.LoadAsync(complaint.Id)).Stage);
    }

    [Fact]
    public async Task Two_simultaneous_actions_on_one_case_let_exactly_one_through()
    {
        var complaint = await driver.CaseInStageAsync(CaseStage.UnderReview);
        var task = complaint.Tasks[0];

        // Both contexts load the same version before either saves: the database decides.
        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var approve = new ComplaintWorkflow(first, driver.Time).ExecuteAsync(complaint.Id, complaint.Version, WorkflowAction.Approve, new() { Note = "同意" }, driver.Clerk);
        var sendBack = new ComplaintWorkflow(second, driver.Time).ExecuteAsync(complaint.Id, complaint.Version, WorkflowAction.ReturnToDepartment, new() { TaskId = task.Id, Note = "补充材料" }, driver.Clerk);
        var results = await Task.WhenAll(approve, sendBack);

        Assert.Single(results, r => r.Succeeded);
        Assert.Single(results, r => r.Error == WorkflowError.ConcurrencyConflict);
        var after = await driver.LoadAsync(complaint.Id);
        Assert.Equal(complaint.Version + 1, after.Version);
        await using var db = database.CreateContext();
        var events = await db.LedgerEvents.Where(e => e.ComplaintId == complaint.Id).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(after.Stage.ToString(), events[^1].ToStage);
        Assert.Single(events, e => e.Action is nameof(WorkflowAction.Approve) or nameof(WorkflowAction.ReturnToDepartment));
    }

    [Fact]
    public async Task Stale_context_save_fails_on_the_version_token()
    {
        var complaint = await driver.CaseInStageAsync(CaseStage.Approved);
        await using var stale = database.CreateContext();
        var workflow = new ComplaintWorkflow(stale, driver.Time);
        // Someone else replies between our load and our save.
        await driver.DoAsync(complaint.Id, WorkflowAction.Reply, new() { ReplyChannel = ReplyChannel.Email, Note = "回复" }, driver.Clerk);

        var result = await workflow.ExecuteAsync(complaint.Id, complaint.Version, WorkflowAction.Reply, new() { ReplyChannel = ReplyChannel.Phone, Note = "再回复" }, driver.Clerk);

        Assert.Equal(WorkflowError.ConcurrencyConflict, result.Error);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.LedgerEvents.CountAsync(e => e.ComplaintId == complaint.Id && e.Action == nameof(WorkflowAction.Reply)));
    }
}
