using ComplaintPortal.Domain.Board;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Board;

/// <summary>
/// Each task keeps a copy of its case's board keys (group, due, due-soon) with its "case open" flag, and a department's
/// board, which pages and counts from those copies, holds exactly what the board of every case holds for it.
/// </summary>
public sealed class BoardTaskKeysTests : CaseDatabaseTest
{
    [Fact]
    public async Task Task_keys_follow_the_case_through_dispatch_pause_resume_reopen_withdrawal_and_close()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var dispatched = await AssertTasksCopyTheCaseAsync(complaint.Id);
        Assert.Equal(BoardGroup.CountingDown, dispatched.Group);
        Assert.NotNull(dispatched.DueAt);
        Assert.NotNull(dispatched.DueSoonAt);

        await Driver.DoAsync(complaint.Id, WorkflowAction.WaitForCustomer, new() { Note = "等待客户寄回样品" }, Driver.Clerk);
        Assert.Equal(new TaskKeys(true, BoardGroup.Paused, null, null), await AssertTasksCopyTheCaseAsync(complaint.Id));

        Driver.Time.Advance(TimeSpan.FromDays(2));
        await Driver.DoAsync(complaint.Id, WorkflowAction.ResumeFromCustomer, new() { Note = "样品已收到" }, Driver.Clerk);
        var resumed = await AssertTasksCopyTheCaseAsync(complaint.Id);
        Assert.Equal(BoardGroup.CountingDown, resumed.Group);
        Assert.NotEqual(dispatched.DueAt, resumed.DueAt);

        await Driver.WorkAllTasksAsync(complaint.Id);
        await AssertTasksCopyTheCaseAsync(complaint.Id);
        await Driver.DoAsync(complaint.Id, WorkflowAction.Approve, new() { Note = "同意" }, Driver.Clerk);
        await Driver.DoAsync(complaint.Id, WorkflowAction.Reply, new() { ReplyChannel = ReplyChannel.Phone, Note = "已电话回复" }, Driver.Clerk);
        await AssertTasksCopyTheCaseAsync(complaint.Id);
        await Driver.DoAsync(complaint.Id, WorkflowAction.ReopenUnsatisfied, new() { Note = "客户对结果不满意" }, Driver.Clerk);
        Assert.True((await AssertTasksCopyTheCaseAsync(complaint.Id)).CaseOpen);

        await Driver.DoAsync(complaint.Id, WorkflowAction.Withdraw, new() { Note = "客户撤诉" }, Driver.Clerk);
        Assert.Equal(new TaskKeys(false, null, null, null), await AssertTasksCopyTheCaseAsync(complaint.Id));

