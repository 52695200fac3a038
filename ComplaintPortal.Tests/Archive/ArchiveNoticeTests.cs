using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Archive;

/// <summary>
/// The requester of archive access hears of what others decide about it (the leader's approval or rejection, the clerk's
/// revocation or recorded return) as a notice to them by name, unread until read, whatever happens to cases meanwhile.
/// </summary>
public sealed class ArchiveNoticeTests : ArchiveTest
{
    private async Task<T> WithNoticesAsync<T>(Func<NoticeBook, Task<T>> work)
    {
        await using var db = Database.CreateContext();
        return await work(new NoticeBook(db));
    }

    private async Task<List<NoticeView>> ArchiveNoticesOfAsync(ActingUser reader) =>
        [.. (await WithNoticesAsync(b => b.ListAsync(reader, take: 500))).Where(n => n.ArchiveRequestId is not null)];

    [Fact]
    public async Task The_requester_is_told_of_the_leader_s_approval_and_rejection_by_name_and_nobody_else_is()
    {
        var file = await ArchivedCaseAsync();
        var now = Driver.Time.GetUtcNow();
        var leaderUnreadBefore = await WithNoticesAsync(b => b.CountUnreadAsync(Driver.Leader));
        var requesterUnreadBefore = await WithNoticesAsync(b => b.CountUnreadAsync(Requester));
        var (_, approved) = await WithAccessAsync(a => a.RequestAsync(Requester, "质量追溯", Numbers(file.ArchiveNumber), now, now.AddDays(10)));
        var (_, rejected) = await WithAccessAsync(a => a.RequestAsync(Requester, "复核", Numbers(file.ArchiveNumber), now, now.AddDays(10)));
        Assert.Empty(await ArchiveNoticesOfAsync(Requester));

        Assert.Equal(ArchiveError.None, await WithAccessAsync(a => a.ApproveAsync(Driver.Leader, approved!.Id, null, null, now.AddDays(3), null)));
        Assert.Equal(ArchiveError.None, await WithAccessAsync(a => a.RejectAsync(Driver.Leader, rejected!.Id, "理由不充分")));

        var notices = await ArchiveNoticesOfAsync(Requester);
        Assert.Equal(2, notices.Count);
        var yes = Assert.Single(notices, n => n.ArchiveRequestId == approved!.Id);
        Assert.Equal((NotificationKind.ArchiveRequestApproved, approved!.Number, null, true, true), (yes.Kind, yes.RequestNumber, yes.ComplaintId, yes.IsPersonal, yes.IsUnread));
        // Until the end the leader granted, not the end asked for.
        Assert.Equal(new ArchiveNoticeText(now.AddDays(3), null, null), ArchiveNotices.Read(yes.Text));
        var no = Assert.Single(notices, n => n.ArchiveRequestId == rejected!.Id);
        Assert.Equal(NotificationKind.ArchiveRequestRejected, no.Kind);
        Assert.Equal(new ArchiveNoticeText(null, "理由不充分", null), ArchiveNotices.Read(no.Text));
        Assert.Equal(requesterUnreadBefore + 2, await WithNoticesAsync(b => b.CountUnreadAsync(Requester)));
        // The leaders' notices to decide the two have left their unread list with the decisions.
        Assert.Equal(leaderUnreadBefore, await WithNoticesAsync(b => b.CountUnreadAsync(Driver.Leader)));
        Assert.Empty(await ArchiveNoticesOfAsync(Driver.HandlerOf(Domain.Organisation.DepartmentCatalog.Quality) with { UserId = "u-someone-else" }));
    }

