using System.Text;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Deadlines;

/// <summary>The next deadline kept on the case equals the earliest unmet deadline worked out from the deadlines themselves.</summary>
public sealed class NextDeadlineKeeperTests
{
    [Fact]
    public async Task Kept_next_deadline_follows_the_case_through_its_life()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-03-02 09:30");
        var id = (await s.Driver.RegisterAsync()).Id;
        var registered = await KeptAsync(s, id);
        Assert.Equal(await ReferenceAsync(s, id), registered);
        Assert.Equal("2026-03-03 18:00", DeadlineScenario.Local(registered.DueAt!.Value));

        // Each step meets a deadline or starts new ones: the kept value moves with them.
        s.SetLocal("2026-03-02 11:00");
        await s.Driver.AssessAsync(id);
        await s.Driver.AcknowledgeAsync(id);
        var acknowledged = await KeptAsync(s, id);
        Assert.Equal(await ReferenceAsync(s, id), acknowledged);
        Assert.True(acknowledged.DueAt > registered.DueAt);

        await s.Driver.DispatchAsync(id, "QA");
        Assert.Equal(await ReferenceAsync(s, id), await KeptAsync(s, id));

        await s.Driver.WorkAllTasksAsync(id);
        Assert.Equal(await ReferenceAsync(s, id), await KeptAsync(s, id));
    }

    [Fact]
    public async Task Case_with_every_deadline_met_keeps_none_and_a_reopen_starts_it_again()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-03-02 09:30");
        var complaint = await s.Driver.CaseInStageAsync(CaseStage.AwaitingCallback);
        Assert.Equal((null, null), await KeptAsync(s, complaint.Id));

        s.SetLocal("2026-03-10 10:00");
        await s.Driver.DoAsync(complaint.Id, WorkflowAction.ReopenUnsatisfied, new() { Note = "客户对结果不满意" }, s.Driver.Clerk);

        var reopened = await KeptAsync(s, complaint.Id);
        Assert.Equal(await ReferenceAsync(s, complaint.Id), reopened);
        Assert.Equal("2026-03-19 18:00", DeadlineScenario.Local(reopened.DueAt!.Value));
    }

    [Fact]
    public async Task Deadlines_moved_by_a_holiday_import_move_the_kept_value_of_cases_the_import_did_not_load()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-12-30 10:00");
        var id = (await s.Driver.RegisterAsync()).Id;
        s.SetLocal("2026-12-30 11:00");
        await s.Driver.AssessAsync(id);
        await s.Driver.AcknowledgeAsync(id);
        var before = await KeptAsync(s, id);
        Assert.Equal("2027-01-04 18:00", DeadlineScenario.Local(before.DueAt!.Value));

        await using (var db = s.Database.CreateContext())
        {
            var csv = Encoding.UTF8.GetBytes("2027-01-01,off,元旦\n");
            Assert.True((await new WorkingCalendarBook(db, WorkingCalendarCache.Shared)
                .ImportHolidaysAsync("CN", 2027, csv, "管理员", s.Driver.Time.GetUtcNow())).Succeeded);
        }

        await s.RecomputeProvisionalAsync();

        var after = await KeptAsync(s, id);
        Assert.Equal(await ReferenceAsync(s, id), after);
        Assert.Equal("2027-01-05 18:00", DeadlineScenario.Local(after.DueAt!.Value));
    }

    [Fact]
    public async Task Recompute_sql_gives_what_the_keeper_kept()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-03-02 09:30");
        var open = (await s.Driver.RegisterAsync()).Id;
        var working = (await s.Driver.CaseInStageAsync(CaseStage.InDepartments)).Id;
        var done = (await s.Driver.CaseInStageAsync(CaseStage.AwaitingCallback)).Id;
        var kept = new[] { await KeptAsync(s, open), await KeptAsync(s, working), await KeptAsync(s, done) };

        await using (var db = s.Database.CreateContext())
        {
            await db.Complaints.ExecuteUpdateAsync(u => u.SetProperty(c => c.NextDueAt, (DateTimeOffset?)null)
                .SetProperty(c => c.NextDueSoonAt, (DateTimeOffset?)null));
            await db.Database.ExecuteSqlRawAsync(NextDeadlineKeeper.RecomputeSqlite);
        }

        Assert.Equal(kept, new[] { await KeptAsync(s, open), await KeptAsync(s, working), await KeptAsync(s, done) });
        Assert.NotNull(kept[0].DueAt);
        Assert.NotNull(kept[1].DueAt);
    }

    [Fact]
    public void Earliest_is_the_soonest_due_with_its_own_due_soon_instant()
    {
        var at = new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
        Assert.Equal((at.AddHours(2), at.AddHours(1)),
            NextDeadlineKeeper.Earliest([(at.AddHours(5), at), (at.AddHours(2), at.AddHours(1)), (at.AddHours(3), at.AddHours(2))]));
        Assert.Equal((null, null), NextDeadlineKeeper.Earliest([]));
    }

    private static async Task<(DateTimeOffset? DueAt, DateTimeOffset? DueSoonAt)> KeptAsync(DeadlineScenario s, int id)
    {
        await using var db = s.Database.CreateContext();
        var c = await db.Complaints.AsNoTracking().SingleAsync(c => c.Id == id);
        return (c.NextDueAt, c.NextDueSoonAt);
    }

    // What the board computed before the value was kept: the unmet deadlines' earliest due instant.
    private static async Task<(DateTimeOffset? DueAt, DateTimeOffset? DueSoonAt)> ReferenceAsync(DeadlineScenario s, int id)
    {
        var unmet = (await s.DeadlinesAsync(id)).Where(d => d.MetAt is null).ToList();
        return NextDeadlineKeeper.Earliest(unmet.Select(d => (d.DueAt, d.DueSoonAt)));
    }
}
