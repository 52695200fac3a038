using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Supervision;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Supervision;

public sealed class FiguresTests
{
    /// <summary>
    /// Three cases closed in March (two Quality, one Sales), all drawn and checked on 04-02: the first fails
    /// "root cause credible" against Quality, the Sales one fails "reply appropriate" against customer service.
    /// </summary>
    private static async Task<(SupervisionScenario S, int QualityNotice)> CheckedMarchAsync()
    {
        var s = await SupervisionScenario.CreateAsync();
        await s.CloseCaseAsync(CategoryCatalog.ProductQuality, departments: DepartmentCatalog.Quality);
        await s.CloseCaseAsync(CategoryCatalog.ProductQuality, departments: DepartmentCatalog.Quality);
        var sales = await s.CloseCaseAsync(CategoryCatalog.Service, departments: DepartmentCatalog.Sales);
        s.SetLocal("2026-04-01 09:00");
        var draw = (await s.DrawAsync(new SamplePlan(SampleSizeMode.Rate, 100, 0, RiskWeighted: false))).Value!;
        s.SetLocal("2026-04-02 10:00");
        var qualityCases = draw.Cases.Where(c => c.ComplaintId != sales).OrderBy(c => c.ComplaintId).ToList();
        Assert.True((await s.CompleteCheckAsync(qualityCases[0].Id, ["RootCauseCredible"], DepartmentCatalog.Quality)).Succeeded);
        Assert.True((await s.CompleteCheckAsync(qualityCases[1].Id, [])).Succeeded);
        Assert.True((await s.CompleteCheckAsync(draw.Cases.Single(c => c.ComplaintId == sales).Id, ["ReplyAppropriate"], DepartmentCatalog.CustomerService)).Succeeded);
        var notice = await s.WithAsync(db => db.RectificationNotices.SingleAsync(n => n.DepartmentId == s.Driver.DepartmentId(DepartmentCatalog.Quality)));
        return (s, notice.Id);
    }

    [Fact]
    public async Task Figures_count_cases_handled_timeliness_satisfaction_spot_check_results_and_notices_per_department_and_handler()
    {
        var (s, _) = await CheckedMarchAsync();
        await using var scenario = s;

        var view = await s.WithAsync(db => new FiguresPublishing(db, s.Driver.Time).GetAsync(SupervisionScenario.March, SupervisionScenario.Zone, s.Member));

        Assert.False(view!.IsPublished);
        var quality = view.Figures.Departments.Single(d => d.DepartmentId == s.Driver.DepartmentId(DepartmentCatalog.Quality));
        Assert.Equal(new CaseCounts(2, 2, 2, 2, 0), quality.Cases);
        Assert.Equal(100m, quality.Cases.OnTimeRate);
        Assert.Equal(0m, quality.Cases.ReopenRate);
        var rootCause = quality.Items.Single(i => i.ItemCode == "RootCauseCredible");
        Assert.Equal((1, 1, 50m), (rootCause.Passed, rootCause.Failed, rootCause.PassRate));
        // The Sales case's failed reply is laid at customer service, not at Quality.
        Assert.Equal((2, 0), (quality.Items.Single(i => i.ItemCode == "ReplyAppropriate").Passed, quality.Items.Single(i => i.ItemCode == "ReplyAppropriate").Failed));
        Assert.Equal(new NoticeCounts(1, 0, 0), quality.Notices);
        var service = view.Figures.Departments.Single(d => d.DepartmentId == s.Driver.DepartmentId(DepartmentCatalog.CustomerService));
        Assert.Equal(3, service.Cases.Handled);
        Assert.Equal(66.7m, service.Items.Single(i => i.ItemCode == "ReplyAppropriate").PassRate);
        Assert.Equal(2, view.Figures.Handlers.Single(h => h.UserId == s.Driver.HandlerOf(DepartmentCatalog.Quality).UserId).Cases.Handled);
        Assert.Equal(3, view.Figures.Handlers.Single(h => h.UserId == s.Driver.Clerk.UserId).Cases.Handled);
        Assert.Equal(["ProcessOnTime", "RecordComplete", "RootCauseCredible", "SolutionCarriedOut", "ReplyAppropriate", "CallbackDone", "CustomerSatisfied"],
            view.Figures.Items.Select(i => i.ItemCode));
        Assert.Equal((2, 1), (view.Figures.Items.Single(i => i.ItemCode == "RootCauseCredible").Passed, view.Figures.Items.Single(i => i.ItemCode == "RootCauseCredible").Failed));
    }

    [Fact]
    public async Task Before_publishing_the_committee_learns_whether_the_period_was_drawn_and_how_many_checks_are_still_open()
    {
        var s = await SupervisionScenario.CreateAsync();
        await using var scenario = s;
        await s.CloseCaseAsync(CategoryCatalog.ProductQuality, departments: DepartmentCatalog.Quality);
        await s.CloseCaseAsync(CategoryCatalog.Service, departments: DepartmentCatalog.Sales);
        s.SetLocal("2026-04-01 09:00");
        Task<PublishReadiness> ReadinessAsync() => s.WithAsync(db => new FiguresPublishing(db, s.Driver.Time).ReadinessAsync(SupervisionScenario.March));

        Assert.Equal(new PublishReadiness(HasDraw: false, PendingChecks: 0), await ReadinessAsync());

        var draw = (await s.DrawAsync(new SamplePlan(SampleSizeMode.Rate, 100, 0, RiskWeighted: false))).Value!;
        Assert.Equal(new PublishReadiness(true, 2), await ReadinessAsync());

        Assert.True((await s.CompleteCheckAsync(draw.Cases[0].Id, [])).Succeeded);
        Assert.Equal(new PublishReadiness(true, 1), await ReadinessAsync());
        Assert.Equal(new PublishReadiness(false, 0),
            await s.WithAsync(db => new FiguresPublishing(db, s.Driver.Time).ReadinessAsync(new ReportPeriod(ReportPeriodKind.Month, 2026, 2))));
    }

