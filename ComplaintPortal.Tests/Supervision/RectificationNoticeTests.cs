using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Supervision;

public sealed class RectificationNoticeTests
{
    [Fact]
    public async Task The_head_answers_the_committee_sends_it_back_the_head_answers_again_and_the_committee_closes_it()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var notice = await s.IssueNoticeAsync();
        var head = s.Driver.HeadOf(DepartmentCatalog.Quality);

        var answered = await s.WithAsync(db => s.Notices(db).AnswerAsync(notice.Id, notice.Version, "只凭经验判断", "补做检验并存档", head));
        Assert.True(answered.Succeeded, answered.Error.ToString());
        var returned = await s.WithAsync(db => s.Notices(db).VerifyAsync(notice.Id, answered.Value!.Version, accept: false, "缺少检验报告", s.Member));
        Assert.Equal(NoticeStatus.Open, returned.Value!.Status);
        Assert.Equal(notice.DueAt, returned.Value.DueAt);
        var again = await s.WithAsync(db => s.Notices(db).AnswerAsync(notice.Id, returned.Value.Version, "只凭经验判断", "已附检验报告编号 QA-0402", head));
        var closed = await s.WithAsync(db => s.Notices(db).VerifyAsync(notice.Id, again.Value!.Version, accept: true, null, s.OtherMember));

        Assert.Equal(NoticeStatus.Closed, closed.Value!.Status);
        Assert.Equal(1, closed.Value.ReturnCount);
        var view = await s.WithAsync(db => s.Notices(db).FindAsync(notice.Id, s.Member));
        Assert.Equal("已附检验报告编号 QA-0402", view!.Notice.Fix);
        Assert.Equal(
            [SupervisionAction.NoticeIssued, SupervisionAction.NoticeAnswered, SupervisionAction.NoticeReturned, SupervisionAction.NoticeAnswered, SupervisionAction.NoticeClosed],
            view.History.Select(h => h.Action));
        Assert.Contains("缺少检验报告", view.History[2].Details, StringComparison.Ordinal);
        var finding = Assert.Single(view.Findings);
        Assert.Equal("RootCauseCredible", finding.Item.Code);
        var ledger = await s.WithAsync(db => db.LedgerEvents.Where(e => e.ComplaintId == notice.ComplaintId).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(
            [SupervisionLedgerActions.RectificationAnswered, SupervisionLedgerActions.RectificationReturned, SupervisionLedgerActions.RectificationAnswered,
                SupervisionLedgerActions.RectificationClosed],
            ledger.TakeLast(4).Select(e => e.Action));
        Assert.True(LedgerVerifier.Verify(ledger).IsIntact);
    }

    [Fact]
    public async Task Only_the_head_of_the_notice_s_department_answers_it()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var notice = await s.IssueNoticeAsync();
        Task<SupervisionError> Answer(Domain.Workflow.ActingUser who) =>
            s.WithAsync(async db => (await s.Notices(db).AnswerAsync(notice.Id, notice.Version, "原因", "措施", who)).Error);