        var closed = await Driver.CaseInStageAsync(CaseStage.Closed);
        Assert.Equal(new TaskKeys(false, null, null, null), await AssertTasksCopyTheCaseAsync(closed.Id));
    }

    [Fact]
    public async Task Department_board_and_totals_equal_the_board_of_every_case_narrowed_to_it()
    {
        foreach (var stage in new[] { CaseStage.InDepartments, CaseStage.WaitingForCustomer, CaseStage.UnderReview, CaseStage.AwaitingCallback, CaseStage.Closed })
        {
            await Driver.CaseInStageAsync(stage);
            Driver.Time.Advance(TimeSpan.FromHours(20));
        }

        var urgent = (await Driver.RegisterAsync()).Id;
        await Driver.AssessAsync(urgent, urgency: Urgency.Urgent);
        await Driver.AcknowledgeAsync(urgent);
        await Driver.DispatchAsync(urgent, DepartmentCatalog.Quality);
        var engineering = (await Driver.RegisterAsync()).Id;
        await Driver.AssessAsync(engineering);
        await Driver.AcknowledgeAsync(engineering);
        await Driver.DispatchAsync(engineering, DepartmentCatalog.Engineering);

        var quality = Driver.DepartmentId(DepartmentCatalog.Quality);
        var production = Driver.DepartmentId(DepartmentCatalog.Production);
        var start = Driver.Time.GetUtcNow();
        var filters = new[]
        {
            BoardFilter.None, new BoardFilter { Stage = CaseStage.InDepartments }, new BoardFilter { Priority = Priority.Urgent },
            new BoardFilter { DepartmentId = production }, new BoardFilter { OverdueOnly = true }, new BoardFilter { DueSoonOnly = true },
        };
        var states = new HashSet<DeadlineState>();
        IReadOnlyList<BoardRow> atStart;
        await using (var db = Database.CreateContext())
        {
            atStart = await new BoardQuery(db).OpenCasesAsync(new BoardViewer(true, null), BoardFilter.None, start);
        }

        // Now, each counting-down case's due-soon and due instants, and long after.
        var times = atStart.Where(r => r.DueSoonAt is not null).SelectMany(r => new[] { r.DueSoonAt!.Value, r.NextDeadline!.Value })
            .Append(start).Append(start.AddDays(60)).Distinct().Order().ToList();
        foreach (var now in times)
        {
            await using var db = Database.CreateContext();
            var query = new BoardQuery(db);
            var everyCase = await query.OpenCasesAsync(new BoardViewer(true, null), BoardFilter.None, now);
            states.UnionWith(everyCase.Select(r => r.DeadlineStateAt(now)));
            foreach (var filter in filters)
            {
                var reference = everyCase.Where(r => r.HasTaskFor(quality) && filter.Admits(r, now)).ToList();
                var board = await query.OpenCasesAsync(new BoardViewer(false, quality), filter, now);
                var totals = await query.TotalsAsync(new BoardViewer(false, quality), filter, now);

                Assert.Equal(reference.Select(r => r.ComplaintId), board.Select(r => r.ComplaintId));
                Assert.Equal(TotalsOf(reference, now), totals);
            }
        }

        // The other sorts read the department's cases through the ids its tasks list.
        foreach (var sort in new[] { BoardSort.Received, BoardSort.CaseNumber, BoardSort.TimeInStage })
        {
            await using var db = Database.CreateContext();
            var query = new BoardQuery(db);
            var filter = new BoardFilter { Sort = sort };
            var reference = (await query.OpenCasesAsync(new BoardViewer(true, null), filter, start)).Where(r => r.HasTaskFor(quality));
            var board = await query.OpenCasesAsync(new BoardViewer(false, quality), filter, start);
            Assert.Equal(reference.Select(r => r.ComplaintId), board.Select(r => r.ComplaintId));
        }

        // The times above saw cases on track, due soon, overdue and without a deadline.
        Assert.Superset(new HashSet<DeadlineState> { DeadlineState.OnTrack, DeadlineState.DueSoon, DeadlineState.Overdue, DeadlineState.None }, states);
    }

    [Fact]
    public async Task Recompute_sql_gives_the_task_keys_the_keeper_kept()
    {
        var ids = new List<int>();
        foreach (var stage in new[] { CaseStage.InDepartments, CaseStage.WaitingForCustomer, CaseStage.AwaitingCallback, CaseStage.Closed })
        {
            ids.Add((await Driver.CaseInStageAsync(stage)).Id);
        }

        var kept = await Task.WhenAll(ids.Select(TasksAsync));
        await using (var db = Database.CreateContext())
        {
            // Every task's flag and keys wrong, then copied again from the cases.
            await db.DepartmentTasks.ExecuteUpdateAsync(u => u.SetProperty(t => t.CaseOpen, t => !t.CaseOpen)
                .SetProperty(t => t.BoardGroup, BoardGroup.NoDeadline).SetProperty(t => t.BoardDueAt, t => (DateTimeOffset?)t.Deadline)
                .SetProperty(t => t.BoardDueSoonAt, t => (DateTimeOffset?)t.Deadline));
            await db.Database.ExecuteSqlRawAsync(BoardKeysKeeper.RecomputeTaskKeysSql);
        }

        Assert.Equal(kept, await Task.WhenAll(ids.Select(TasksAsync)));
        Assert.Equal([true, true, true, false], kept.Select(k => k[0].CaseOpen));
        Assert.Equal([BoardGroup.CountingDown, BoardGroup.Paused], kept.Take(2).Select(k => k[0].Group));
    }

    private readonly record struct TaskKeys(bool CaseOpen, BoardGroup? Group, DateTimeOffset? DueAt, DateTimeOffset? DueSoonAt);

    private static BoardTotals TotalsOf(IReadOnlyCollection<BoardRow> rows, DateTimeOffset now)
    {
        int Count(DeadlineState state) => rows.Count(r => !r.Paused && r.DeadlineStateAt(now) == state);
        return new BoardTotals(rows.Count, Count(DeadlineState.Overdue), Count(DeadlineState.DueSoon), Count(DeadlineState.OnTrack), rows.Count(r => r.Paused));
    }

    // Every task of the case holds the case's flag and keys; returns them.
    private async Task<TaskKeys> AssertTasksCopyTheCaseAsync(int complaintId)
    {
        await using var db = Database.CreateContext();
        var c = await db.Complaints.AsNoTracking().SingleAsync(c => c.Id == complaintId);
        var expected = new TaskKeys(!c.Stage.IsFinal(), c.BoardGroup, c.BoardDueAt, c.BoardGroup == BoardGroup.CountingDown ? c.NextDueSoonAt : null);
        var tasks = await TasksAsync(complaintId);
        Assert.Equal(2, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(expected, t));
        return expected;
    }

    private async Task<List<TaskKeys>> TasksAsync(int complaintId)
    {
        await using var db = Database.CreateContext();
        return (await db.DepartmentTasks.AsNoTracking().Where(t => t.ComplaintId == complaintId).OrderBy(t => t.Id)
                .Select(t => new { t.CaseOpen, t.BoardGroup, t.BoardDueAt, t.BoardDueSoonAt }).ToListAsync())
            .Select(t => new TaskKeys(t.CaseOpen, t.BoardGroup, t.BoardDueAt, t.BoardDueSoonAt)).ToList();
    }
}