    [Fact]
    public async Task Published_figures_are_frozen_while_the_facts_move_on()
    {
        var (s, noticeId) = await CheckedMarchAsync();
        await using var scenario = s;
        Assert.Equal(SupervisionError.PeriodNotOver, (await s.WithAsync(db => new FiguresPublishing(db, s.Driver.Time)
            .PublishAsync(new ReportPeriod(ReportPeriodKind.Month, 2026, 4), SupervisionScenario.Zone, s.Member))).Error);

        var published = await s.WithAsync(db => new FiguresPublishing(db, s.Driver.Time).PublishAsync(SupervisionScenario.March, SupervisionScenario.Zone, s.Member));
        Assert.True(published.Succeeded, published.Error.ToString());

        // The Quality notice is answered and closed afterwards: live figures change, the published ones do not.
        var head = s.Driver.HeadOf(DepartmentCatalog.Quality);
        var answered = (await s.WithAsync(db => s.Notices(db).AnswerAsync(noticeId, 0, "原因", "措施", head))).Value!;
        Assert.True((await s.WithAsync(db => s.Notices(db).VerifyAsync(noticeId, answered.Version, true, null, s.Member))).Succeeded);
        var live = await s.WithAsync(db => new FiguresReport(db).ComputeAsync(SupervisionScenario.March, SupervisionScenario.Zone, s.Driver.Time.GetUtcNow()));
        var view = await s.WithAsync(db => new FiguresPublishing(db, s.Driver.Time).GetAsync(SupervisionScenario.March, SupervisionScenario.Zone, s.Member));
        var quality = s.Driver.DepartmentId(DepartmentCatalog.Quality);

        Assert.Equal(1, live.Departments.Single(d => d.DepartmentId == quality).Notices.Closed);
        Assert.True(view!.IsPublished);
        Assert.Equal(0, view.Figures.Departments.Single(d => d.DepartmentId == quality).Notices.Closed);
        Assert.True(view.Publication!.IsIntact);
        Assert.Equal(SupervisionError.AlreadyPublished, (await s.WithAsync(db => new FiguresPublishing(db, s.Driver.Time)
            .PublishAsync(SupervisionScenario.March, SupervisionScenario.Zone, s.OtherMember))).Error);
        Assert.Equal(SupervisionAction.FiguresPublished, await s.WithAsync(db => db.SupervisionLog.Where(e => e.SubjectId == published.Value!.Id)
            .Select(e => e.Action).SingleAsync(a => a == SupervisionAction.FiguresPublished)));
    }

    [Fact]
    public async Task Nobody_can_change_or_delete_published_figures_or_the_supervision_log()
    {
        var (s, _) = await CheckedMarchAsync();
        await using var scenario = s;
        await s.WithAsync(db => new FiguresPublishing(db, s.Driver.Time).PublishAsync(SupervisionScenario.March, SupervisionScenario.Zone, s.Member));

        await using (var db = s.Database.CreateContext())
        {
            var publication = await db.FiguresPublications.SingleAsync();
            db.Entry(publication).Property(p => p.Snapshot).CurrentValue = "{}";
            await Assert.ThrowsAsync<SupervisionRecordFrozenException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.SupervisionLog.Remove(await db.SupervisionLog.OrderBy(e => e.Id).FirstAsync());
            await Assert.ThrowsAsync<SupervisionRecordFrozenException>(() => db.SaveChangesAsync());
        }

        await using var connection = new SqliteConnection(s.Database.ConnectionString);
        await connection.OpenAsync();
        foreach (var sql in new[] { "UPDATE FiguresPublications SET Snapshot = '{}'", "DELETE FROM FiguresPublications", "UPDATE SupervisionLog SET Details = 'x'", "DELETE FROM SupervisionLog" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var refused = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Leadership_and_heads_see_only_published_figures_and_heads_only_their_own_handlers()
    {
        var (s, _) = await CheckedMarchAsync();
        await using var scenario = s;
        var head = s.Driver.HeadOf(DepartmentCatalog.Quality);
        Task<FiguresView?> ViewFor(Domain.Workflow.ActingUser who) =>
            s.WithAsync(db => new FiguresPublishing(db, s.Driver.Time).GetAsync(SupervisionScenario.March, SupervisionScenario.Zone, who));

        Assert.Null(await ViewFor(s.Driver.Leader));
        Assert.Null(await ViewFor(head));
        await s.WithAsync(db => new FiguresPublishing(db, s.Driver.Time).PublishAsync(SupervisionScenario.March, SupervisionScenario.Zone, s.Member));

        var leader = await ViewFor(s.Driver.Leader);
        var own = await ViewFor(head);
        Assert.Equal(3, leader!.Figures.Handlers.Count);
        Assert.Equal([s.Driver.HandlerOf(DepartmentCatalog.Quality).UserId], own!.Figures.Handlers.Select(h => h.UserId));
        Assert.Equal(leader.Figures.Departments.Count, own.Figures.Departments.Count);
        Assert.Null(await ViewFor(s.Driver.HandlerOf(DepartmentCatalog.Quality)));
        Assert.Single(await s.WithAsync(db => new FiguresPublishing(db, s.Driver.Time).PublishedAsync(head)));
    }
}
