using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Sla;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Supervision;

public sealed class CaseCheckingTests
{
    private static readonly SamplePlan Everything = new(SampleSizeMode.Rate, 100, 0, RiskWeighted: false);

    [Fact]
    public async Task The_check_page_shows_the_ledger_verification_and_the_deadline_history()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var id = await s.CloseCaseAsync();
        s.SetLocal("2026-04-01 09:00");
        var draw = (await s.DrawAsync(Everything)).Value!;

        var view = await s.OpenCheckAsync(draw.Cases[0].Id);

        Assert.Equal(id, view!.Case.ComplaintId);
        Assert.True(view.Ledger.IsIntact);
        Assert.True(view.Ledger.EventCount > 10);
        Assert.Equal([DeadlineKind.FirstResponse, DeadlineKind.SolutionPlan, DeadlineKind.Completion, DeadlineKind.DepartmentTask],
            view.Deadlines.Select(d => d.Kind).Order());
        Assert.All(view.Deadlines, d => Assert.True(d.MetOnTime));
        Assert.Equal(s.Driver.DepartmentId(DepartmentCatalog.Quality), view.Deadlines.Single(d => d.Kind == DeadlineKind.DepartmentTask).DepartmentId);
        Assert.Equal([s.Driver.DepartmentId(DepartmentCatalog.CustomerService), s.Driver.DepartmentId(DepartmentCatalog.Quality)], view.ResponsibleChoices);
    }

    [Fact]
    public async Task A_time_limit_a_case_ended_without_was_missed_if_it_fell_due_before_the_end_and_stopped_with_the_case_otherwise()
    {
        await using var s = await SupervisionScenario.CreateAsync();

        var (endedSoon, endedLater) = await s.TwoInvalidCasesOpenedForCheckAsync();

        Assert.NotEmpty(endedSoon.Deadlines);
        Assert.All(endedSoon.Deadlines, d => Assert.Equal(DeadlineOutcome.StoppedWithTheCase, d.OutcomeBy(endedSoon.Case.ClosedAt)));
        var first = endedLater.Deadlines.Single(d => d.Kind == DeadlineKind.FirstResponse);
        Assert.Equal(DeadlineOutcome.MissedBeforeTheEnd, first.OutcomeBy(endedLater.Case.ClosedAt));
        // The same limit on a case still open is simply not met yet.
        Assert.Equal(DeadlineOutcome.Open, first.OutcomeBy(null));
    }

    [Fact]
    public async Task Failed_items_go_to_each_responsible_department_as_a_notice_due_in_working_days()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var id = await s.CloseCaseAsync();
        s.SetLocal("2026-04-01 09:00");
        var draw = (await s.DrawAsync(Everything)).Value!;
        // Thursday before Qingming (04-04 to 04-06 off): two working days are Friday 04-03 and Tuesday 04-07.
        var issuedAt = s.SetLocal("2026-04-02 10:00");
        var view = await s.OpenCheckAsync(draw.Cases[0].Id);
        var quality = s.Driver.DepartmentId(DepartmentCatalog.Quality);
        var customerService = s.Driver.DepartmentId(DepartmentCatalog.CustomerService);
        var answers = view!.Checklist.Items.Select(i => i.Code switch
        {
            "RootCauseCredible" => new CheckAnswer(i.Id, CheckOutcome.Fail, "原因分析只写了“原材料”，无检验数据", quality),
            "SolutionCarriedOut" => new CheckAnswer(i.Id, CheckOutcome.Fail, "无更换记录", quality),
            "ReplyAppropriate" => new CheckAnswer(i.Id, CheckOutcome.Fail, "回复未致歉", customerService),
            "CallbackDone" => new CheckAnswer(i.Id, CheckOutcome.NotApplicable, null, null),
            _ => new CheckAnswer(i.Id, CheckOutcome.Pass, null, null),
        }).ToList();

        var result = await s.WithAsync(db => new CaseChecking(db, s.Driver.Time, WorkingCalendarCache.Shared)
            .CompleteAsync(draw.Cases[0].Id, view.Sampled.Version, answers, 2, s.Member));

        Assert.True(result.Succeeded, result.Error.ToString());
        var notices = await s.WithAsync(db => db.RectificationNotices.Include(n => n.Findings).OrderBy(n => n.DepartmentId).ToListAsync());
        Assert.Equal([customerService, quality], notices.Select(n => n.DepartmentId));
        Assert.Equal(["RootCauseCredible", "SolutionCarriedOut"], notices[1].Findings.Select(f => f.ItemCode).Order(StringComparer.Ordinal));
        var expectedDue = SlaTarget.Days(2).DeadlineFrom(SlaCalendars.Mainland, issuedAt);
        Assert.All(notices, n =>
        {
            Assert.Equal(NoticeStatus.Open, n.Status);
            Assert.Equal("CN", n.CalendarCode);
            Assert.Equal(expectedDue, n.DueAt);
            Assert.StartsWith("2026-04-07", SlaCalendars.Mainland.Local(n.DueAt), StringComparison.Ordinal);
        });
        var heads = await s.WithAsync(db => db.Notifications.Where(n => n.Kind == NotificationKind.RectificationIssued).ToListAsync());
        Assert.Equal([customerService, quality], heads.Select(n => n.RecipientDepartmentId!.Value).Order());
        Assert.All(heads, n => Assert.Equal(PortalRoles.DepartmentHead, n.RecipientRole));
        var ledger = await s.WithAsync(db => db.LedgerEvents.Where(e => e.ComplaintId == id).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.Equal([SupervisionLedgerActions.SpotChecked, SupervisionLedgerActions.RectificationIssued, SupervisionLedgerActions.RectificationIssued],
            ledger.TakeLast(3));
        var log = await s.WithAsync(db => db.SupervisionLog.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal([SupervisionAction.SampleDrawn, SupervisionAction.CaseChecked, SupervisionAction.NoticeIssued, SupervisionAction.NoticeIssued], log);
    }

    [Fact]
    public async Task A_check_with_every_item_passed_issues_no_notice_and_cannot_be_done_twice()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        await s.CloseCaseAsync();
        s.SetLocal("2026-04-01 09:00");
        var draw = (await s.DrawAsync(Everything)).Value!;

        Assert.True((await s.CompleteCheckAsync(draw.Cases[0].Id, [], workingDays: 0)).Succeeded);

        Assert.Empty(await s.WithAsync(db => db.RectificationNotices.ToListAsync()));
        Assert.Equal(CheckStatus.Completed, (await s.OpenCheckAsync(draw.Cases[0].Id))!.Sampled.CheckStatus);
        Assert.Equal(SupervisionError.WrongState, (await s.CompleteCheckAsync(draw.Cases[0].Id, [])).Error);
    }

    [Fact]
    public async Task Every_item_needs_an_outcome_and_a_failure_needs_a_remark_a_department_on_the_case_and_a_time_limit()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        await s.CloseCaseAsync();
        s.SetLocal("2026-04-01 09:00");
        var sampledId = (await s.DrawAsync(Everything)).Value!.Cases[0].Id;
        var view = (await s.OpenCheckAsync(sampledId))!;
        var first = view.Checklist.Items.OrderBy(i => i.Position).First();
        var quality = s.Driver.DepartmentId(DepartmentCatalog.Quality);
        List<CheckAnswer> With(CheckAnswer? answer) =>
            view.Checklist.Items.Select(i => i.Id == first.Id ? answer : new CheckAnswer(i.Id, CheckOutcome.Pass, null, null)).OfType<CheckAnswer>().ToList();
        Task<SupervisionError> Try(CheckAnswer? answer, int days = 5) => s.WithAsync(async db =>
            (await new CaseChecking(db, s.Driver.Time, WorkingCalendarCache.Shared).CompleteAsync(sampledId, view.Sampled.Version, With(answer), days, s.Member)).Error);

        Assert.Equal(SupervisionError.OutcomeMissing, await Try(null));
        Assert.Equal(SupervisionError.RemarkRequired, await Try(new CheckAnswer(first.Id, CheckOutcome.Fail, " ", quality)));
        Assert.Equal(SupervisionError.ResponsibleDepartmentRequired,
            await Try(new CheckAnswer(first.Id, CheckOutcome.Fail, "超期", s.Driver.DepartmentId(DepartmentCatalog.Engineering))));
        Assert.Equal(SupervisionError.InvalidWorkingDays, await Try(new CheckAnswer(first.Id, CheckOutcome.Fail, "超期", quality), days: 0));
        Assert.Equal(CheckStatus.Pending, (await s.OpenCheckAsync(sampledId))!.Sampled.CheckStatus);
    }

    [Fact]
    public async Task Only_committee_members_see_checks_and_check()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        await s.CloseCaseAsync();
        s.SetLocal("2026-04-01 09:00");
        var sampledId = (await s.DrawAsync(Everything)).Value!.Cases[0].Id;
        CaseChecking Checking(Domain.Persistence.PortalDbContext db) => new(db, s.Driver.Time, WorkingCalendarCache.Shared);

        Assert.Null(await s.OpenCheckAsync(sampledId, s.Driver.Leader));
        Assert.Equal(SupervisionError.NotPermitted,
            (await s.WithAsync(db => Checking(db).CompleteAsync(sampledId, 0, [], 5, s.Driver.HeadOf(DepartmentCatalog.Quality)))).Error);
        Task<(IReadOnlyList<CheckQueueRow> Rows, int Total)> Queue(ActingUser actor, bool everyone) =>
            s.WithAsync(db => Checking(db).QueueAsync(actor, everyone, CheckQueueOrder.Draw, false, 0, 10));
        Assert.Empty((await Queue(s.Driver.Leader, everyone: true)).Rows);
        Assert.Equal((0, 0), await s.WithAsync(db => Checking(db).QueueCountsAsync(s.Driver.Leader)));
        Assert.Equal(sampledId, (await Queue(s.Member, everyone: false)).Rows.Single().SampledCaseId);
        Assert.Empty((await Queue(s.OtherMember, everyone: false)).Rows);
        Assert.Single((await Queue(s.OtherMember, everyone: true)).Rows);
        Assert.Equal((0, 1), await s.WithAsync(db => Checking(db).QueueCountsAsync(s.OtherMember)));
        // Any member may complete a check of the committee's sample.
        Assert.True((await s.CompleteCheckAsync(sampledId, [], actor: s.OtherMember)).Succeeded);
        Assert.Empty((await Queue(s.Member, everyone: true)).Rows);
    }
}
