using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Components.Cases;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Tests.Workflow;
using ComplaintPortal.Web.Features.Archive;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Components.Archive;

/// <summary>The archive's file view over a real database: refused without approval, watermarked with it, closed the moment access ends.</summary>
public sealed class FileViewTests : CaseDatabaseTest
{
    private readonly ArchiveFeed feed = new();
    private readonly ArchiveOptions options = new();

    private CasePageContext NewContext()
    {
        return new CasePageContext("zh-Hans", Database, Driver, more: services =>
        {
            services.AddSingleton(feed);
            services.AddScoped<ArchiveAccess>();
            services.AddScoped<ArchiveCatalog>();
            services.AddScoped<ArchiveViewers>();
            services.AddHttpContextAccessor();
        });
    }

    private async Task<string> ArchivedNumberAsync()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.Closed);
        Driver.Time.Advance(options.QuietPeriod + TimeSpan.FromMinutes(1));
        await using var db = Database.CreateContext();
        await new Archiver(db, new EvidenceStore(Path.Combine(Database.Folder, "evidence")), options, feed).RunOnceAsync(Driver.Time.GetUtcNow());
        return db.ArchivedFiles.Single(f => f.ComplaintId == complaint.Id).ArchiveNumber;
    }

    private async Task<int> ApproveAsync(string number, TimeSpan length)
    {
        await using var db = Database.CreateContext();
        var access = new ArchiveAccess(db, Driver.Time, feed);
        var now = Driver.Time.GetUtcNow();
        var (_, request) = await access.RequestAsync(Driver.HandlerOf(DepartmentCatalog.Quality), "质量追溯", new AccessScope([number], null, null, null), now, now + length);
        await access.ApproveAsync(Driver.Leader, request!.Id, null, null, null, null);
        return request.Id;
    }

    [Fact]
    public async Task Without_approval_the_page_refuses_and_shows_nothing_of_the_file()
    {
        var number = await ArchivedNumberAsync();
        await using var context = NewContext();
        context.SignInAs(Driver.HandlerOf(DepartmentCatalog.Quality));

        var page = context.RenderPage<FileView>(("Number", number));

        page.WaitForElement("[data-test=archive-refused]");
        Assert.DoesNotContain("王小明", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-test=archive-file]"));
    }

    [Fact]
    public async Task Approved_view_is_watermarked_and_closes_at_once_when_the_clerk_revokes()
    {
        var number = await ArchivedNumberAsync();
        var requestId = await ApproveAsync(number, TimeSpan.FromDays(2));
        await using var context = NewContext();
        var viewer = Driver.HandlerOf(DepartmentCatalog.Quality);
        context.SignInAs(viewer);

        var page = context.RenderPage<FileView>(("Number", number));

        var watermark = page.WaitForElement("[data-test=watermark]");
        Assert.Contains(viewer.Name, watermark.GetAttribute("data-watermark"), StringComparison.Ordinal);
        Assert.Contains("质量", watermark.GetAttribute("data-watermark"), StringComparison.Ordinal);
        Assert.Contains("王小明", page.Find("[data-test=complainant]").TextContent, StringComparison.Ordinal);

        await using (var db = Database.CreateContext())
        {
            var clerk = new Domain.Workflow.ActingUser("u-archivist", "档案员", null, new HashSet<string> { PortalRoles.ArchiveClerk });
            Assert.Equal(ArchiveError.None, await new ArchiveAccess(db, Driver.Time, feed).RevokeAsync(clerk, requestId, "用途已完成"));
        }

        page.WaitForElement("[data-test=archive-closed]");
        Assert.DoesNotContain("王小明", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Archived_process_records_are_told_by_the_case_timeline_in_the_viewers_language()
    {
        var number = await ArchivedNumberAsync();
        await ApproveAsync(number, TimeSpan.FromDays(2));
        List<Domain.Ledger.LedgerEvent> ledger;
        await using (var db = Database.CreateContext())
        {
            var caseId = db.ArchivedFiles.Single(f => f.ArchiveNumber == number).ComplaintId;
            ledger = [.. db.LedgerEvents.Where(e => e.ComplaintId == caseId).OrderBy(e => e.Sequence)];
        }

        await using var context = NewContext();
        context.SignInAs(Driver.HandlerOf(DepartmentCatalog.Quality));

        var page = context.RenderPage<FileView>(("Number", number));

        var archived = page.WaitForElement("[data-test=archived-ledger]");
        var text = archived.TextContent;
        Assert.Equal(ledger.Count, archived.QuerySelectorAll("[data-ledger-action]").Length);
        Assert.Contains("已登记", text, StringComparison.Ordinal);
        Assert.Contains("质量部", text, StringComparison.Ordinal);
        var clock = context.Services.GetRequiredService<global::ComplaintPortal.Web.Hosting.OrganisationClock>();
        Assert.Contains(clock.Format(ledger[0].OccurredAt), text, StringComparison.Ordinal);
        Assert.Equal("True", archived.QuerySelector("[data-test=ledger-verification]")!.GetAttribute("data-intact"));
        // Raw notes (key=value), ISO instants and machine names never reach the reader.
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}T|=", text);
        Assert.All(Enum.GetNames<Domain.Workflow.WorkflowAction>().Concat(Enum.GetNames<CaseStage>()),
            name => Assert.DoesNotContain(name, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Open_view_closes_by_itself_when_the_approved_period_ends()
    {
        var number = await ArchivedNumberAsync();
        await ApproveAsync(number, TimeSpan.FromSeconds(1));
        await using var context = NewContext();
        context.SignInAs(Driver.HandlerOf(DepartmentCatalog.Quality));

        var page = context.RenderPage<FileView>(("Number", number));
        page.WaitForElement("[data-test=archive-file]");
        Driver.Time.Advance(TimeSpan.FromSeconds(2));

        page.WaitForElement("[data-test=archive-closed]");
        Assert.Empty(page.FindAll("[data-test=archive-file]"));
    }

    [Fact]
    public async Task Open_or_closed_the_view_leads_back_to_my_access_requests()
    {
        var number = await ArchivedNumberAsync();
        await ApproveAsync(number, TimeSpan.FromSeconds(1));
        await using var context = NewContext();
        context.SignInAs(Driver.HandlerOf(DepartmentCatalog.Quality));
        var myRequests = typeof(MyRequests).GetCustomAttributes(typeof(Microsoft.AspNetCore.Components.RouteAttribute), false)
            .Cast<Microsoft.AspNetCore.Components.RouteAttribute>().Single().Template;

        var page = context.RenderPage<FileView>(("Number", number));
        page.WaitForElement("[data-test=archive-file]");
        Assert.Equal(myRequests, page.Find("[data-test=back-to-requests]").GetAttribute("href"));
        Driver.Time.Advance(TimeSpan.FromSeconds(2));

        page.WaitForElement("[data-test=archive-closed]");
        var back = page.Find("[data-test=back-to-requests]");
        Assert.Equal(myRequests, back.GetAttribute("href"));
        Assert.Equal("返回我的查阅申请", back.TextContent.Trim());
    }

    [Fact]
    public async Task Opened_from_the_archive_s_list_the_view_leads_back_to_the_list()
    {
        var number = await ArchivedNumberAsync();
        await ApproveAsync(number, TimeSpan.FromHours(1));
        await using var context = NewContext();
        context.SignInAs(Driver.HandlerOf(DepartmentCatalog.Quality));
        context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"/archive/files/{number}?from=archive");

        var page = context.RenderPage<FileView>(("Number", number));

        page.WaitForElement("[data-test=archive-file]");
        var back = page.Find("[data-test=back-to-requests]");
        Assert.Equal("/archive", back.GetAttribute("href"));
        Assert.Equal("返回档案查询", back.TextContent.Trim());
    }

    [Fact]
    public async Task My_requests_say_who_decided_and_who_revoked_each_on_a_labelled_line()
    {
        var number = await ArchivedNumberAsync();
        var requestId = await ApproveAsync(number, TimeSpan.FromDays(2));
        await using (var db = Database.CreateContext())
        {
            var archivist = new ActingUser("u-archivist", "档案员 李静", null, new HashSet<string>([PortalRoles.ArchiveClerk], StringComparer.Ordinal));
            Assert.Equal(ArchiveError.None, await new ArchiveAccess(db, Driver.Time, feed).RevokeAsync(archivist, requestId, "申请人已调岗"));
        }

        await using var context = NewContext();
        context.SignInAs(Driver.HandlerOf(DepartmentCatalog.Quality));
        var page = context.RenderPage<MyRequests>();

        var decision = page.WaitForElement("[data-test=request-decision]");
        var lines = decision.QuerySelectorAll("div").Select(d => d.TextContent.Trim()).ToList();
        Assert.Equal([$"审批人：{Driver.Leader.Name}", "撤销人：档案员 李静 · 申请人已调岗"], lines);
    }

    [Fact]
    public async Task My_requests_are_mine_only_counted_by_state_and_found_by_number_or_purpose()
    {
        var number = await ArchivedNumberAsync();
        var approved = await ApproveAsync(number, TimeSpan.FromDays(2));
        int waiting;
        await using (var db = Database.CreateContext())
        {
            var access = new ArchiveAccess(db, Driver.Time, feed);
            var now = Driver.Time.GetUtcNow();
            var scope = new AccessScope([number], null, null, null);
            waiting = (await access.RequestAsync(Driver.HandlerOf(DepartmentCatalog.Quality), "年度复盘", scope, now, now.AddDays(3))).Request!.Id;
            // Someone else's request: never on this person's page, whatever they search for.
            await access.RequestAsync(Driver.HandlerOf(DepartmentCatalog.Engineering), "工艺复核", scope, now, now.AddDays(3));
        }

        await using var context = NewContext();
        context.SignInAs(Driver.HandlerOf(DepartmentCatalog.Quality));
        var page = context.RenderPage<MyRequests>();

        page.WaitForAssertion(() => Assert.Equal(["全部 (2)", "待审批 (1)", "借阅中 (1)", "已到期未归还 (0)", "已结束 (0)"],
            page.FindAll(".mud-tab").Select(t => t.TextContent.Trim())));
        int[] Shown() => [.. page.FindAll("[data-test=my-requests] [data-test=request-row]").Select(r => int.Parse(r.GetAttribute("data-request")!, System.Globalization.CultureInfo.InvariantCulture))];
        Assert.Equal([waiting, approved], Shown());
        Assert.DoesNotContain(page.FindAll("[data-test=my-requests] th"), th => th.TextContent.Contains("申请人", StringComparison.Ordinal));

        page.Find("input[data-test=request-search]").Input("复盘");
        page.WaitForAssertion(() => Assert.Equal([waiting], Shown()));
        page.Find("input[data-test=request-search]").Input(ArchiveAccessRequest.FormatNumber(approved));
        page.WaitForAssertion(() => Assert.Equal([approved], Shown()));
        page.Find("input[data-test=request-search]").Input("工艺");
        page.WaitForElement("[data-test=no-requests]");
        Assert.Empty(Shown());
    }

    [Fact]
    public async Task A_request_names_the_days_granted_only_where_the_leader_changed_them()
    {
        var number = await ArchivedNumberAsync();
        var requester = Driver.HandlerOf(DepartmentCatalog.Quality);
        var now = Driver.Time.GetUtcNow();
        int asAsked, shortened;
        await using (var db = Database.CreateContext())
        {
            var access = new ArchiveAccess(db, Driver.Time, feed);
            var (_, first) = await access.RequestAsync(requester, "复核", new AccessScope([number], null, null, null), now, now.AddDays(3));
            var (_, second) = await access.RequestAsync(requester, "复核", new AccessScope([number], null, null, null), now, now.AddDays(3));
            Assert.Equal(ArchiveError.None, await access.ApproveAsync(Driver.Leader, first!.Id, null, null, null, null));
            Assert.Equal(ArchiveError.None, await access.ApproveAsync(Driver.Leader, second!.Id, null, null, now.AddDays(1), "一天足够"));
            (asAsked, shortened) = (first.Id, second.Id);
        }

        await using var context = NewContext();
        context.SignInAs(requester);
        var page = context.RenderPage<MyRequests>();
        AngleSharp.Dom.IElement Row(int id) => page.WaitForElement($"[data-test=my-requests] [data-request='{id}']").Closest("tr")!;

        // Granted as asked: the period asked for and the status say it all, not the same days twice.
        Assert.Null(Row(asAsked).QuerySelector("[data-test=granted-period]"));
        // Granted for fewer days: those days are named under the days asked for.
        var granted = Row(shortened).QuerySelector("[data-test=granted-period]");
        Assert.NotNull(granted);
        var clock = context.Services.GetRequiredService<ComplaintPortal.Web.Hosting.OrganisationClock>();
        Assert.EndsWith("– " + clock.ToLocal(now.AddDays(1)).ToString("yyyy/M/d HH:mm", System.Globalization.CultureInfo.InvariantCulture), granted.TextContent.Trim(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_the_reader_finished_says_so_and_one_the_clerk_returned_names_the_clerk()
    {
        var number = await ArchivedNumberAsync();
        var requester = Driver.HandlerOf(DepartmentCatalog.Quality);
        var clerk = new ActingUser("u-archivist", "档案员 李静", null, new HashSet<string>([PortalRoles.ArchiveClerk], StringComparer.Ordinal));
        var now = Driver.Time.GetUtcNow();
        int finished, returned;
        await using (var db = Database.CreateContext())
        {
            var access = new ArchiveAccess(db, Driver.Time, feed);
            var (_, first) = await access.RequestAsync(requester, "复核", new AccessScope([number], null, null, null), now, now.AddDays(3));
            var (_, second) = await access.RequestAsync(requester, "复核", new AccessScope([number], null, null, null), now, now.AddDays(3));
            Assert.Equal(ArchiveError.None, await access.ApproveAsync(Driver.Leader, first!.Id, null, null, null, null));
            Assert.Equal(ArchiveError.None, await access.ApproveAsync(Driver.Leader, second!.Id, null, null, null, null));
            Assert.Equal(ArchiveError.None, await access.ConfirmFinishedAsync(requester, first.Id, new ViewerContext("质量部", "10.0.0.7")));
            Assert.Equal(ArchiveError.None, await access.RecordReturnAsync(clerk, second.Id));
            (finished, returned) = (first.Id, second.Id);
        }

        await using var context = NewContext();
        context.SignInAs(requester);
        var page = context.RenderPage<MyRequests>();
        string Ended(int id) => page.WaitForElement($"[data-test=my-requests] [data-request='{id}']").Closest("tr")!
            .QuerySelector("[data-test=request-ended]")!.TextContent.Trim();

        Assert.Equal("查阅完毕，确认人：" + requester.Name, Ended(finished));
        Assert.Equal("归还登记人：" + clerk.Name, Ended(returned));
    }
}
