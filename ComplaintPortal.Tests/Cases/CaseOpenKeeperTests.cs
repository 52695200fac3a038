using ComplaintPortal.Domain.Board;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Cases;

/// <summary>The "case open" flag kept on each department task equals what the case's stage says, and a department's board follows it.</summary>
public sealed class CaseOpenKeeperTests : CaseDatabaseTest
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
    public async Task Recompute_sql_gives_what_the_keeper_kept()
    {
        var open = await Driver.CaseInStageAsync(CaseStage.UnderReview);
        var closed = await Driver.CaseInStageAsync(CaseStage.Closed);
        var kept = new[] { await FlagsAsync(open.Id), await FlagsAsync(closed.Id) };

        await using (var db = Database.CreateContext())
        {
            // Every flag wrong, then worked out again from the stages.
            await db.DepartmentTasks.ExecuteUpdateAsync(u => u.SetProperty(t => t.CaseOpen, t => !t.CaseOpen));
            await db.Database.ExecuteSqlRawAsync(CaseOpenKeeper.RecomputeSql);
        }

        Assert.Equal(kept, new[] { await FlagsAsync(open.Id), await FlagsAsync(closed.Id) });
        Assert.Equal([true, true], kept[0]);
        Assert.Equal([false, false], kept[1]);
    }

    private async Task<List<bool>> FlagsAsync(int complaintId)
    {
        await using var db = Database.CreateContext();
        return await db.DepartmentTasks.AsNoTracking().Where(t => t.ComplaintId == complaintId).OrderBy(t => t.Id).Select(t => t.CaseOpen).ToListAsync();
    }
}
