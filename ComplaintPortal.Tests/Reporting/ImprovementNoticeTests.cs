using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Reporting;

/// <summary>
/// The notices of an improvement action: each to the role whose step it waits for, unread only while it waits there, and the
/// overdue ones told once.
/// </summary>
public sealed class ImprovementNoticeTests : CaseDatabaseTest
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private ActingUser Head => Driver.HeadOf(DepartmentCatalog.Quality);

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Driver.Time.GetUtcNow(), Shanghai).DateTime);

    private async Task<T> WithAsync<T>(Func<PortalDbContext, Task<T>> read)
    {
        await using var db = Database.CreateContext();
        return await read(db);
    }

    private Task<IReadOnlyList<NoticeView>> ImprovementNoticesOf(ActingUser reader, bool unreadOnly = true) =>
        WithAsync(async db => (IReadOnlyList<NoticeView>)[.. (unreadOnly ? await new NoticeBook(db).UnreadAsync(reader, 500) : await new NoticeBook(db).ListAsync(reader, 500))
            .Where(n => n.ImprovementActionId is not null)]);

    private Task<int> UnreadCountOf(ActingUser reader) => WithAsync(db => new NoticeBook(db).CountUnreadAsync(reader));

    private Task<int> UnreadTotalOf(ActingUser reader) => WithAsync(async db => (await new NoticeBook(db).PageAsync(reader, unreadOnly: true, 0, 50)).Total);

    private async Task<ImprovementAction> RaisedAsync(int days = 14, PortalDbContext? context = null)
    {
        await using var own = context is null ? Database.CreateContext() : null;
        var db = context ?? own!;
        var result = await new Improvements(db, Driver.Time).RaiseAsync(new ImprovementDraft("电水壶 XP-200 密封圈来料复检", "2026/3 · 产品较上期增加最多",
            "/reports/statistics", Driver.DepartmentId(DepartmentCatalog.Quality), Today.AddDays(days), "来料逐批耐温检验"), Driver.Leader, Shanghai);
        Assert.True(result.Succeeded, result.Error.ToString());
        return result.Action!;
    }

    private async Task<ImprovementAction> StepAsync(Func<Improvements, Task<ImprovementResult>> step, NoticeFeed? feed = null)
    {
        await using var db = feed is null ? Database.CreateContext() : Database.CreateContext(new NoticeCommitSignal(feed));
        var result = await step(new Improvements(db, Driver.Time));
        Assert.True(result.Succeeded, result.Error.ToString());
        return result.Action!;
    }

    [Fact]
    public async Task A_raised_action_tells_the_department_s_head_with_its_date_and_nobody_else()
    {
        var before = (await UnreadCountOf(Head), await UnreadCountOf(Driver.HeadOf(DepartmentCatalog.Engineering)), await UnreadCountOf(Driver.Leader));

        var action = await RaisedAsync();

        var told = Assert.Single(await ImprovementNoticesOf(Head));
        Assert.Equal((NotificationKind.ImprovementRaised, action.Id, false, true, true), (told.Kind, told.ImprovementActionId, told.IsPersonal, told.Waiting, told.IsUnread));
        Assert.Equal(new ImprovementNoticeText("电水壶 XP-200 密封圈来料复检", action.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ImprovementNotices.Read(told.Text));
        Assert.Equal(action.DueDate, ImprovementNotices.ReadDate(ImprovementNotices.Read(told.Text).Detail));
        Assert.Equal((before.Item1 + 1, before.Item2, before.Item3),
            (await UnreadCountOf(Head), await UnreadCountOf(Driver.HeadOf(DepartmentCatalog.Engineering)), await UnreadCountOf(Driver.Leader)));
        // The list's total counts it as the bell does; the department's handler is not told (the head answers for it).
        Assert.Equal(await UnreadCountOf(Head), await UnreadTotalOf(Head));
        Assert.Empty(await ImprovementNoticesOf(Driver.HandlerOf(DepartmentCatalog.Quality)));
    }

    [Fact]
    public async Task Each_step_moves_the_waiting_notice_to_whoever_takes_the_next_one_and_the_last_leaves_none()
    {
        var action = await RaisedAsync();
        var leaderBefore = await UnreadCountOf(Driver.Leader);
        var feed = new NoticeFeed();
        var heard = new List<NoticesChanged>();
        using var listening = feed.Subscribe(heard.Add);

        // Reported done: the head's notice is no longer waiting on them; leadership and the committee are asked to verify.
        Driver.Time.Advance(TimeSpan.FromHours(2));
        action = await StepAsync(s => s.ReportDoneAsync(action.Id, action.Version, "三批来料检验合格", Head), feed);
        Assert.Empty(await ImprovementNoticesOf(Head));
        var moved = Assert.Single(await ImprovementNoticesOf(Head, unreadOnly: false));
        Assert.Equal((false, false, false), (moved.IsRead, moved.Waiting, moved.IsUnread));
        var toVerify = Assert.Single(await ImprovementNoticesOf(Driver.Outsider));
        Assert.Equal((NotificationKind.ImprovementReportedDone, "三批来料检验合格"), (toVerify.Kind, ImprovementNotices.Read(toVerify.Text).Detail));
        Assert.Single(await ImprovementNoticesOf(Driver.Leader), n => n.Kind == NotificationKind.ImprovementReportedDone);
        Assert.Equal(leaderBefore + 1, await UnreadCountOf(Driver.Leader));
        Assert.Equal(await UnreadCountOf(Driver.Leader), await UnreadTotalOf(Driver.Leader));
        // Saved as the portal saves: the head's bell and the verifiers' bells are all told to count again.
        var change = Assert.Single(heard);
        Assert.True(change.Reaches(Head) && change.Reaches(Driver.Leader) && change.Reaches(Driver.Outsider));
        Assert.False(change.Reaches(Driver.HeadOf(DepartmentCatalog.Engineering)));
        Assert.Equal([Driver.DepartmentId(DepartmentCatalog.Quality)], change.ImprovementsMoved);

        // Sent back: the verifiers' notices go; the head is told why, and that notice replaces the one of the action raised.
        Driver.Time.Advance(TimeSpan.FromHours(2));
        action = await StepAsync(s => s.SendBackAsync(action.Id, action.Version, "未附检验记录", Driver.Leader));
        Assert.Empty(await ImprovementNoticesOf(Driver.Outsider));
        Assert.Equal(leaderBefore, await UnreadCountOf(Driver.Leader));
        var back = Assert.Single(await ImprovementNoticesOf(Head));
        Assert.Equal((NotificationKind.ImprovementSentBack, "未附检验记录"), (back.Kind, ImprovementNotices.Read(back.Text).Detail));

        // Reported again and verified: nothing waits on anyone.
        Driver.Time.Advance(TimeSpan.FromHours(2));
        action = await StepAsync(s => s.ReportDoneAsync(action.Id, action.Version, "已补检验记录", Head));
        var second = Assert.Single(await ImprovementNoticesOf(Driver.Outsider));
        Assert.Equal("已补检验记录", ImprovementNotices.Read(second.Text).Detail);
        Driver.Time.Advance(TimeSpan.FromHours(2));
        await StepAsync(s => s.VerifyAsync(action.Id, action.Version, Driver.Outsider));
        Assert.Empty(await ImprovementNoticesOf(Head));
        Assert.Empty(await ImprovementNoticesOf(Driver.Leader));
        Assert.Empty(await ImprovementNoticesOf(Driver.Outsider));
        Assert.Equal(leaderBefore, await UnreadTotalOf(Driver.Leader));
    }

    [Fact]
    public async Task An_action_still_open_after_its_date_is_told_to_the_head_and_leadership_once()
    {
        var late = await RaisedAsync(days: 3);
        var reported = await RaisedAsync(days: 3);
        await StepAsync(s => s.ReportDoneAsync(reported.Id, reported.Version, "已完成", Head));
        var later = await RaisedAsync(days: 30);

        // On its date it is not late yet (the organisation's calendar).
        Driver.Time.Advance(TimeSpan.FromDays(3));
        Assert.Equal(0, await WithAsync(db => new ImprovementMonitor(db).RunOnceAsync(Driver.Time.GetUtcNow(), Shanghai)));

        Driver.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await WithAsync(db => new ImprovementMonitor(db).RunOnceAsync(Driver.Time.GetUtcNow(), Shanghai)));
        Assert.Equal(0, await WithAsync(db => new ImprovementMonitor(db).RunOnceAsync(Driver.Time.GetUtcNow(), Shanghai)));

        var toHead = Assert.Single(await ImprovementNoticesOf(Head), n => n.Kind == NotificationKind.ImprovementOverdue);
        var toLeader = Assert.Single(await ImprovementNoticesOf(Driver.Leader), n => n.Kind == NotificationKind.ImprovementOverdue);
        Assert.Equal((late.Id, late.Id), (toHead.ImprovementActionId, toLeader.ImprovementActionId));
        Assert.Equal(late.DueDate, ImprovementNotices.ReadDate(ImprovementNotices.Read(toHead.Text).Detail));
        Assert.DoesNotContain(await ImprovementNoticesOf(Head), n => n.ImprovementActionId == later.Id && n.Kind == NotificationKind.ImprovementOverdue);
        Assert.NotNull(await WithAsync(db => db.ImprovementActions.Where(a => a.Id == late.Id).Select(a => a.OverdueNoticeAt).SingleAsync()));

        // Once reported done, the overdue notices stop waiting on the head and on leadership.
        Driver.Time.Advance(TimeSpan.FromHours(1));
        await StepAsync(s => s.ReportDoneAsync(late.Id, late.Version + 1, "已完成", Head));
        Assert.DoesNotContain(await ImprovementNoticesOf(Head), n => n.Kind == NotificationKind.ImprovementOverdue);
        Assert.DoesNotContain(await ImprovementNoticesOf(Driver.Leader), n => n.Kind == NotificationKind.ImprovementOverdue);
    }

    [Fact]
    public async Task A_notice_names_exactly_one_subject_in_the_database()
    {
        var action = await RaisedAsync();
        var complaint = (await Driver.RegisterAsync()).Id;
        await using var db = Database.CreateContext();

        // Both a case and an action: the check constraint refuses it, whatever the code would do.
        var both = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO Notifications (RecipientRole, ComplaintId, ImprovementActionId, Kind, Text, CreatedAt) VALUES ('Leadership', {complaint}, {action.Id}, 'ImprovementRaised', 't', 0)"));
        Assert.Contains("CK_Notifications_Subject", both.Message, StringComparison.Ordinal);
    }
}
