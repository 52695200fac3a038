using ComplaintPortal.Domain.Board;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Board;

/// <summary>
/// What the board pages and counts by (the case's board group and due instant, each task's "case open" flag) equals
/// what the case's stage and deadlines say, and the board follows it.
/// </summary>
public sealed class BoardKeysKeeperTests : CaseDatabaseTest
{
    [Fact]
    public async Task Flag_follows_the_case_from_dispatch_to_close()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        Assert.Equal([true, true], await FlagsAsync(complaint.Id));

        await Driver.WorkAllTasksAsync(complaint.Id);
        await Driver.DoAsync(complaint.Id, WorkflowAction.Approve, new() { Note = "同意" }, Driver.Clerk);
        await Driver.DoAsync(complaint.Id, WorkflowAction.Reply, new() { ReplyChannel = ReplyChannel.Phone, Note = "已电话回复" }, Driver.Clerk);
        // Back to the departments: every task reopens and the case is still open.
        await Driver.DoAsync(complaint.Id, WorkflowAction.ReopenUnsatisfied, new() { Note = "客户对结果不满意" }, Driver.Clerk);
        Assert.Equal([true, true], await FlagsAsync(complaint.Id));

        var withdrawn = await Driver.DoAsync(complaint.Id, WorkflowAction.Withdraw, new() { Note = "客户撤诉" }, Driver.Clerk);
        Assert.Equal(CaseStage.Withdrawn, withdrawn.Stage);
        Assert.Equal([false, false], await FlagsAsync(complaint.Id));

