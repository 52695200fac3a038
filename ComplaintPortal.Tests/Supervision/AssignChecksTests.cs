using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Tests.Sla;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Supervision;

/// <summary>A draw's checks still to do, given to another member of the committee: their queue, the draw's list and the log say so.</summary>
public sealed class AssignChecksTests
{
    [Fact]
    public async Task The_members_offered_are_the_committee_s_active_accounts_and_only_a_member_sees_them()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        await s.AddCommitteeAccountsAsync();

        var members = await s.WithAsync(db => new SampleDrawing(db, s.Driver.Time).MembersAsync(s.OtherMember));

        // The locked account and the administrator are not offered.
        Assert.Equal([s.Member.UserId, s.OtherMember.UserId], members.Select(m => m.UserId).Order(StringComparer.Ordinal));
        Assert.Equal(s.OtherMember.Name, members.Single(m => m.UserId == s.OtherMember.UserId).Name);
        Assert.Empty(await s.WithAsync(db => new SampleDrawing(db, s.Driver.Time).MembersAsync(s.Admin)));
    }

    [Fact]
    public async Task Checks_given_to_another_member_move_to_their_queue_are_logged_and_published()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var (_, _, quarter) = await s.ThreeDrawsAsync();
        await s.AddCommitteeAccountsAsync();
        var cases = await CasesAsync(s, quarter);
        var heard = new List<SpotCheckChange>();
        using var listening = s.SpotChecks.Subscribe(heard.Add);

        var given = await s.AssignAsync(quarter, [cases[3].Id, cases[1].Id], s.OtherMember.UserId);

        Assert.True(given.Succeeded, given.Error.ToString());
        Assert.Equal(2, given.Value);
        Assert.Equal([new SpotCheckChange(SpotCheckChangeKind.Assigned, quarter)], heard);
        // Drawn by the first member, six waited for them; two now wait for the other.
        Assert.Equal((4, 6), await s.WithAsync(db => new CaseChecking(db, s.Driver.Time, Domain.Sla.WorkingCalendarCache.Shared).QueueCountsAsync(s.Member)));
        Assert.Equal((2, 6), await s.WithAsync(db => new CaseChecking(db, s.Driver.Time, Domain.Sla.WorkingCalendarCache.Shared).QueueCountsAsync(s.OtherMember)));
        var (rows, _) = await s.WithAsync(db => new SampleDrawing(db, s.Driver.Time).CasePageAsync(quarter, s.Member, DrawnCaseShown.All, DrawnCaseOrder.DrawOrder, false, 0, 10));
        Assert.Equal([s.Member.Name, s.OtherMember.Name, s.Member.Name, s.OtherMember.Name], rows.Select(r => r.CheckerName));
        var logged = await s.WithAsync(db => db.SupervisionLog.AsNoTracking().Where(e => e.Action == SupervisionAction.ChecksAssigned).SingleAsync());
        Assert.Equal((quarter, s.Member.Name, $"checker={s.OtherMember.Name}; count=2; orders=2,4"), (logged.SubjectId, logged.ActorName, logged.Details));
        // The other member may complete them; so may the first, still.
        Assert.True((await s.CompleteCheckAsync(cases[1].Id, [], actor: s.OtherMember)).Succeeded);
        Assert.True((await s.CompleteCheckAsync(cases[3].Id, [])).Succeeded);
    }

    [Fact]
    public async Task Checks_are_not_given_by_or_to_anyone_outside_the_committee_nor_once_done_cancelled_or_of_another_draw()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var (discarded, checkedDraw, quarter) = await s.ThreeDrawsAsync();
        await s.AddCommitteeAccountsAsync();
        var pending = (await CasesAsync(s, quarter))[0].Id;
        var done = (await CasesAsync(s, checkedDraw)).First(c => c.CheckStatus == CheckStatus.Completed).Id;
        var cancelled = (await CasesAsync(s, discarded))[0].Id;
        var heard = new List<SpotCheckChange>();
        using var listening = s.SpotChecks.Subscribe(heard.Add);

        Assert.Equal(SupervisionError.NotPermitted, (await s.AssignAsync(quarter, [pending], s.OtherMember.UserId, s.Admin)).Error);
        Assert.Equal(SupervisionError.InputRequired, (await s.AssignAsync(quarter, [], s.OtherMember.UserId)).Error);
        Assert.Equal(SupervisionError.CheckerNotMember, (await s.AssignAsync(quarter, [pending], s.Admin.UserId)).Error);
        Assert.Equal(SupervisionError.CheckerNotMember, (await s.AssignAsync(quarter, [pending], SupervisionScenario.LockedMemberId)).Error);
        Assert.Equal(SupervisionError.NotFound, (await s.AssignAsync(quarter, [pending, done], s.OtherMember.UserId)).Error);
        Assert.Equal(SupervisionError.NotFound, (await s.AssignAsync(quarter + 100, [pending], s.OtherMember.UserId)).Error);
        Assert.Equal(SupervisionError.WrongState, (await s.AssignAsync(checkedDraw, [done], s.OtherMember.UserId)).Error);
        Assert.Equal(SupervisionError.WrongState, (await s.AssignAsync(discarded, [cancelled], s.OtherMember.UserId)).Error);

        Assert.Empty(heard);
        Assert.Equal(0, await s.WithAsync(db => db.SupervisionLog.CountAsync(e => e.Action == SupervisionAction.ChecksAssigned)));
        Assert.Equal(0, await s.WithAsync(db => db.SampledCases.CountAsync(c => c.CheckerUserId == s.OtherMember.UserId)));
        Assert.Equal(0, await s.WithAsync(db => db.Notifications.CountAsync(n => n.SampleDrawId != null)));
    }

    [Fact]
    public async Task A_draws_history_reads_back_who_drew_it_who_gave_which_checks_to_whom_and_why_it_was_discarded()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var (discarded, _, quarter) = await s.ThreeDrawsAsync();
        await s.AddCommitteeAccountsAsync();
        var cases = await CasesAsync(s, quarter);
        s.SetLocal("2026-04-02 15:00");
        Assert.True((await s.AssignAsync(quarter, [cases[3].Id, cases[1].Id], s.OtherMember.UserId)).Succeeded);
        Assert.True((await s.AssignAsync(quarter, [cases[0].Id], s.Member.UserId, s.OtherMember)).Succeeded);
        Task<IReadOnlyList<DrawHistoryEntry>> HistoryAsync(int drawId, Domain.Workflow.ActingUser? reader = null) =>
            s.WithAsync(db => new SampleDrawing(db, s.Driver.Time).HistoryAsync(drawId, reader ?? s.OtherMember));

        var history = await HistoryAsync(quarter);

        Assert.Equal(
        [
            new DrawHistoryEntry(SupervisionAction.SampleDrawn, SlaCalendars.Mainland.At("2026-04-02 11:00"), s.Member.Name),
            new DrawHistoryEntry(SupervisionAction.ChecksAssigned, SlaCalendars.Mainland.At("2026-04-02 15:00"), s.Member.Name, s.OtherMember.Name, 2, [2, 4]),
            new DrawHistoryEntry(SupervisionAction.ChecksAssigned, SlaCalendars.Mainland.At("2026-04-02 15:00"), s.OtherMember.Name, s.Member.Name, 1, [1]),
        ], history, new HistoryComparer());
        Assert.Equal([SupervisionAction.SampleDrawn, SupervisionAction.SampleDiscarded], (await HistoryAsync(discarded)).Select(e => e.Action));
        Assert.Equal("抽查范围需重新确定", (await HistoryAsync(discarded))[1].Reason);
        Assert.Empty(await HistoryAsync(quarter, s.Admin));
    }

    [Fact]
    public async Task A_list_of_checks_cut_short_by_the_logs_length_limit_is_read_back_as_a_count()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var (_, _, quarter) = await s.ThreeDrawsAsync();
        await s.WithAsync(async db =>
        {
            db.SupervisionLog.Add(new SupervisionLogEntry(s.Driver.Time.GetUtcNow(), s.Member, SupervisionAction.ChecksAssigned, quarter,
                // 1,200 checks given at once: their orders run past the 4,000 characters the log keeps.
                "checker=监督小组 陈明; count=1200; orders=" + string.Join(',', Enumerable.Range(1, 1200))));
            return await db.SaveChangesAsync();
        });

        var given = (await s.WithAsync(db => new SampleDrawing(db, s.Driver.Time).HistoryAsync(quarter, s.Member)))[^1];

        Assert.Equal(("监督小组 陈明", 1200, (IReadOnlyList<int>?)null), (given.Checker, given.Count, given.Orders));
    }

    /// <summary>Entries alike when every field is, the orders by their items.</summary>
    private sealed class HistoryComparer : IEqualityComparer<DrawHistoryEntry>
    {
        public bool Equals(DrawHistoryEntry? x, DrawHistoryEntry? y) =>
            x is not null && y is not null && x with { Orders = null } == y with { Orders = null } && (x.Orders ?? []).SequenceEqual(y.Orders ?? []);

        public int GetHashCode(DrawHistoryEntry obj) => obj.Action.GetHashCode();
    }

    private static Task<List<SampledCase>> CasesAsync(SupervisionScenario s, int drawId) =>
        s.WithAsync(db => db.SampledCases.AsNoTracking().Where(c => c.SampleDrawId == drawId).OrderBy(c => c.DrawOrder).ToListAsync());
}
