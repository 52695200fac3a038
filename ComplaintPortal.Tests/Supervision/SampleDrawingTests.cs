using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Supervision;

public sealed class SampleDrawingTests
{
    private static readonly SamplePlan SmallSample = new(SampleSizeMode.Count, 3, 1, RiskWeighted: false);

    [Fact]
    public async Task A_draw_takes_handled_cases_of_the_period_per_stratum_and_records_its_seed()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var quality = await s.CloseCaseAsync(CategoryCatalog.ProductQuality, departments: DepartmentCatalog.Quality);
        var quality2 = await s.CloseCaseAsync(CategoryCatalog.ProductQuality, departments: DepartmentCatalog.Quality);
        var service = await s.CloseCaseAsync(CategoryCatalog.Service, departments: DepartmentCatalog.Sales);
        var open = (await s.Driver.CaseInStageAsync(CaseStage.InDepartments)).Id;
        s.SetLocal("2026-04-01 09:00");

        var result = await s.DrawAsync(new SamplePlan(SampleSizeMode.Count, 2, 1, RiskWeighted: false), seed: 77);

        Assert.True(result.Succeeded, result.Error.ToString());
        var draw = await s.WithAsync(db => db.SampleDraws.Include(d => d.Cases).SingleAsync());
        Assert.Equal(77, draw.Seed);
        Assert.Equal(3, draw.CandidateCount);
        var drawn = draw.Cases.Select(c => c.ComplaintId).ToList();
        Assert.Equal(2, drawn.Count);
        Assert.Contains(service, drawn);
        Assert.Single(drawn, id => id == quality || id == quality2);
        Assert.DoesNotContain(open, drawn);
        Assert.All(draw.Cases, c => Assert.Equal(s.Member.UserId, c.CheckerUserId));
        var log = await s.WithAsync(db => db.SupervisionLog.SingleAsync());
        Assert.Equal(SupervisionAction.SampleDrawn, log.Action);
        Assert.Contains("seed=77", log.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drawing_again_with_the_recorded_seed_reproduces_the_sample()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        for (var i = 0; i < 5; i++)
        {
            await s.CloseCaseAsync(i % 2 == 0 ? CategoryCatalog.ProductQuality : CategoryCatalog.Service,
                departments: i % 2 == 0 ? DepartmentCatalog.Quality : DepartmentCatalog.Sales);
        }

        s.SetLocal("2026-04-01 09:00");
        var first = (await s.DrawAsync(SmallSample)).Value!;
        var reproduced = await s.WithAsync(db => new SampleDrawing(db, s.Driver.Time).ReproduceAsync(first.Id));
        Assert.True(reproduced!.Matches);

        Assert.True((await s.DiscardAsync(first.Id, "抽查范围需重新确定")).Succeeded);
        var second = (await s.DrawAsync(SmallSample, seed: first.Seed)).Value!;

        Assert.Equal(first.Cases.OrderBy(c => c.DrawOrder).Select(c => c.ComplaintId), second.Cases.OrderBy(c => c.DrawOrder).Select(c => c.ComplaintId));
    }

    [Fact]
    public async Task A_redraw_needs_the_active_draw_discarded_with_a_reason_and_both_stay_on_record()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var id = await s.CloseCaseAsync();
        s.SetLocal("2026-04-01 09:00");
        var first = (await s.DrawAsync(SmallSample)).Value!;

        Assert.Equal(SupervisionError.ActiveSampleExists, (await s.DrawAsync(SmallSample)).Error);
        Assert.Equal(SupervisionError.InputRequired, (await s.DiscardAsync(first.Id, "  ")).Error);
        Assert.True((await s.DiscardAsync(first.Id, "参数填错")).Succeeded);
        Assert.True((await s.DrawAsync(SmallSample)).Succeeded);

        var draws = await s.WithAsync(db => db.SampleDraws.Include(d => d.Cases).OrderBy(d => d.Id).ToListAsync());
        Assert.Equal([SampleDrawStatus.Discarded, SampleDrawStatus.Active], draws.Select(d => d.Status));
        Assert.Equal("参数填错", draws[0].DiscardReason);
        Assert.All(draws[0].Cases, c => Assert.Equal(CheckStatus.Cancelled, c.CheckStatus));
        var log = await s.WithAsync(db => db.SupervisionLog.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal([SupervisionAction.SampleDrawn, SupervisionAction.SampleDiscarded, SupervisionAction.SampleDrawn], log);
        var ledger = await s.WithAsync(db => db.LedgerEvents.Where(e => e.ComplaintId == id).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(
            [SupervisionLedgerActions.SpotCheckDrawn, SupervisionLedgerActions.SpotCheckDiscarded, SupervisionLedgerActions.SpotCheckDrawn],
            ledger.Select(e => e.Action).Where(SupervisionLedgerActions.All.Contains));
        Assert.True(LedgerVerifier.Verify(ledger).IsIntact);
    }

    [Fact]
    public async Task A_draw_whose_checks_have_begun_cannot_be_discarded()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        await s.CloseCaseAsync();
        s.SetLocal("2026-04-01 09:00");
        var draw = (await s.DrawAsync(SmallSample)).Value!;
        Assert.True((await s.CompleteCheckAsync(draw.Cases[0].Id, [])).Succeeded);

        Assert.Equal(SupervisionError.SampleAlreadyChecked, (await s.DiscardAsync(draw.Id, "不想要了")).Error);
    }