    [Fact]
    public async Task An_archive_notice_stays_unread_until_read_counts_in_the_bell_s_tally_without_a_case_and_leaves_when_marked()
    {
        var file = await ArchivedCaseAsync();
        var request = await ApprovedRequestAsync(Requester, Numbers(file.ArchiveNumber), TimeSpan.FromDays(3));
        var unreadBefore = await WithNoticesAsync(b => b.CountUnreadAsync(Requester));
        // Cases closing meanwhile take case notices off the list, never this one.
        await Driver.CaseInStageAsync(Domain.Cases.CaseStage.Closed);
        Driver.Time.Advance(TimeSpan.FromDays(30));

        var tally = await WithNoticesAsync(b => b.TallyUnreadAsync(Requester, 100));
        var unread = await WithNoticesAsync(b => b.UnreadAsync(Requester));
        var notice = Assert.Single(unread, n => n.ArchiveRequestId == request.Id);
        Assert.True(tally.Count >= 1);
        Assert.DoesNotContain(0, tally.Cases);
        var (page, total) = await WithNoticesAsync(b => b.PageAsync(Requester, unreadOnly: true, 0, 50));
        Assert.Contains(page, n => n.Id == notice.Id);
        Assert.Equal(unread.Count, total);

        Assert.True(await WithNoticesAsync(b => b.MarkReadAsync(Requester, notice.Id, Driver.Time.GetUtcNow())));

        Assert.DoesNotContain(await WithNoticesAsync(b => b.UnreadAsync(Requester)), n => n.Id == notice.Id);
        Assert.Equal(unreadBefore - 1, await WithNoticesAsync(b => b.CountUnreadAsync(Requester)));
        var kept = Assert.Single(await ArchiveNoticesOfAsync(Requester));
        Assert.Equal((true, false), (kept.IsRead, kept.IsUnread));
        // Another person cannot mark it.
        Assert.False(await WithNoticesAsync(b => b.MarkReadAsync(Driver.Leader, notice.Id, Driver.Time.GetUtcNow())));
    }

    [Fact]
    public async Task The_clerk_ending_access_tells_the_reader_why_but_the_reader_s_own_confirmation_tells_nobody()
    {
        var one = await ArchivedCaseAsync();
        var revoked = await ApprovedRequestAsync(Requester, Numbers(one.ArchiveNumber), TimeSpan.FromDays(3));
        var returned = await ApprovedRequestAsync(Requester, Numbers(one.ArchiveNumber), TimeSpan.FromDays(3));
        var finished = await ApprovedRequestAsync(Requester, Numbers(one.ArchiveNumber), TimeSpan.FromDays(3));

        Assert.Equal(ArchiveError.None, await WithAccessAsync(a => a.RevokeAsync(Archivist, revoked.Id, "用途已完成")));
        Assert.Equal(ArchiveError.None, await WithAccessAsync(a => a.RecordReturnAsync(Archivist, returned.Id)));
        Assert.Equal(ArchiveError.None, await WithAccessAsync(a => a.ConfirmFinishedAsync(Requester, finished.Id, Viewer)));

        var notices = await ArchiveNoticesOfAsync(Requester);
        var revocation = Assert.Single(notices, n => n.Kind == NotificationKind.ArchiveAccessRevoked);
        Assert.Equal((revoked.Id, "用途已完成"), (revocation.ArchiveRequestId, ArchiveNotices.Read(revocation.Text).Reason));
        Assert.Equal(returned.Id, Assert.Single(notices, n => n.Kind == NotificationKind.ArchiveReturnRecorded).ArchiveRequestId);
        // Three approvals, one revocation, one recorded return; nothing for the reader's own confirmation.
        Assert.Equal(5, notices.Count);
        Assert.DoesNotContain(notices, n => n.ArchiveRequestId == finished.Id && n.Kind != NotificationKind.ArchiveRequestApproved);
        await using var db = Database.CreateContext();
        Assert.Empty(await db.Notifications.Where(n => n.ArchiveRequestId != null && n.RecipientUserId != null && n.RecipientUserId != Requester.UserId).ToListAsync());
    }

