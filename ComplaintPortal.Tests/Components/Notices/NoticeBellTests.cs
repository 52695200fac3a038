using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Components.Cases;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Web.Features.Notices;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Components.Notices;

/// <summary>The app bar's bell (in the layout) and the notices page, on the portal's services and one in-process feed.</summary>
public sealed class NoticeBellTests : CasePageTest
{
    [Fact]
    public async Task A_notice_reaches_the_right_person_only_and_the_bell_updates_live()
    {
        var feed = new NoticeFeed();
        var complaint = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var owner = Driver.HandlerOf(DepartmentCatalog.Quality);
        var head = Driver.HeadOf(DepartmentCatalog.Quality);
        var ownerScreen = OpenAnother("zh-Hans", feed, PortalLayoutTesting.AddLayoutServices);
        ownerScreen.SignInAs(owner);
        // The owner's screen: the layout's app bar and its bell with the notices page in it.
        var ownerBell = ownerScreen.RenderLayout(b =>
        {
            b.OpenComponent<ComplaintPortal.Web.Features.Notices.Notices>(0);
            b.CloseComponent();
        });
        var page = ownerBell;
        var headScreen = OpenAnother("zh-Hans", feed, PortalLayoutTesting.AddLayoutServices);
        headScreen.SignInAs(head);
        var headBell = headScreen.RenderLayout(_ => { });
        var ownerBefore = Count(ownerBell);
        var headBefore = Count(headBell);

        // A deadline notice to the task's owner by name, saved as every writer saves (the commit signal publishes it).
        await using (var db = Database.CreateContext(new NoticeCommitSignal(feed)))
        {
            db.Notifications.Add(Notification.ToPerson(owner.UserId, complaint.Id, NotificationKind.DeadlineOverdue,
                $"{complaint.CaseNumber}: DepartmentTask#{Driver.HeadOf(DepartmentCatalog.Quality).DepartmentId} due 2026-03-10T10:00Z", Driver.Time.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        ownerBell.WaitForAssertion(() => Assert.Equal(ownerBefore + 1, Count(ownerBell)));
        Assert.Equal("true", ownerBell.Find("[data-test=notice-bell]").GetAttribute("data-live"));
        Assert.Equal((ownerBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), ownerBell.Find(".mud-badge[role=status]").TextContent);
        Assert.Equal(headBefore, Count(headBell));
        // The rest of the app bar around the bell: the person's department and menu.
        Assert.NotNull(ownerBell.Find("[data-test=appbar-department] .mud-chip-content"));
        Assert.Equal(owner.Name, ownerBell.Find("[data-test=user-menu] summary").TextContent.Trim());

        // The owner's list: the notice in words with its case; reading it counts the bell down at once.
        var row = page.WaitForElement("[data-kind=DeadlineOverdue]");
        Assert.Contains("2026/3/10 18:00 到期", page.Find("[data-test=notice-detail]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("DepartmentTask", page.Find("[data-test=notices]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find($"[data-case='{complaint.CaseNumber}']"));
        Assert.NotNull(row);
        var unreadBefore = page.FindAll("[data-test=mark-read]").Count;
        await page.InvokeAsync(() => page.FindAll("[data-test=mark-read]")[0].Click());

        ownerBell.WaitForAssertion(() => Assert.Equal(ownerBefore, Count(ownerBell)));
        page.WaitForAssertion(() => Assert.Equal(unreadBefore - 1, page.FindAll("[data-test=mark-read]").Count));
        Assert.Equal(headBefore, Count(headBell));
    }

    [Fact]
    public async Task A_notice_saved_by_someone_in_another_language_leaves_the_owners_screen_in_the_owners_language()
    {
        var feed = new NoticeFeed();
        var complaint = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var owner = Driver.HandlerOf(DepartmentCatalog.Quality);
        var ownerScreen = OpenAnother("zh-Hans", feed, PortalLayoutTesting.AddLayoutServices);
        ownerScreen.SignInAs(owner);
        var screen = ownerScreen.RenderLayout(b =>
        {
            b.OpenComponent<ComplaintPortal.Web.Features.Notices.Notices>(0);
            b.CloseComponent();
        });
        var before = Count(screen);
        var menu = screen.Find("nav").TextContent;

        // Saved on a colleague's thread, whose language is English; the feed calls the owner's circuit from there.
        await Task.Run(async () =>
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("en");
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en");
            await using var db = Database.CreateContext(new NoticeCommitSignal(feed));
            db.Notifications.Add(Notification.ToPerson(owner.UserId, complaint.Id, NotificationKind.DeadlineOverdue,
                $"{complaint.CaseNumber}: DepartmentTask#{owner.DepartmentId} due 2026-03-10T10:00Z", Driver.Time.GetUtcNow()));
            await db.SaveChangesAsync();
        });

        screen.WaitForAssertion(() => Assert.Equal(before + 1, Count(screen)));
        screen.WaitForAssertion(() => Assert.NotNull(screen.Find("[data-kind=DeadlineOverdue]")));
        var zh = System.Globalization.CultureInfo.GetCultureInfo("zh-Hans");
        var bell = string.Format(zh, ComplaintPortal.Web.Resources.DeadlineText.ResourceManager.GetString("Notices_Bell", zh)!, before + 1);
        Assert.Equal(bell, screen.Find("[data-test=notice-bell]").GetAttribute("title"));
        Assert.Equal(menu, screen.Find("nav").TextContent);
        Assert.Contains("2026/3/10 18:00 到期", screen.Find("[data-test=notice-detail]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_closed_recounts_only_the_bells_counting_a_notice_about_it()
    {
        var feed = new NoticeFeed();
        var mine = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var elsewhere = await Driver.RegisterAsync();
        var owner = Driver.HandlerOf(DepartmentCatalog.Quality);
        await NoticeAsync(owner, mine);
        var screen = OpenAnother("zh-Hans", feed, PortalLayoutTesting.AddLayoutServices);
        screen.SignInAs(owner);
        var principal = (await screen.Services.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync()).User;
        using var bell = new NoticeBell(feed, screen.Services.GetRequiredService<IServiceScopeFactory>());
        var recounts = new List<Task>();
        await bell.StartAsync(principal, live: true, work =>
        {
            var recount = work();
            recounts.Add(recount);
            return recount;
        }, () => { });
        var before = bell.Unread;
        Assert.Equal(1, before);

        // A second notice slips in unannounced, so that any recount would show in the bell.
        await NoticeAsync(owner, mine);

        // A case the owner has no notice about is withdrawn: the bell does not count again.
        await Driver.DoAsync(elsewhere.Id, WorkflowAction.Withdraw, new() { Note = "客户撤诉" }, Driver.Clerk);
        feed.Publish(new NoticesChanged([], [elsewhere.Id]));
        Assert.Empty(recounts);
        Assert.Equal(before, bell.Unread);

        // Their own case is withdrawn: the bell counts again, and its notices leave the count.
        await Driver.DoAsync(mine.Id, WorkflowAction.Withdraw, new() { Note = "客户撤诉" }, Driver.Clerk);
        feed.Publish(new NoticesChanged([], [mine.Id]));
        await Task.WhenAll(Assert.Single(recounts));
        Assert.Equal(0, bell.Unread);
    }

    private async Task NoticeAsync(ActingUser owner, Complaint complaint)
    {
        await using var db = Database.CreateContext();
        db.Notifications.Add(Notification.ToPerson(owner.UserId, complaint.Id, NotificationKind.DeadlineDueSoon, complaint.CaseNumber, Driver.Time.GetUtcNow()));
        await db.SaveChangesAsync();
    }

    private static int Count(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> bell) =>
        int.Parse(bell.WaitForElement("[data-test=notice-bell]").GetAttribute("data-count")!, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Opening_a_case_reads_the_person_s_notices_about_it_and_their_bell_elsewhere_counts_down()
    {
        var feed = new NoticeFeed();
        var opened = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var other = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var head = Driver.HeadOf(DepartmentCatalog.Quality);
        var elsewhere = OpenAnother("zh-Hans", feed, PortalLayoutTesting.AddLayoutServices);
        elsewhere.SignInAs(head);
        var bell = elsewhere.RenderLayout(_ => { });
        var before = Count(bell);
        Assert.True(before >= 2);

        var screen = OpenAnother("zh-Hans", feed, PortalLayoutTesting.AddLayoutServices);
        screen.SignInAs(head);
        var page = screen.RenderLayout(b =>
        {
            b.OpenComponent<ComplaintPortal.Web.Features.Cases.CaseDetail>(0);
            b.AddAttribute(1, nameof(ComplaintPortal.Web.Features.Cases.CaseDetail.Number), opened.CaseNumber);
            b.CloseComponent();
        });

        page.WaitForElement("[data-test=case-number]");
        bell.WaitForAssertion(() => Assert.Equal(before - 1, Count(bell)));
        page.WaitForAssertion(() => Assert.Equal(before - 1, Count(page)));
        await using var db = Database.CreateContext();
        var unread = await new NoticeBook(db).UnreadAsync(head);
        Assert.DoesNotContain(unread, n => n.ComplaintId == opened.Id);
        Assert.Contains(unread, n => n.ComplaintId == other.Id);
    }

    [Fact]
    public async Task The_notices_page_reads_its_list_again_when_a_case_it_shows_closes_not_when_another_does()
    {
        var feed = new NoticeFeed();
        var mine = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var elsewhere = await Driver.RegisterAsync();
        var owner = Driver.HandlerOf(DepartmentCatalog.Quality);
        await NoticeAsync(owner, mine);
        var screen = OpenAnother("zh-Hans", feed, PortalLayoutTesting.AddLayoutServices);
        screen.SignInAs(owner);
        var page = screen.RenderLayout(b =>
        {
            b.OpenComponent<ComplaintPortal.Web.Features.Notices.Notices>(0);
            b.CloseComponent();
        });
        string[] Cases() => [.. page.FindAll("[data-test=notices] [data-case]").Select(a => a.TextContent.Trim()).Distinct()];
        page.WaitForAssertion(() => Assert.Equal([mine.CaseNumber], Cases()));

        // Another case reaches the department with a notice to the owner, unannounced, so that any reading of the list would show it.
        var later = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        await NoticeAsync(owner, later);

        // A case the list does not show closes: the page stays as it was (its dispatcher has run what it had).
        await WithdrawAnnouncedAsync(elsewhere, feed);
        await page.InvokeAsync(() => { });
        await page.InvokeAsync(() => { });
        Assert.Equal([mine.CaseNumber], Cases());

        // The case it shows closes: its notice leaves the unread list, and the list read again shows the other.
        await WithdrawAnnouncedAsync(mine, feed);
        page.WaitForAssertion(() => Assert.Equal([later.CaseNumber], Cases()));
    }

    [Fact]
    public void A_closed_case_concerns_a_notices_page_that_shows_it_or_may_lose_it()
    {
        var reader = new ActingUser("u-1", "读者", 3, new HashSet<string> { PortalRoles.DepartmentHandler });
        var closed9 = new NoticesChanged([], [9]);
        bool Concerns(NoticesChanged change, ShownNotices? shown) => ComplaintPortal.Web.Features.Notices.Notices.Concerns(change, reader, shown);

        Assert.True(Concerns(closed9, null));
        Assert.True(Concerns(closed9, new ShownNotices(new HashSet<int> { 9 }, Whole: true, UnreadOnly: false)));
        Assert.False(Concerns(closed9, new ShownNotices(new HashSet<int> { 8 }, Whole: false, UnreadOnly: false)));
        Assert.False(Concerns(closed9, new ShownNotices(new HashSet<int> { 8 }, Whole: true, UnreadOnly: true)));
        // The unread list past its first page may lose a notice it does not show.
        Assert.True(Concerns(closed9, new ShownNotices(new HashSet<int> { 8 }, Whole: false, UnreadOnly: true)));
        Assert.True(Concerns(new NoticesChanged([new NoticeAddress("u-1", null, null)], []), new ShownNotices(new HashSet<int>(), Whole: true, UnreadOnly: true)));
    }

    [Fact]
    public async Task Mark_all_read_asks_first_naming_how_many_and_cancel_leaves_them_unread()
    {
        var feed = new NoticeFeed();
        var complaint = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var owner = Driver.HandlerOf(DepartmentCatalog.Quality);
        await NoticeAsync(owner, complaint);
        await NoticeAsync(owner, complaint);
        var screen = OpenAnother("zh-Hans", feed, PortalLayoutTesting.AddLayoutServices);
        screen.SignInAs(owner);
        Task<int> UnreadAsync() => screen.WithDbAsync(db => new NoticeBook(db).CountUnreadAsync(owner));
        var unread = await UnreadAsync();
        Assert.True(unread >= 2);
        var page = screen.RenderLayout(b =>
        {
            b.OpenComponent<ComplaintPortal.Web.Features.Notices.Notices>(0);
            b.CloseComponent();
        });
        page.WaitForElement("[data-test=notices] [data-case]");

        // Click, not ClickAsync: the handler waits for the dialog's answer, which the test gives next.
        page.Find("[data-test=mark-all-read]").Click();
        var dialog = page.WaitForElement(".mud-dialog");
        Assert.Contains("将全部通知标为已读？", dialog.TextContent, StringComparison.Ordinal);
        Assert.Contains($"您的 {unread} 条未读通知", dialog.TextContent, StringComparison.Ordinal);
        Assert.Contains("不能改回未读", dialog.TextContent, StringComparison.Ordinal);
        dialog.QuerySelectorAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "取消").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-dialog")));
        Assert.Equal(unread, await UnreadAsync());

        page.Find("[data-test=mark-all-read]").Click();
        page.WaitForElement(".mud-dialog .mud-dialog-actions").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "全部标为已读").Click();
        page.WaitForElement("[data-test=no-notices]");
        Assert.Equal(0, await UnreadAsync());
    }

    [Fact]
    public async Task The_notices_page_sorts_on_the_server_by_the_time_or_case_header_clicked()
    {
        var feed = new NoticeFeed();
        var older = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var newer = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var owner = Driver.HandlerOf(DepartmentCatalog.Quality);
        await using (var db = Database.CreateContext())
        {
            var now = Driver.Time.GetUtcNow();
            db.Notifications.Add(Notification.ToPerson(owner.UserId, older.Id, NotificationKind.DeadlineDueSoon, older.CaseNumber, now.AddHours(-2)));
            db.Notifications.Add(Notification.ToPerson(owner.UserId, newer.Id, NotificationKind.DeadlineOverdue, newer.CaseNumber, now.AddHours(-1)));
            await db.SaveChangesAsync();
        }

        var screen = OpenAnother("zh-Hans", feed, PortalLayoutTesting.AddLayoutServices);
        screen.SignInAs(owner);
        var page = screen.RenderLayout(b =>
        {
            b.OpenComponent<ComplaintPortal.Web.Features.Notices.Notices>(0);
            b.CloseComponent();
        });
        string[] Cases() => [.. page.FindAll("[data-test=notices] [data-case]").Select(a => a.TextContent.Trim()).Where(c => c == older.CaseNumber || c == newer.CaseNumber)];
        async Task ClickAsync(string header) =>
            await page.FindAll("[data-test=notices] thead th").Single(th => th.TextContent.Contains(header, StringComparison.Ordinal))
                .QuerySelector(".sortable-column-header")!.ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal([newer.CaseNumber, older.CaseNumber], Cases()));
        await ClickAsync("时间");
        page.WaitForAssertion(() => Assert.Equal([older.CaseNumber, newer.CaseNumber], Cases()));
        await ClickAsync("时间");
        page.WaitForAssertion(() => Assert.Equal([newer.CaseNumber, older.CaseNumber], Cases()));
        await ClickAsync("事项");
        page.WaitForAssertion(() => Assert.Equal(new[] { older.CaseNumber, newer.CaseNumber }.Order(StringComparer.Ordinal), Cases()));
    }

    [Fact]
    public async Task Past_ten_thousand_the_list_of_all_notices_says_more_than_and_the_unread_count_stays_exact()
    {
        var feed = new NoticeFeed();
        var complaint = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var owner = Driver.HandlerOf(DepartmentCatalog.Quality);
        await using (var db = Database.CreateContext())
        {
            var now = Driver.Time.GetUtcNow();
            db.Notifications.AddRange(Enumerable.Range(1, NoticeBook.TotalCap + 5).Select(i => new Notification(PortalRoles.DepartmentHandler,
                owner.DepartmentId, complaint.Id, NotificationKind.DeadlineDueSoon, $"{complaint.CaseNumber}: {i}", now.AddSeconds(-i))));
            await db.SaveChangesAsync();
        }

        await using var read = Database.CreateContext();
        var expectedUnread = await read.Notifications.CountAsync(n => n.RecipientUserId == null
            && n.RecipientRole == PortalRoles.DepartmentHandler && (n.RecipientDepartmentId == null || n.RecipientDepartmentId == owner.DepartmentId));
        var screen = OpenAnother("zh-Hans", feed, PortalLayoutTesting.AddLayoutServices);
        screen.SignInAs(owner);
        var page = screen.RenderLayout(b =>
        {
            b.OpenComponent<ComplaintPortal.Web.Features.Notices.Notices>(0);
            b.CloseComponent();
        });
        string Pager() => page.FindAll("[data-test=notices] .mud-table-pagination-caption").Last().TextContent.Trim();

        // Unread: counted whole, in MudBlazor's own words.
        page.WaitForAssertion(() => Assert.Equal($"第 1–25 条，共 {expectedUnread:N0} 条", Pager()));
        await page.FindAll("[data-test=notice-filter] .mud-toggle-item")[1].ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal($"第 1–25 条，共 {NoticeBook.TotalCap:N0} 多条", Pager()));
    }

    [Fact]
    public async Task A_notice_never_read_whose_case_has_ended_is_shown_as_ended_with_nothing_to_mark()
    {
        var feed = new NoticeFeed();
        var open = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var closed = await Driver.CaseInStageAsync(CaseStage.Closed);
        var owner = Driver.HandlerOf(DepartmentCatalog.Quality);
        await using (var db = Database.CreateContext())
        {
            var now = Driver.Time.GetUtcNow();
            db.Notifications.Add(Notification.ToPerson(owner.UserId, open.Id, NotificationKind.DeadlineDueSoon, open.CaseNumber, now.AddHours(-2)));
            db.Notifications.Add(Notification.ToPerson(owner.UserId, closed.Id, NotificationKind.DeadlineOverdue, closed.CaseNumber, now.AddHours(-1)));
            await db.SaveChangesAsync();
        }

        var screen = OpenAnother("zh-Hans", feed, PortalLayoutTesting.AddLayoutServices);
        screen.SignInAs(owner);
        var page = screen.RenderLayout(b =>
        {
            b.OpenComponent<ComplaintPortal.Web.Features.Notices.Notices>(0);
            b.CloseComponent();
        });
        AngleSharp.Dom.IElement Row(string number) => page.FindAll("[data-test=notices] tbody tr").Single(r => r.QuerySelector($"[data-case='{number}']") is not null);

        page.WaitForAssertion(() => Assert.NotNull(Row(open.CaseNumber)));
        Assert.DoesNotContain(page.FindAll("[data-test=notices] [data-case]"), a => a.TextContent.Trim() == closed.CaseNumber);
        await page.FindAll("[data-test=notice-filter] .mud-toggle-item")[1].ClickAsync(new());
        page.WaitForAssertion(() => Assert.NotNull(Row(closed.CaseNumber)));

        var ended = Row(closed.CaseNumber);
        Assert.Equal("案件已结束", ended.QuerySelector("[data-unread]")!.TextContent.Trim());
        Assert.Null(ended.QuerySelector("[data-test=mark-read]"));
        Assert.DoesNotContain("portal-unread", ended.ClassName ?? "", StringComparison.Ordinal);
        var unread = Row(open.CaseNumber);
        Assert.Equal("未读", unread.QuerySelector("[data-unread=true]")!.TextContent.Trim());
        Assert.NotNull(unread.QuerySelector("[data-test=mark-read]"));
    }
}
