using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Supervision;

/// <summary>A member given checks by another is told, by a notice of their own that stays unread until they read it.</summary>
public sealed class CheckNoticeTests
{
    [Fact]
    public async Task The_member_given_checks_is_told_who_gave_how_many_of_which_sample_until_they_read_it()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var (_, _, quarter) = await s.ThreeDrawsAsync();
        await s.AddCommitteeAccountsAsync();
        var cases = await s.WithAsync(db => db.SampledCases.AsNoTracking().Where(c => c.SampleDrawId == quarter).OrderBy(c => c.DrawOrder).Select(c => c.Id).ToListAsync());

        Assert.True((await s.AssignAsync(quarter, [cases[3], cases[1]], s.OtherMember.UserId)).Succeeded);

        var notice = await s.WithAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.SampleDrawId != null));
        Assert.Equal((s.OtherMember.UserId, "", quarter, (int?)null, NotificationKind.ChecksAssigned, s.Driver.Time.GetUtcNow()),
            (notice.RecipientUserId, notice.RecipientRole, notice.SampleDrawId, notice.ComplaintId, notice.Kind, notice.CreatedAt));
        Assert.Equal(new CheckNoticeText(new ReportPeriod(ReportPeriodKind.Quarter, 2026, 1), 2, s.Member.Name), CheckNotices.Read(notice.Text));

        // Theirs alone, unread (the bell, the unread list and its total) until they read it.
        Assert.Equal((1, 0), (await UnreadAsync(s, s.OtherMember), await UnreadAsync(s, s.Member)));
        var unread = Assert.Single(await s.WithAsync(db => new NoticeBook(db).UnreadAsync(s.OtherMember)));
        Assert.Equal((notice.Id, quarter, true, true), (unread.Id, unread.SampleDrawId, unread.IsPersonal, unread.IsUnread));
        Assert.Equal(1, (await s.WithAsync(db => new NoticeBook(db).PageAsync(s.OtherMember, unreadOnly: true, 0, 10))).Total);
        Assert.True(await s.WithAsync(db => new NoticeBook(db).MarkReadAsync(s.OtherMember, notice.Id, s.Driver.Time.GetUtcNow())));
        Assert.Equal(0, await UnreadAsync(s, s.OtherMember));
        var read = Assert.Single((await s.WithAsync(db => new NoticeBook(db).PageAsync(s.OtherMember, unreadOnly: false, 0, 10))).Notices);
        Assert.Equal((true, false), (read.IsRead, read.IsUnread));

        // Opening their queue of checks reads the notices of checks given, theirs only, and no other notice.
        Assert.True((await s.AssignAsync(quarter, [cases[2]], s.OtherMember.UserId)).Succeeded);
        Assert.True((await s.AssignAsync(quarter, [cases[0]], s.Member.UserId, s.OtherMember)).Succeeded);
        Assert.Equal((1, 1), (await UnreadAsync(s, s.OtherMember), await UnreadAsync(s, s.Member)));
        Assert.Equal(1, await s.WithAsync(db => new NoticeBook(db).MarkChecksGivenReadAsync(s.OtherMember, s.Driver.Time.GetUtcNow())));
        Assert.Equal((0, 1), (await UnreadAsync(s, s.OtherMember), await UnreadAsync(s, s.Member)));

        // Checks a member gives to themselves tell nobody.
        Assert.True((await s.AssignAsync(quarter, [cases[1]], s.OtherMember.UserId, s.OtherMember)).Succeeded);
        Assert.Equal(3, await s.WithAsync(db => db.Notifications.CountAsync(n => n.SampleDrawId != null)));
    }

    [Fact]
    public async Task A_notice_is_about_exactly_one_thing_in_the_database_too()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var (_, _, quarter) = await s.ThreeDrawsAsync();
        await s.AddCommitteeAccountsAsync();
        var complaint = await s.WithAsync(db => db.Complaints.Select(c => c.Id).FirstAsync(c => c > 0));

        // A notice about a draw that also names a case is refused by the check constraint.
        var refused = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => s.WithAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO Notifications (RecipientRole, RecipientUserId, ComplaintId, SampleDrawId, Kind, Text, CreatedAt) VALUES ('', {s.OtherMember.UserId}, {complaint}, {quarter}, 'ChecksAssigned', 'x', '2026-04-02')")));
        Assert.Contains("CK_Notifications_Subject", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_notices_text_it_cannot_read_gives_no_period_and_no_count()
    {
        Assert.Equal(new CheckNoticeText(null, 0, ""), CheckNotices.Read("something else"));
        Assert.Equal(new CheckNoticeText(new ReportPeriod(ReportPeriodKind.Month, 2026, 2), 3, "监督小组 吴静"), CheckNotices.Read("Month 2026 2\n3\n监督小组 吴静"));
        Assert.Equal(new CheckNoticeText(null, 0, "x"), CheckNotices.Read("Week 2026 2\nmany\nx"));
    }

    private static Task<int> UnreadAsync(SupervisionScenario s, Domain.Workflow.ActingUser reader) =>
        s.WithAsync(db => new NoticeBook(db).CountUnreadAsync(reader));
}