    [Fact]
    public async Task Only_committee_members_draw_and_discard()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        await s.CloseCaseAsync();
        s.SetLocal("2026-04-01 09:00");

        foreach (var outsider in new[] { s.Driver.Clerk, s.Driver.Leader, s.Driver.HeadOf(DepartmentCatalog.Quality), s.Admin })
        {
            Assert.Equal(SupervisionError.NotPermitted, (await s.DrawAsync(SmallSample, actor: outsider)).Error);
        }

        var draw = (await s.DrawAsync(SmallSample)).Value!;
        Assert.Equal(SupervisionError.NotPermitted, (await s.DiscardAsync(draw.Id, "理由", s.Driver.Leader)).Error);
        Assert.Empty((await s.WithAsync(db => new SampleDrawing(db, s.Driver.Time).DrawPageAsync(s.Driver.Leader, DrawShown.All, DrawOrder.DrawnAt, true, 0, 10))).Rows);
        Assert.Equal(draw.Id, (await s.WithAsync(db => new SampleDrawing(db, s.Driver.Time).DrawPageAsync(s.OtherMember, DrawShown.All, DrawOrder.DrawnAt, true, 0, 10))).Rows.Single().Id);
    }

    [Fact]
    public async Task A_period_without_handled_cases_or_not_begun_draws_nothing()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        await s.CloseCaseAsync();
        s.SetLocal("2026-04-01 09:00");

        Assert.Equal(SupervisionError.NoCandidates, (await s.DrawAsync(SmallSample, period: new ReportPeriod(ReportPeriodKind.Month, 2026, 2))).Error);
        Assert.Equal(SupervisionError.PeriodNotStarted, (await s.DrawAsync(SmallSample, period: new ReportPeriod(ReportPeriodKind.Month, 2026, 5))).Error);
        Assert.Equal(SupervisionError.InvalidSampleSize, (await s.DrawAsync(new SamplePlan(SampleSizeMode.Rate, 101, 0, false))).Error);
    }

    [Fact]
    public async Task Risks_of_a_handled_case_are_read_from_the_case_and_its_ledger()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var urgent = await s.CloseCaseAsync(urgency: Urgency.Urgent);
        var plain = await s.CloseCaseAsync();
        s.SetLocal("2026-04-01 09:00");

        var candidates = await s.WithAsync(db => SampleCandidates.LoadAsync(db, new DateTimeOffset(2026, 2, 28, 16, 0, 0, TimeSpan.Zero), s.Driver.Time.GetUtcNow()));

        Assert.True(candidates.Single(c => c.ComplaintId == urgent).Risk.HasFlag(CaseRisk.Urgent));
        Assert.Equal(CaseRisk.None, candidates.Single(c => c.ComplaintId == plain).Risk);
        Assert.All(candidates, c => Assert.Equal(s.Driver.DepartmentId(DepartmentCatalog.Quality), c.DepartmentId));
    }

    [Fact]
    public async Task A_case_with_several_risks_is_drawn_and_kept_with_all_of_them()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var id = (await s.Driver.RegisterAsync()).Id;
        await s.Driver.AssessAsync(id, CategoryCatalog.ProductQuality, Severity.Moderate, Urgency.Urgent);
        await s.Driver.AcknowledgeAsync(id);
        await s.Driver.DispatchAsync(id, [DepartmentCatalog.Quality]);
        // Handled two weeks later: the urgent case's deadlines (hours to three working days) are long past.
        s.SetLocal("2026-03-16 10:00");
        await s.Driver.WorkAllTasksAsync(id);
        await s.Driver.DoAsync(id, WorkflowAction.Approve, new() { Note = "同意" }, s.Driver.Clerk);
        await s.Driver.DoAsync(id, WorkflowAction.Reply, new() { ReplyChannel = ReplyChannel.Phone, Note = "已电话回复" }, s.Driver.Clerk);
        await s.Driver.DoAsync(id, WorkflowAction.CloseSatisfied, new() { SatisfiedWithAttitude = true }, s.Driver.Clerk);
        s.SetLocal("2026-04-01 09:00");

        var result = await s.DrawAsync(new SamplePlan(SampleSizeMode.Count, 1, 1, RiskWeighted: true), seed: 5);

        Assert.True(result.Succeeded, result.Error.ToString());
        var drawn = await s.WithAsync(db => db.SampleDraws.Include(d => d.Cases).SingleAsync());
        Assert.Equal(CaseRisk.Urgent | CaseRisk.Overdue, Assert.Single(drawn.Cases).Risk);
    }
}