    [Fact]
    public async Task Every_leader_is_told_of_a_new_request_until_one_of_them_decides_it()
    {
        var file = await ArchivedCaseAsync();
        var other = new ActingUser("u-leader-2", "副总 陈平", null, new HashSet<string> { PortalRoles.Leadership });
        var now = Driver.Time.GetUtcNow();
        var before = (await WithNoticesAsync(b => b.CountUnreadAsync(Driver.Leader)), await WithNoticesAsync(b => b.CountUnreadAsync(other)));

        var (_, request) = await WithAccessAsync(a => a.RequestAsync(Requester, "核查同一客户的重复投诉", Numbers(file.ArchiveNumber), now, now.AddDays(2)));

        Assert.Equal((before.Item1 + 1, before.Item2 + 1),
            (await WithNoticesAsync(b => b.CountUnreadAsync(Driver.Leader)), await WithNoticesAsync(b => b.CountUnreadAsync(other))));
        var toDecide = Assert.Single(await WithNoticesAsync(b => b.UnreadAsync(other)), n => n.ArchiveRequestId == request!.Id);
        Assert.Equal((NotificationKind.ArchiveRequestToDecide, false, true, true), (toDecide.Kind, toDecide.IsPersonal, toDecide.Waiting, toDecide.IsUnread));
        Assert.Equal(new ArchiveNoticeText(null, "核查同一客户的重复投诉", Requester.Name), ArchiveNotices.Read(toDecide.Text));
        Assert.Empty(await ArchiveNoticesOfAsync(Requester));

        // One leader decides, saved as the portal saves: every leader's bell is told to count again, and the notice leaves both lists.
        var feed = new NoticeFeed();
        var heard = new List<NoticesChanged>();
        using var listening = feed.Subscribe(heard.Add);
        await using (var db = Database.CreateContext(new NoticeCommitSignal(feed)))
        {
            Assert.Equal(ArchiveError.None, await new ArchiveAccess(db, Driver.Time, Feed).ApproveAsync(Driver.Leader, request!.Id, null, null, null, null));
        }

        var told = Assert.Single(heard);
        Assert.True(told.RequestsDecided);
        Assert.True(told.Reaches(other));
        Assert.True(told.Reaches(Requester));
        Assert.Equal(before, (await WithNoticesAsync(b => b.CountUnreadAsync(Driver.Leader)), await WithNoticesAsync(b => b.CountUnreadAsync(other))));
        var (unreadPage, unreadTotal) = await WithNoticesAsync(b => b.PageAsync(other, unreadOnly: true, 0, 50));
        Assert.DoesNotContain(unreadPage, n => n.ArchiveRequestId == request.Id);
        Assert.Equal(before.Item2, unreadTotal);
        var decided = Assert.Single(await WithNoticesAsync(b => b.ListAsync(other, take: 500)), n => n.ArchiveRequestId == request.Id);
        Assert.Equal((false, false, false), (decided.IsRead, decided.Waiting, decided.IsUnread));
    }

    [Fact]
    public async Task A_reader_whose_days_ran_out_is_asked_once_to_confirm_finishing_and_the_reminder_goes_when_they_do()
    {
        var file = await ArchivedCaseAsync();
        var lapsing = await ApprovedRequestAsync(Requester, Numbers(file.ArchiveNumber), TimeSpan.FromDays(2));
        var running = await ApprovedRequestAsync(Requester, Numbers(file.ArchiveNumber), TimeSpan.FromDays(5));
        var returned = await ApprovedRequestAsync(Requester, Numbers(file.ArchiveNumber), TimeSpan.FromDays(2));
        Assert.Equal(ArchiveError.None, await WithAccessAsync(a => a.RecordReturnAsync(Archivist, returned.Id)));
        async Task<int> ScanAsync()
        {
            await using var db = Database.CreateContext();
            return await new ArchiveLoanMonitor(db).RunOnceAsync(Driver.Time.GetUtcNow());
        }

        Assert.Equal(0, await ScanAsync());
        Driver.Time.Advance(TimeSpan.FromDays(3));

        // The returned request is over already; the running one still has days.
        Assert.Equal(1, await ScanAsync());
        Assert.Equal(0, await ScanAsync());
        var reminder = Assert.Single(await ArchiveNoticesOfAsync(Requester), n => n.Kind == NotificationKind.ArchiveLoanExpired);
        Assert.Equal((lapsing.Id, true, lapsing.RequestedUntil), (reminder.ArchiveRequestId, reminder.IsUnread, ArchiveNotices.Read(reminder.Text).Until));
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(Driver.Time.GetUtcNow(), (await db.ArchiveAccessRequests.SingleAsync(r => r.Id == lapsing.Id)).ExpiryNoticeAt);
        }