        Assert.Equal(SupervisionError.NotPermitted, await Answer(s.Driver.HandlerOf(DepartmentCatalog.Quality)));
        Assert.Equal(SupervisionError.NotPermitted, await Answer(s.Member));
        Assert.Equal(SupervisionError.NotFound, await Answer(s.Driver.HeadOf(DepartmentCatalog.Engineering)));
        Assert.Equal(SupervisionError.InputRequired,
            (await s.WithAsync(db => s.Notices(db).AnswerAsync(notice.Id, notice.Version, "原因", " ", s.Driver.HeadOf(DepartmentCatalog.Quality)))).Error);
        Assert.Equal(SupervisionError.None, await Answer(s.Driver.HeadOf(DepartmentCatalog.Quality)));
        Assert.Equal(SupervisionError.WrongState, await Answer(s.Driver.HeadOf(DepartmentCatalog.Quality)));
    }

    [Fact]
    public async Task Only_committee_members_verify_and_only_an_answered_notice()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var notice = await s.IssueNoticeAsync();
        Task<SupervisionError> Verify(Domain.Workflow.ActingUser who, int version) =>
            s.WithAsync(async db => (await s.Notices(db).VerifyAsync(notice.Id, version, accept: true, null, who)).Error);

        Assert.Equal(SupervisionError.WrongState, await Verify(s.Member, notice.Version));
        var answered = (await s.WithAsync(db => s.Notices(db).AnswerAsync(notice.Id, notice.Version, "原因", "措施", s.Driver.HeadOf(DepartmentCatalog.Quality)))).Value!;
        Assert.Equal(SupervisionError.NotPermitted, await Verify(s.Driver.HeadOf(DepartmentCatalog.Quality), answered.Version));
        Assert.Equal(SupervisionError.NotPermitted, await Verify(s.Driver.Leader, answered.Version));
        Assert.Equal(SupervisionError.ConcurrencyConflict, await Verify(s.Member, notice.Version));
        Assert.Equal(SupervisionError.InputRequired,
            (await s.WithAsync(db => s.Notices(db).VerifyAsync(notice.Id, answered.Version, accept: false, "", s.Member))).Error);
        Assert.Equal(SupervisionError.None, await Verify(s.Member, answered.Version));
    }

    [Fact]
    public async Task A_handler_or_head_of_another_department_sees_nothing_of_the_notice()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var notice = await s.IssueNoticeAsync();

        foreach (var stranger in new[] { s.Driver.HandlerOf(DepartmentCatalog.Engineering), s.Driver.HeadOf(DepartmentCatalog.Engineering), s.Driver.Clerk })
        {
            Assert.Empty(await s.VisibleAsync(stranger));
            Assert.Equal(NoticeViewCounts.None, await s.WithAsync(db => s.Notices(db).CountsAsync(stranger)));
            Assert.Null(await s.WithAsync(db => s.Notices(db).FindAsync(notice.Id, stranger)));
            Assert.Empty(await s.VisibleAsync(stranger, NoticeShown.Open));
        }

        var ownHandler = await s.WithAsync(db => s.Notices(db).FindAsync(notice.Id, s.Driver.HandlerOf(DepartmentCatalog.Quality)));
        Assert.False(ownHandler!.MayAnswer);
        var ownHead = await s.WithAsync(db => s.Notices(db).FindAsync(notice.Id, s.Driver.HeadOf(DepartmentCatalog.Quality)));
        Assert.True(ownHead!.MayAnswer);
        Assert.Single(await s.VisibleAsync(s.Driver.HeadOf(DepartmentCatalog.Quality), NoticeShown.Open));
        Assert.Single(await s.VisibleAsync(s.Driver.Leader));
        Assert.Single(await s.VisibleAsync(s.Driver.HandlerOf(DepartmentCatalog.Quality)));
        Assert.Single(await s.VisibleAsync(s.Member, NoticeShown.Open));
        Assert.Empty(await s.VisibleAsync(s.Member, NoticeShown.Closed));
    }

    [Fact]
    public async Task An_unanswered_notice_past_its_working_day_deadline_is_escalated_to_leadership_once()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var notice = await s.IssueNoticeAsync(workingDays: 2);
        Task<int> Monitor(string local) => s.WithAsync(db => new RectificationNoticeMonitor(db).RunOnceAsync(s.SetLocal(local)));

        // Issued Thursday 04-02 10:00; Friday and then (after Qingming, 04-04 to 04-06) Tuesday 04-07 are its two days.
        Assert.Equal(0, await Monitor("2026-04-06 23:00"));
        Assert.Equal(0, await Monitor("2026-04-07 09:00"));
        Assert.False(notice.IsOverdue(s.Driver.Time.GetUtcNow()));
        Assert.Equal(1, await Monitor("2026-04-08 09:00"));
        Assert.Equal(0, await Monitor("2026-04-08 10:00"));

        var escalated = await s.WithAsync(db => db.RectificationNotices.SingleAsync());
        Assert.Equal(s.SetLocal("2026-04-08 09:00"), escalated.EscalatedAt);
        Assert.True(escalated.IsOverdue(s.Driver.Time.GetUtcNow()));
        var notices = await s.WithAsync(db => db.Notifications.Where(n => n.Kind == NotificationKind.RectificationOverdue).ToListAsync());
        Assert.Equal([PortalRoles.DepartmentHead, PortalRoles.Leadership], notices.Select(n => n.RecipientRole).Order(StringComparer.Ordinal));
        Assert.Equal(SupervisionLedgerActions.RectificationOverdue,
            await s.WithAsync(db => db.LedgerEvents.Where(e => e.ComplaintId == notice.ComplaintId).OrderBy(e => e.Sequence).Select(e => e.Action).LastAsync()));
        Assert.Equal(SupervisionAction.NoticeEscalated, await s.WithAsync(db => db.SupervisionLog.OrderBy(e => e.Id).Select(e => e.Action).LastAsync()));
    }

    [Fact]
    public async Task An_answered_notice_waiting_for_verification_is_not_overdue()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var notice = await s.IssueNoticeAsync(workingDays: 1);
        await s.WithAsync(db => s.Notices(db).AnswerAsync(notice.Id, notice.Version, "原因", "措施", s.Driver.HeadOf(DepartmentCatalog.Quality)));

        Assert.Equal(0, await s.WithAsync(db => new RectificationNoticeMonitor(db).RunOnceAsync(s.SetLocal("2026-04-20 09:00"))));
    }

    [Fact]
    public async Task A_department_s_open_notices_come_with_their_due_instants_for_the_board()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var notice = await s.IssueNoticeAsync();
        var quality = s.Driver.DepartmentId(DepartmentCatalog.Quality);

        var open = Assert.Single(await s.WithAsync(db => s.Notices(db).OpenNoticesForAsync(quality)));
        Assert.Equal(notice.DueAt, open.DueAt);
        Assert.Equal(NoticeStatus.Open, open.Status);
        Assert.Empty(await s.WithAsync(db => s.Notices(db).OpenNoticesForAsync(s.Driver.DepartmentId(DepartmentCatalog.Engineering))));

        var answered = (await s.WithAsync(db => s.Notices(db).AnswerAsync(notice.Id, notice.Version, "原因", "措施", s.Driver.HeadOf(DepartmentCatalog.Quality)))).Value!;
        Assert.Equal(NoticeStatus.Answered, Assert.Single(await s.WithAsync(db => s.Notices(db).OpenNoticesForAsync(quality))).Status);
        await s.WithAsync(db => s.Notices(db).VerifyAsync(notice.Id, answered.Version, accept: true, null, s.Member));
        Assert.Empty(await s.WithAsync(db => s.Notices(db).OpenNoticesForAsync(quality)));
    }
}
