using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Components.Cases;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Components.Notices;

/// <summary>
/// A requester's notices about their archive requests on the notices page and the queue: in words, with the request's number
/// leading to their requests, the end of the granted period in the organisation's time, and the leader's reason.
/// </summary>
public sealed class ArchiveNoticesPageTests : CasePageTest
{
    private readonly ArchiveFeed feed = new();

    private async Task<(ArchiveAccessRequest Approved, ArchiveAccessRequest Rejected, DateTimeOffset Until)> DecidedRequestsAsync()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.Closed);
        var options = new ArchiveOptions();
        Driver.Time.Advance(options.QuietPeriod + TimeSpan.FromMinutes(1));
        await using var db = Database.CreateContext();
        await new Archiver(db, new EvidenceStore(Path.Combine(Database.Folder, "evidence")), options, feed).RunOnceAsync(Driver.Time.GetUtcNow());
        var number = db.ArchivedFiles.Single(f => f.ComplaintId == complaint.Id).ArchiveNumber;
        var access = new ArchiveAccess(db, Driver.Time, feed);
        var now = Driver.Time.GetUtcNow();
        var scope = new AccessScope([number], null, null, null);
        var requester = Driver.HandlerOf(DepartmentCatalog.Quality);
        var (_, approved) = await access.RequestAsync(requester, "质量追溯", scope, now, now.AddDays(10));
        var (_, rejected) = await access.RequestAsync(requester, "复核", scope, now, now.AddDays(10));
        var until = now.AddDays(3);
        Assert.Equal(ArchiveError.None, await access.ApproveAsync(Driver.Leader, approved!.Id, null, null, until, null));
        Assert.Equal(ArchiveError.None, await access.RejectAsync(Driver.Leader, rejected!.Id, "理由不充分"));
        return (approved, rejected!, until);
    }

    [Fact]
    public async Task The_requester_reads_the_decisions_in_words_with_the_granted_end_and_the_reason_and_marks_one_read()
    {
        var ctx = Open();
        var (approved, rejected, until) = await DecidedRequestsAsync();
        ctx.SignInAs(Driver.HandlerOf(DepartmentCatalog.Quality));

        var cut = ctx.RenderPage<ComplaintPortal.Web.Features.Notices.Notices>();

        var yes = cut.WaitForElement("[data-kind=ArchiveRequestApproved]").TextContent;
        Assert.Contains("档案查阅申请已批准", yes, StringComparison.Ordinal);
        Assert.Contains("可查阅至 " + ctx.Services.GetRequiredService<OrganisationClock>().Format(until, "g"), yes, StringComparison.Ordinal);
        Assert.NotEqual(TimeSpan.Zero, ctx.Services.GetRequiredService<OrganisationClock>().ToLocal(until).TimeOfDay);
        Assert.Contains("理由：理由不充分", cut.Find("[data-kind=ArchiveRequestRejected]").TextContent, StringComparison.Ordinal);
        foreach (var request in new[] { approved, rejected })
        {
            var link = cut.Find($"[data-request='{request.Number}']");
            Assert.Equal(("/archive/requests", request.Number), (link.GetAttribute("href"), link.TextContent.Trim()));
            Assert.Contains("档案查阅申请", link.ParentElement!.TextContent, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("ArchiveRequest", cut.Find("[data-test=notices] tbody").TextContent, StringComparison.Ordinal);

        var approvedRow = cut.FindAll("[data-test=notices] tbody tr").Single(r => r.QuerySelector("[data-kind=ArchiveRequestApproved]") is not null);
        approvedRow.QuerySelector("[data-test=mark-read]")!.Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-kind=ArchiveRequestApproved]")));
        Assert.Single(cut.FindAll("[data-kind=ArchiveRequestRejected]"));
    }

    [Fact]
    public async Task A_leader_sees_a_new_request_to_decide_with_who_asks_and_why_until_another_leader_decides_it()
    {
        var notices = new Domain.Notifications.NoticeFeed();
        var ctx = OpenAnother("zh-Hans", notices);
        var complaint = await Driver.CaseInStageAsync(CaseStage.Closed);
        var options = new ArchiveOptions();
        Driver.Time.Advance(options.QuietPeriod + TimeSpan.FromMinutes(1));
        ArchiveAccessRequest? request;
        await using (var db = Database.CreateContext())
        {
            await new Archiver(db, new EvidenceStore(Path.Combine(Database.Folder, "evidence")), options, feed).RunOnceAsync(Driver.Time.GetUtcNow());
            var number = db.ArchivedFiles.Single(f => f.ComplaintId == complaint.Id).ArchiveNumber;
            var now = Driver.Time.GetUtcNow();
            (_, request) = await new ArchiveAccess(db, Driver.Time, feed).RequestAsync(Driver.HandlerOf(DepartmentCatalog.Quality), "核查同一客户的重复投诉",
                new AccessScope([number], null, null, null), now, now.AddDays(2));
        }

        ctx.SignInAs(Driver.Leader);
        var cut = ctx.RenderPage<ComplaintPortal.Web.Features.Notices.Notices>();

        var row = cut.WaitForElement("[data-kind=ArchiveRequestToDecide]").TextContent;
        Assert.Contains("档案查阅申请待审批", row, StringComparison.Ordinal);
        Assert.Contains($"申请人 {Driver.HandlerOf(DepartmentCatalog.Quality).Name}，用途：核查同一客户的重复投诉", row, StringComparison.Ordinal);
        Assert.Equal("/archive/approvals", cut.Find($"[data-request='{request!.Number}']").GetAttribute("href"));

        // Another leader decides, saved as the portal saves: the notice leaves this leader's unread list without a reload.
        var other = new Domain.Workflow.ActingUser("u-leader-2", "副总 陈平", null, new HashSet<string> { PortalRoles.Leadership });
        await using (var db = Database.CreateContext(new Domain.Notifications.NoticeCommitSignal(notices)))
        {
            Assert.Equal(ArchiveError.None, await new ArchiveAccess(db, Driver.Time, feed).RejectAsync(other, request!.Id, "请写明批次"));
        }

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-kind=ArchiveRequestToDecide]")));
        cut.Find("[data-test=notice-filter] button:last-child").Click();
        cut.WaitForAssertion(() => Assert.Contains("已审批", cut.Find("[data-kind=ArchiveRequestToDecide]").Closest("tr")!.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reader_whose_days_ran_out_is_asked_to_confirm_finishing_with_the_last_day_granted()
    {
        var ctx = Open();
        var (approved, _, until) = await DecidedRequestsAsync();
        Driver.Time.Advance(TimeSpan.FromDays(4));
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(1, await new ArchiveLoanMonitor(db).RunOnceAsync(Driver.Time.GetUtcNow()));
        }

        ctx.SignInAs(Driver.HandlerOf(DepartmentCatalog.Quality));
        var cut = ctx.RenderPage<ComplaintPortal.Web.Features.Notices.Notices>();

        var reminder = cut.WaitForElement("[data-kind=ArchiveLoanExpired]").TextContent;
        Assert.Contains("档案查阅期限已到", reminder, StringComparison.Ordinal);
        Assert.Contains("期限至 " + ctx.Services.GetRequiredService<OrganisationClock>().FormatEnd(until) + "，请确认查阅完毕", reminder, StringComparison.Ordinal);
        Assert.Equal("/archive/requests", cut.FindAll($"[data-request='{approved.Number}']")
            .Single(a => a.Closest("tr")!.QuerySelector("[data-kind=ArchiveLoanExpired]") is not null).GetAttribute("href"));
    }

    [Fact]
    public async Task An_archive_clerk_sees_whose_files_are_overdue_leading_to_the_desk_until_the_return_is_recorded()
    {
        var notices = new Domain.Notifications.NoticeFeed();
        var ctx = OpenAnother("zh-Hans", notices);
        var (approved, _, until) = await DecidedRequestsAsync();
        Driver.Time.Advance(TimeSpan.FromDays(4));
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(1, await new ArchiveLoanMonitor(db).RunOnceAsync(Driver.Time.GetUtcNow()));
        }

        var clerk = new Domain.Workflow.ActingUser("u-archivist", "档案员 孙丽", null, new HashSet<string> { PortalRoles.ArchiveClerk });
        await using (var db = Database.CreateContext())
        {
            db.Users.Add(new PortalUser { Id = clerk.UserId, UserName = "notice.clerk", DisplayName = clerk.Name });
            await db.SaveChangesAsync();
        }

        ctx.SignInAs(clerk);
        var cut = ctx.RenderPage<ComplaintPortal.Web.Features.Notices.Notices>();

        var row = cut.WaitForElement("[data-kind=ArchiveLoanOverdue]").Closest("tr")!;
        Assert.Contains("档案查阅已到期，未归还", row.TextContent, StringComparison.Ordinal);
        Assert.Contains($"{Driver.HandlerOf(DepartmentCatalog.Quality).Name}：期限至 {ctx.Services.GetRequiredService<OrganisationClock>().FormatEnd(until)}，尚未归还",
            row.TextContent, StringComparison.Ordinal);
        Assert.Equal("/archive/desk", row.QuerySelector($"[data-request='{approved.Number}']")!.GetAttribute("href"));
        Assert.Equal("true", row.QuerySelector("[data-unread]")!.GetAttribute("data-unread"));

        // Another clerk records the return: the notice leaves the unread list without a reload, and the whole list says the access ended.
        await using (var db = Database.CreateContext())
        {
            var other = clerk with { UserId = "u-archivist-2", Name = "档案员 周敏" };
            Assert.Equal(ArchiveError.None, await new ArchiveAccess(db, Driver.Time, feed, notices).RecordReturnAsync(other, approved.Id));
        }

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-kind=ArchiveLoanOverdue]")));
        cut.Find("[data-test=notice-filter] button:last-child").Click();
        cut.WaitForAssertion(() => Assert.Contains("查阅已结束", cut.Find("[data-kind=ArchiveLoanOverdue]").Closest("tr")!.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_queue_s_unread_list_names_the_request_and_leads_to_the_requests_in_english()
    {
        var ctx = Open("en");
        var (approved, _, _) = await DecidedRequestsAsync();
        ctx.SignInAs(Driver.HandlerOf(DepartmentCatalog.Quality));

        var cut = ctx.RenderPage<Queue>();

        var item = cut.WaitForElement("[data-test=notifications] [data-notice=ArchiveRequestApproved]");
        Assert.Contains("Archive access request approved", item.TextContent, StringComparison.Ordinal);
        Assert.Contains($"{approved.Number} · Archive access request", item.TextContent, StringComparison.Ordinal);
        Assert.Equal("/archive/requests", (item.GetAttribute("href") ?? item.QuerySelector("a")?.GetAttribute("href")));
    }
}
