using Bunit;
using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Components.Cases;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Components.Layout;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Components.Home;

/// <summary>The home page's 待我处理 counts follow the work while the page is open: a case dispatched to the department counts at once.</summary>
public sealed class HomeWorkTests : CasePageTest
{
    private CasePageContext OpenHome(NoticeFeed feed) => OpenAnother("zh-Hans", feed, services =>
    {
        services.AddScoped<CurrentUserSummary>();
        services.AddSingleton<ArchiveFeed>();
        services.AddSingleton<SpotCheckFeed>();
        services.AddSingleton<WorkingCalendarCache>();
        services.AddScoped<ArchiveCatalog>();
        services.AddScoped<RectificationNotices>();
        services.AddScoped<CaseChecking>();
    });

    [Fact]
    public async Task A_case_dispatched_to_the_department_is_counted_on_its_head_s_open_home_page_at_once()
    {
        var feed = new NoticeFeed();
        var screen = OpenHome(feed);
        var head = Driver.HeadOf(DepartmentCatalog.Quality);
        screen.SignInAs(head);
        var page = screen.RenderPage<ComplaintPortal.Web.Features.Home.Home>();
        string Count(string tile) => page.Find($"[data-tile={tile}] [data-test=work-count]").TextContent.Trim();
        page.WaitForAssertion(() => Assert.Equal("0", Count("queue")));
        Assert.Empty(page.FindAll("[data-test=soonest-due]"));
        var unreadBefore = int.Parse(Count("unread"), System.Globalization.CultureInfo.InvariantCulture);

        var id = (await Driver.RegisterAsync()).Id;
        await Driver.AssessAsync(id);
        await Driver.AcknowledgeAsync(id);
        var version = await screen.WithDbAsync(db => db.Complaints.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());
        await using (var db = Database.CreateContext(new NoticeCommitSignal(feed)))
        {
            var result = await new ComplaintWorkflow(db, Driver.Time).ExecuteAsync(id, version, WorkflowAction.Dispatch,
                new() { DepartmentIds = [Driver.DepartmentId(DepartmentCatalog.Quality)] }, Driver.Clerk);
            Assert.True(result.Succeeded, result.Error.ToString());
        }

        page.WaitForAssertion(() => Assert.Equal("1", Count("queue")));
        // Nobody owns the new task yet: the head has one to assign.
        Assert.Equal("1", Count("unassigned"));
        Assert.True(int.Parse(Count("unread"), System.Globalization.CultureInfo.InvariantCulture) > unreadBefore);
        // and it heads the list of cases due soonest, which was not there before.
        var number = await screen.WithDbAsync(db => db.Complaints.Where(c => c.Id == id).Select(c => c.CaseNumber).SingleAsync());
        Assert.Equal([number], page.FindAll("[data-test=soonest-due-list] li").Select(r => r.GetAttribute("data-case-row")));
        Assert.Equal(CaseStage.InDepartments, await screen.WithDbAsync(db => db.Complaints.Where(c => c.Id == id).Select(c => c.Stage).SingleAsync()));
    }

    [Fact]
    public async Task A_case_closed_out_of_another_department_s_queue_leaves_the_head_s_home_as_it_was_and_one_out_of_theirs_counts_again()
    {
        var feed = new NoticeFeed();
        var screen = OpenHome(feed);
        var head = Driver.HeadOf(DepartmentCatalog.Quality);
        var mine = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var theirs = await Driver.RegisterAsync();
        await Driver.AssessAsync(theirs.Id);
        await Driver.AcknowledgeAsync(theirs.Id);
        theirs = await Driver.DispatchAsync(theirs.Id, DepartmentCatalog.Engineering);
        screen.SignInAs(head);
        var page = screen.RenderPage<ComplaintPortal.Web.Features.Home.Home>();
        string Count() => page.Find("[data-tile=queue] [data-test=work-count]").TextContent.Trim();
        page.WaitForAssertion(() => Assert.Equal("1", Count()));

        // Two more cases reach the department unannounced, so that any count would show on the page.
        for (var i = 0; i < 2; i++)
        {
            await Driver.CaseInStageAsync(CaseStage.InDepartments);
        }

        // Engineering's case is withdrawn: the quality head's page does not count again (one render passes on its dispatcher).
        await WithdrawAnnouncedAsync(theirs, feed);
        await page.InvokeAsync(() => { });
        await page.InvokeAsync(() => { });
        Assert.Equal("1", Count());

        // Their own case is withdrawn: the page counts again, and finds the two that came meanwhile.
        await WithdrawAnnouncedAsync(mine, feed);
        page.WaitForAssertion(() => Assert.Equal("2", Count()));
    }