        // The reader confirms finishing: the reminder is answered, and their pages are told to count again.
        var unread = await WithNoticesAsync(b => b.CountUnreadAsync(Requester));
        var notices = new NoticeFeed();
        var heard = new List<NoticesChanged>();
        using var listening = notices.Subscribe(heard.Add);
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(ArchiveError.None, await new ArchiveAccess(db, Driver.Time, Feed, notices).ConfirmFinishedAsync(Requester, lapsing.Id, Viewer));
        }

        Assert.Equal(unread - 1, await WithNoticesAsync(b => b.CountUnreadAsync(Requester)));
        Assert.True(Assert.Single(await ArchiveNoticesOfAsync(Requester), n => n.Kind == NotificationKind.ArchiveLoanExpired).IsRead);
        Assert.True(Assert.Single(heard).Reaches(Requester));

        Driver.Time.Advance(TimeSpan.FromDays(3));
        Assert.Equal(1, await ScanAsync());
        Assert.Equal([lapsing.Id, running.Id],
            (await ArchiveNoticesOfAsync(Requester)).Where(n => n.Kind == NotificationKind.ArchiveLoanExpired).Select(n => n.ArchiveRequestId!.Value).Order());
    }

    [Fact]
    public async Task Every_archive_clerk_is_told_of_files_overdue_until_read_or_until_the_access_ends()
    {
        var file = await ArchivedCaseAsync();
        var other = new ActingUser("u-archivist-2", "档案员 周敏", null, new HashSet<string> { PortalRoles.ArchiveClerk });
        var lapsing = await ApprovedRequestAsync(Requester, Numbers(file.ArchiveNumber), TimeSpan.FromDays(2));
        var running = await ApprovedRequestAsync(Requester, Numbers(file.ArchiveNumber), TimeSpan.FromDays(5));
        var before = (await WithNoticesAsync(b => b.CountUnreadAsync(Archivist)), await WithNoticesAsync(b => b.CountUnreadAsync(other)));
        Driver.Time.Advance(TimeSpan.FromDays(3));

        await using (var db = Database.CreateContext())
        {
            Assert.Equal(1, await new ArchiveLoanMonitor(db).RunOnceAsync(Driver.Time.GetUtcNow()));
        }

        Assert.Equal((before.Item1 + 1, before.Item2 + 1),
            (await WithNoticesAsync(b => b.CountUnreadAsync(Archivist)), await WithNoticesAsync(b => b.CountUnreadAsync(other))));
        var overdue = Assert.Single(await WithNoticesAsync(b => b.UnreadAsync(other)), n => n.ArchiveRequestId is not null);
        Assert.Equal((NotificationKind.ArchiveLoanOverdue, lapsing.Id, false, true, true),
            (overdue.Kind, overdue.ArchiveRequestId, overdue.IsPersonal, overdue.Waiting, overdue.IsUnread));
        Assert.Equal(new ArchiveNoticeText(lapsing.RequestedUntil, null, Requester.Name), ArchiveNotices.Read(overdue.Text));
        // The reader has their own reminder, not the clerks' notice; the running loan has none yet.
        Assert.DoesNotContain(await ArchiveNoticesOfAsync(Requester), n => n.Kind == NotificationKind.ArchiveLoanOverdue);
        Assert.DoesNotContain(await WithNoticesAsync(b => b.ListAsync(Archivist, take: 500)), n => n.ArchiveRequestId == running.Id);
        var (page, total) = await WithNoticesAsync(b => b.PageAsync(other, unreadOnly: true, 0, 50));
        Assert.Contains(page, n => n.Id == overdue.Id);
        Assert.Equal(before.Item2 + 1, total);

        // One clerk reads it: it leaves their list only.
        Assert.True(await WithNoticesAsync(b => b.MarkReadAsync(Archivist, overdue.Id, Driver.Time.GetUtcNow())));
        Assert.Equal((before.Item1, before.Item2 + 1),
            (await WithNoticesAsync(b => b.CountUnreadAsync(Archivist)), await WithNoticesAsync(b => b.CountUnreadAsync(other))));

        // The clerk records the return: every clerk's pages are told to count again, and the notice leaves the other clerk's list.
        var notices = new NoticeFeed();
        var heard = new List<NoticesChanged>();
        using var listening = notices.Subscribe(heard.Add);
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(ArchiveError.None, await new ArchiveAccess(db, Driver.Time, Feed, notices).RecordReturnAsync(Archivist, lapsing.Id));
        }

        var told = Assert.Single(heard);
        Assert.True(told.LoansEnded && told.Reaches(other) && told.Reaches(Requester));
        Assert.Equal(before.Item2, await WithNoticesAsync(b => b.CountUnreadAsync(other)));
        Assert.Equal(before.Item2, (await WithNoticesAsync(b => b.PageAsync(other, unreadOnly: true, 0, 50))).Total);
        var ended = Assert.Single(await WithNoticesAsync(b => b.ListAsync(other, take: 500)), n => n.Id == overdue.Id);
        Assert.Equal((false, false, false), (ended.IsRead, ended.Waiting, ended.IsUnread));

        // Ending a loan that was never overdue tells the clerks nothing.
        heard.Clear();
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(ArchiveError.None, await new ArchiveAccess(db, Driver.Time, Feed, notices).RecordReturnAsync(Archivist, running.Id));
        }

        Assert.Empty(heard);
    }

    [Fact]
    public async Task A_leader_s_own_request_is_not_theirs_to_decide_and_not_in_their_notices_but_in_the_other_leaders()
    {
        var file = await ArchivedCaseAsync();
        var other = new ActingUser("u-leader-2", "副总 陈平", null, new HashSet<string> { PortalRoles.Leadership });
        var now = Driver.Time.GetUtcNow();
        var before = (await WithNoticesAsync(b => b.CountUnreadAsync(Driver.Leader)), await WithNoticesAsync(b => b.CountUnreadAsync(other)));

        var (_, own) = await WithAccessAsync(a => a.RequestAsync(Driver.Leader, "复核", Numbers(file.ArchiveNumber), now, now.AddDays(2)));

        Assert.Equal((before.Item1, before.Item2 + 1),
            (await WithNoticesAsync(b => b.CountUnreadAsync(Driver.Leader)), await WithNoticesAsync(b => b.CountUnreadAsync(other))));
        Assert.Equal(before.Item1, await WithNoticesAsync(b => b.CountUnreadAsync(Driver.Leader, 100)));
        Assert.DoesNotContain(await WithNoticesAsync(b => b.ListAsync(Driver.Leader, take: 500)), n => n.ArchiveRequestId == own!.Id);
        Assert.Equal(before.Item1, (await WithNoticesAsync(b => b.PageAsync(Driver.Leader, unreadOnly: true, 0, 50))).Total);
        Assert.Contains(await WithNoticesAsync(b => b.UnreadAsync(other)), n => n.ArchiveRequestId == own!.Id);
    }

    [Fact]
    public async Task A_refused_decision_tells_nobody()
    {
        var file = await ArchivedCaseAsync();
        var now = Driver.Time.GetUtcNow();
        var (_, request) = await WithAccessAsync(a => a.RequestAsync(Requester, "复核", Numbers(file.ArchiveNumber), now, now.AddDays(2)));

        Assert.Equal(ArchiveError.ReasonRequired, await WithAccessAsync(a => a.RejectAsync(Driver.Leader, request!.Id, " ")));
        Assert.Equal(ArchiveError.NotWithinRequest, await WithAccessAsync(a => a.ApproveAsync(Driver.Leader, request!.Id, null, null, now.AddDays(5), null)));
        Assert.Equal(ArchiveError.NotPermitted, await WithAccessAsync(a => a.RevokeAsync(Requester, request!.Id, null)));

        Assert.Empty(await ArchiveNoticesOfAsync(Requester));
    }

    [Fact]
    public async Task The_database_refuses_a_notice_about_nothing_or_about_both_a_case_and_a_request()
    {
        var file = await ArchivedCaseAsync();
        var request = await ApprovedRequestAsync(Requester, Numbers(file.ArchiveNumber), TimeSpan.FromDays(1));
        await using var db = Database.CreateContext();

        var neither = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO Notifications (RecipientRole, Kind, Text, CreatedAt) VALUES ('Leadership', 'Escalated', 'x', '2026-12-01 00:00:00+00:00')"));
        var both = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO Notifications (RecipientRole, Kind, Text, CreatedAt, ComplaintId, ArchiveRequestId) VALUES ('Leadership', 'Escalated', 'x', '2026-12-01 00:00:00+00:00', {file.ComplaintId}, {request.Id})"));

        Assert.Contains("CK_Notifications_Subject", neither.Message, StringComparison.Ordinal);
        Assert.Contains("CK_Notifications_Subject", both.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Notification.AboutArchiveRequest("u-1", request.Id, NotificationKind.Escalated, "x", DateTimeOffset.UnixEpoch));
    }

    [Theory]
    [InlineData("CY-000042 approved until 2026-12-20T09:00Z", "2026-12-20T09:00:00+00:00", null)]
    [InlineData("CY-000042 rejected: 理由不充分: 请补充", null, "理由不充分: 请补充")]
    [InlineData("CY-000042 revoked", null, null)]
    [InlineData("CY-000042 expired until 2026-12-20T09:00Z", "2026-12-20T09:00:00+00:00", null)]
    [InlineData("CY-000042 filed by 质量部 李强: 核查: 批次", null, "核查: 批次")]
    [InlineData("something else entirely", null, null)]
    public void A_notice_s_text_reads_back_into_its_end_and_reason(string text, string? until, string? reason)
    {
        var read = ArchiveNotices.Read(text);

        Assert.Equal(until is null ? null : DateTimeOffset.Parse(until, System.Globalization.CultureInfo.InvariantCulture), read.Until);
        Assert.Equal(reason, read.Reason);
    }
}