        var closed = await Driver.CaseInStageAsync(CaseStage.Closed);
        Assert.Equal([false, false], await FlagsAsync(closed.Id));
    }

    [Fact]
    public async Task Department_board_holds_exactly_the_open_cases_it_has_a_task_on()
    {
        var cases = new List<Complaint>();
        foreach (var stage in new[] { CaseStage.InDepartments, CaseStage.WaitingForCustomer, CaseStage.UnderReview, CaseStage.AwaitingCallback, CaseStage.Closed, CaseStage.Registered })
        {
            cases.Add(await Driver.CaseInStageAsync(stage));
        }

        var withdrawn = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        await Driver.DoAsync(withdrawn.Id, WorkflowAction.Withdraw, new() { Note = "客户撤诉" }, Driver.Clerk);
        var quality = Driver.DepartmentId(DepartmentCatalog.Quality);

        await using var db = Database.CreateContext();
        var open = CaseStages.Open.ToList();
        var reference = await db.Complaints.Where(CaseVisibility.OfDepartment(quality)).Where(c => open.Contains(c.Stage))
            .Select(c => c.Id).OrderBy(id => id).ToListAsync();
        var board = await new BoardQuery(db).OpenCasesAsync(new BoardViewer(false, quality), BoardFilter.None, Driver.Time.GetUtcNow());
        var totals = await new BoardQuery(db).TotalsAsync(new BoardViewer(false, quality), BoardFilter.None, Driver.Time.GetUtcNow());

        Assert.Equal(4, reference.Count);
        Assert.Equal(reference, board.Select(r => r.ComplaintId).Order());
        Assert.Equal(reference.Count, totals.Open);
        Assert.DoesNotContain(board, r => r.ComplaintId == withdrawn.Id);
    }

    [Fact]
    public async Task Board_group_follows_the_stage_and_the_next_deadline()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var counting = await KeysAsync(complaint.Id);
        Assert.Equal(BoardGroup.CountingDown, counting.Group);
        Assert.NotNull(counting.DueAt);
        Assert.Equal(counting.NextDueAt, counting.DueAt);

        await Driver.DoAsync(complaint.Id, WorkflowAction.WaitForCustomer, new() { Note = "等待客户寄回样品" }, Driver.Clerk);
        Assert.Equal((BoardGroup.Paused, (DateTimeOffset?)null), Pair(await KeysAsync(complaint.Id)));

        var withdrawn = await Driver.DoAsync(complaint.Id, WorkflowAction.Withdraw, new() { Note = "客户撤诉" }, Driver.Clerk);
        Assert.Equal(CaseStage.Withdrawn, withdrawn.Stage);
        Assert.Equal((null, null), Pair(await KeysAsync(complaint.Id)));

        // Every deadline met while the case is still open: no deadline left.
        var callback = await Driver.CaseInStageAsync(CaseStage.AwaitingCallback);
        var keys = await KeysAsync(callback.Id);
        Assert.Equal(BoardKeysKeeper.GroupOf(CaseStage.AwaitingCallback, keys.NextDueAt), keys.Group);
        Assert.Equal(keys.NextDueAt is null ? BoardGroup.NoDeadline : BoardGroup.CountingDown, keys.Group);
    }

    [Fact]
    public async Task Board_page_in_deadline_order_equals_the_order_rows_arriving_live_are_placed_in()
    {
        foreach (var stage in new[] { CaseStage.WaitingForCustomer, CaseStage.InDepartments, CaseStage.AwaitingCallback, CaseStage.Registered, CaseStage.UnderReview, CaseStage.WaitingForCustomer })
        {
            await Driver.CaseInStageAsync(stage);
        }

        await using var db = Database.CreateContext();
        var rows = await new BoardQuery(db).OpenCasesAsync(new BoardViewer(true, null), BoardFilter.None, Driver.Time.GetUtcNow());

        Assert.Equal(6, rows.Count);
        Assert.Equal(rows.Order(BoardRowOrder.For(BoardSort.Deadline)).Select(r => r.ComplaintId), rows.Select(r => r.ComplaintId));
        Assert.True(rows[^1].Paused);
        Assert.NotNull(rows[0].NextDeadline);
    }

    [Fact]
    public async Task Recompute_sql_gives_what_the_keeper_kept()
    {
        var open = await Driver.CaseInStageAsync(CaseStage.UnderReview);
        var paused = await Driver.CaseInStageAsync(CaseStage.WaitingForCustomer);
        var closed = await Driver.CaseInStageAsync(CaseStage.Closed);
        var ids = new[] { open.Id, paused.Id, closed.Id };
        var flags = await Task.WhenAll(ids.Select(FlagsAsync));
        var keys = await Task.WhenAll(ids.Select(KeysAsync));

        await using (var db = Database.CreateContext())
        {
            // Every flag and key wrong, then worked out again from the stages and next deadlines.
            await db.DepartmentTasks.ExecuteUpdateAsync(u => u.SetProperty(t => t.CaseOpen, t => !t.CaseOpen));
            await db.Complaints.ExecuteUpdateAsync(u => u.SetProperty(c => c.BoardGroup, BoardGroup.NoDeadline)
                .SetProperty(c => c.BoardDueAt, (DateTimeOffset?)null));
            await db.Database.ExecuteSqlRawAsync(BoardKeysKeeper.RecomputeTasksSql);
            await db.Database.ExecuteSqlRawAsync(BoardKeysKeeper.RecomputeCasesSql);
            await db.Database.ExecuteSqlRawAsync(BoardKeysKeeper.RecomputeTaskKeysSql);
        }

        Assert.Equal(flags, await Task.WhenAll(ids.Select(FlagsAsync)));
        Assert.Equal(keys, await Task.WhenAll(ids.Select(KeysAsync)));
        Assert.Equal([true, true], flags[0]);
        Assert.Equal([false, false], flags[2]);
        Assert.Equal([BoardGroup.CountingDown, BoardGroup.Paused, null], keys.Select(k => k.Group));
    }

    private static (BoardGroup? Group, DateTimeOffset? DueAt) Pair((BoardGroup? Group, DateTimeOffset? DueAt, DateTimeOffset? NextDueAt) keys) =>
        (keys.Group, keys.DueAt);

    private async Task<(BoardGroup? Group, DateTimeOffset? DueAt, DateTimeOffset? NextDueAt)> KeysAsync(int complaintId)
    {
        await using var db = Database.CreateContext();
        var c = await db.Complaints.AsNoTracking().SingleAsync(c => c.Id == complaintId);
        return (c.BoardGroup, c.BoardDueAt, c.NextDueAt);
    }

    private async Task<List<bool>> FlagsAsync(int complaintId)
    {
        await using var db = Database.CreateContext();
        return await db.DepartmentTasks.AsNoTracking().Where(t => t.ComplaintId == complaintId).OrderBy(t => t.Id).Select(t => t.CaseOpen).ToListAsync();
    }
}