    [Fact]
    public async Task The_head_s_home_lists_the_five_cases_due_soonest_most_overdue_first_and_not_those_waiting_for_the_customer()
    {
        var feed = new NoticeFeed();
        var screen = OpenHome(feed);
        var head = Driver.HeadOf(DepartmentCatalog.Quality);
        // Six cases reach the quality department a day apart, so their deadlines fall a day apart; one more waits for the customer.
        var dispatched = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            dispatched.Add((await Driver.CaseInStageAsync(CaseStage.InDepartments)).CaseNumber);
            Driver.Time.Advance(TimeSpan.FromDays(1));
        }

        var waiting = (await Driver.CaseInStageAsync(CaseStage.WaitingForCustomer)).CaseNumber;
        screen.SignInAs(head);
        var page = screen.RenderPage<ComplaintPortal.Web.Features.Home.Home>();

        page.WaitForAssertion(() => Assert.Equal("7", page.Find("[data-tile=queue] [data-test=work-count]").TextContent.Trim()));
        var rows = page.FindAll("[data-test=soonest-due-list] li");
        Assert.Equal(dispatched.Take(ComplaintPortal.Web.Features.Home.WorkSummary.SoonestShown), rows.Select(r => r.GetAttribute("data-case-row")));
        Assert.DoesNotContain(waiting, page.Find("[data-test=soonest-due]").TextContent, StringComparison.Ordinal);
        // Each links to its case and counts down from the page's read, in the organisation's words and time.
        var first = rows[0];
        Assert.Equal($"/cases/{dispatched[0]}", first.QuerySelector("a[data-case]")!.GetAttribute("href"));
        Assert.Equal("部门处理中", first.QuerySelector(".portal-soonest-stage")!.TextContent.Trim());
        Assert.NotNull(first.QuerySelector("portal-countdown[due]"));
        Assert.Equal("/cases/queue?sort=due", page.Find("[data-test=soonest-due-all]").GetAttribute("href"));
        // The oldest is overdue by now (its countdown reads so); the newest is not.
        Assert.Contains("已超期", first.QuerySelector("portal-countdown")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("已超期", rows[^1].QuerySelector("portal-countdown")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_due_in_a_year_whose_holidays_are_not_entered_is_marked_provisional_on_the_home_list_as_in_the_queue()
    {
        var screen = OpenHome(new NoticeFeed());
        // Dispatched on the last days of 2026: the department's limit reaches into 2027, whose holidays the calendar does not know.
        Driver.Time.Set(new DateTimeOffset(2026, 12, 30, 2, 0, 0, TimeSpan.Zero));
        var late = (await Driver.CaseInStageAsync(CaseStage.InDepartments)).CaseNumber;
        screen.SignInAs(Driver.HeadOf(DepartmentCatalog.Quality));

        var page = screen.RenderPage<ComplaintPortal.Web.Features.Home.Home>();

        var row = page.WaitForElement($"[data-test=soonest-due-list] li[data-case-row='{late}']");
        Assert.Contains("暂定", row.QuerySelector("[data-test=provisional]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector(".portal-soonest-due portal-countdown[due]"));
    }

    [Fact]
    public async Task A_home_without_a_running_clock_in_its_queue_has_no_list_of_cases_due()
    {
        var screen = OpenHome(new NoticeFeed());
        await Driver.CaseInStageAsync(CaseStage.WaitingForCustomer);
        screen.SignInAs(Driver.HeadOf(DepartmentCatalog.Quality));

        var page = screen.RenderPage<ComplaintPortal.Web.Features.Home.Home>();

        page.WaitForAssertion(() => Assert.Equal("1", page.Find("[data-tile=queue] [data-test=work-count]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-test=soonest-due]"));
        // No kept searches: no row for them.
        Assert.Empty(page.FindAll("[data-test=home-saved-searches]"));
    }

    [Fact]
    public async Task The_home_page_offers_the_persons_own_kept_searches_each_a_link_to_it()
    {
        var screen = OpenHome(new NoticeFeed());
        var head = Driver.HeadOf(DepartmentCatalog.Quality);
        await using (var db = Database.CreateContext())
        {
            await new SavedSearches(db).SaveAsync(head, "本部门·最早到期", "?stage=InDepartments&sort=due", Driver.Time.GetUtcNow());
            await new SavedSearches(db).SaveAsync(Driver.HandlerOf(DepartmentCatalog.Quality), "别人的查询", "?q=1", Driver.Time.GetUtcNow());
        }

        screen.SignInAs(head);
        var page = screen.RenderPage<ComplaintPortal.Web.Features.Home.Home>();

        var link = page.WaitForElement("[data-test=home-saved-searches] [data-saved]");
        Assert.Equal(("本部门·最早到期", "/cases/search?stage=InDepartments&sort=due"), (link.GetAttribute("data-saved"), link.GetAttribute("href")));
        Assert.Single(page.FindAll("[data-test=home-saved-searches] [data-saved]"));
    }

    [Fact]
    public void A_closed_case_concerns_the_home_pages_counting_its_queues_or_a_notice_about_it()
    {
        static ActingUser User(int? department, params string[] roles) => new("u-" + string.Join('-', roles), "someone", department, new HashSet<string>(roles));
        var clerk = User(1, PortalRoles.IntakeClerk);
        var leader = User(2, PortalRoles.Leadership);
        var quality = User(3, PortalRoles.DepartmentHandler);
        var supervisor = User(4, PortalRoles.Supervisor);
        var archivist = User(5, PortalRoles.ArchiveClerk);
        ActingUser[] everyone = [clerk, leader, quality, supervisor, archivist];
        var noNotices = new UnreadTally(0, []);
        var noticeAbout9 = new UnreadTally(1, [9]);
        bool[] Concerned(NoticesChanged change, UnreadTally? tally) =>
            [.. everyone.Select(u => ComplaintPortal.Web.Features.Home.WorkSummary.Concerns(change, u, tally))];

        // Out of customer service's queue: the clerk's page counts again; no one else's, unless they count a notice on the case.
        var fromCallback = new NoticesChanged([], [9], QueuesLeft: new QueuesLeft(true, false, []));
        Assert.Equal([true, false, false, false, false], Concerned(fromCallback, noNotices));
        Assert.Equal([true, true, true, true, true], Concerned(fromCallback, noticeAbout9));
        Assert.Equal([true, true, true, true, true], Concerned(fromCallback, null));
        // Out of department 3's queue and leadership's (escalated).
        Assert.Equal([false, true, true, false, false], Concerned(new NoticesChanged([], [9], QueuesLeft: new QueuesLeft(false, true, [3])), noNotices));
        // Queues not known (an older server's signal): every page with a queue counts again, the others only for their notices.
        Assert.Equal([true, true, true, false, false], Concerned(new NoticesChanged([], [9]), noNotices));
        // A notice to the supervisors concerns them whatever closed.
        Assert.Equal([false, false, false, true, false], Concerned(new NoticesChanged([new NoticeAddress(null, PortalRoles.Supervisor, null)], []), noNotices));
    }

    [Fact]
    public async Task The_head_counts_the_department_s_improvement_actions_the_leader_those_to_verify_and_both_follow_each_step()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var feed = new NoticeFeed();
        var headScreen = OpenHome(feed);
        var head = Driver.HeadOf(DepartmentCatalog.Quality);
        headScreen.SignInAs(head);
        var headPage = headScreen.RenderPage<ComplaintPortal.Web.Features.Home.Home>();
        var leaderScreen = OpenHome(feed);
        leaderScreen.SignInAs(Driver.Leader);
        var leaderPage = leaderScreen.RenderPage<ComplaintPortal.Web.Features.Home.Home>();
        headPage.WaitForAssertion(() => Assert.Equal("0", headPage.Find("[data-tile=improvements] [data-test=work-count]").TextContent.Trim()));
        leaderPage.WaitForAssertion(() => Assert.Equal("0", leaderPage.Find("[data-tile=improvements-to-verify] [data-test=work-count]").TextContent.Trim()));
        Assert.Empty(headPage.FindAll("[data-tile=improvements-to-verify]"));

        // Raised, saved as the portal saves: the head's open page counts it at once.
        Domain.Reporting.ImprovementAction action;
        await using (var db = Database.CreateContext(new NoticeCommitSignal(feed)))
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Driver.Time.GetUtcNow(), zone).DateTime);
            action = (await new Domain.Reporting.Improvements(db, Driver.Time).RaiseAsync(new Domain.Reporting.ImprovementDraft("密封圈来料复检", "热点",
                null, Driver.DepartmentId(DepartmentCatalog.Quality), today.AddDays(3), "逐批检验"), Driver.Leader, zone)).Action!;
        }

        headPage.WaitForAssertion(() => Assert.Equal("1", headPage.Find("[data-tile=improvements] [data-test=work-count]").TextContent.Trim()));
        var tile = headPage.Find("[data-tile=improvements]");
        Assert.Equal(("Attention", "/reports/improvements?show=open"), (tile.GetAttribute("data-tone"), tile.GetAttribute("href")));
        Assert.Contains("改进措施进行中", tile.TextContent, StringComparison.Ordinal);

        // Reported done: it leaves the head's count and joins the leader's to verify.
        await using (var db = Database.CreateContext(new NoticeCommitSignal(feed)))
        {
            Assert.True((await new Domain.Reporting.Improvements(db, Driver.Time).ReportDoneAsync(action.Id, action.Version, "已完成", head)).Succeeded);
        }

        headPage.WaitForAssertion(() => Assert.Equal("0", headPage.Find("[data-tile=improvements] [data-test=work-count]").TextContent.Trim()));
        leaderPage.WaitForAssertion(() => Assert.Equal("1", leaderPage.Find("[data-tile=improvements-to-verify] [data-test=work-count]").TextContent.Trim()));
        Assert.Equal("/reports/improvements?show=done", leaderPage.Find("[data-tile=improvements-to-verify]").GetAttribute("href"));

        // One past its date reads late and leads to the overdue ones.
        await using (var db = Database.CreateContext())
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Driver.Time.GetUtcNow(), zone).DateTime);
            Assert.True((await new Domain.Reporting.Improvements(db, Driver.Time).RaiseAsync(new Domain.Reporting.ImprovementDraft("工艺复盘", "热点",
                null, Driver.DepartmentId(DepartmentCatalog.Quality), today.AddDays(1), "复盘"), Driver.Leader, zone)).Succeeded);
        }

        Driver.Time.Advance(TimeSpan.FromDays(3));
        var later = OpenHome(new NoticeFeed());
        later.SignInAs(head);
        var latePage = later.RenderPage<ComplaintPortal.Web.Features.Home.Home>();
        latePage.WaitForAssertion(() => Assert.Equal(("1", "Late", "/reports/improvements?show=overdue"),
            (latePage.Find("[data-tile=improvements] [data-test=work-count]").TextContent.Trim(), latePage.Find("[data-tile=improvements]").GetAttribute("data-tone"),
                latePage.Find("[data-tile=improvements]").GetAttribute("href"))));
    }
}
