using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Tests.Components.Cases;
using ComplaintPortal.Tests.Supervision;
using ComplaintPortal.Web.Features.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Components.Supervision;

/// <summary>The committee's draws register, a draw's page and the queue of checks, over a real database.</summary>
public sealed class SampleDrawPageTests
{
    private static CasePageContext NewContext(SupervisionScenario s, Action<IServiceCollection>? more = null) => SupervisionPages.NewContext(s, more);

    private static string[] Tabs(Bunit.IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> page, string tabs) =>
        page.FindAll($"[data-test={tabs}] .mud-tab").Select(t => t.TextContent.Trim()).ToArray();

    [Fact]
    public async Task The_samples_page_lists_the_draws_newest_first_counted_by_status_and_links_the_active_draw_of_the_period()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var (discarded, checkedDraw, quarter) = await s.ThreeDrawsAsync();
        await s.AddCommitteeAccountsAsync();
        await using var context = NewContext(s);

        // The form names last month (March), which has an active draw with a check complete: said, with a link to it.
        var page = context.RenderPage<Samples>();
        page.WaitForAssertion(() => Assert.Equal([quarter, checkedDraw, discarded],
            page.FindAll("[data-test=draw-register] [data-test=draw]").Select(d => int.Parse(d.GetAttribute("data-draw-id")!, System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(["全部 (3)", "有效 (2)", "已作废 (1)"], Tabs(page, "draw-tabs"));
        var warning = page.Find("[data-test=period-has-draw]");
        Assert.Contains("已有抽查完成", warning.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/supervision/samples/{checkedDraw}", page.Find("[data-test=open-active-draw]").GetAttribute("href"));
        Assert.True(page.Find("[data-test=draw-submit]").HasAttribute("disabled"));
        var march = page.Find($"[data-test=draw-register] [data-test=draw][data-draw-id='{checkedDraw}']");
        Assert.Equal("2026年3月", march.TextContent.Trim());
        Assert.Equal("2 / 4", march.Closest("tr")!.QuerySelector("[data-test=draw-progress]")!.TextContent.Trim());
        Assert.Contains("6 件已处理中抽 4 件", march.Closest("tr")!.TextContent, StringComparison.Ordinal);

        page.FindAll("[data-test=draw-tabs] .mud-tab")[2].Click();
        page.WaitForAssertion(() => Assert.Equal([discarded],
            page.FindAll("[data-test=draw-register] [data-test=draw]").Select(d => int.Parse(d.GetAttribute("data-draw-id")!, System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal("已作废", page.Find("[data-test=draw-register] [data-test=draw-status]").TextContent.Trim());
    }

    [Fact]
    public async Task A_draws_page_shows_its_cases_by_check_with_their_findings_and_offers_no_discard_once_a_check_is_complete()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var (_, checkedDraw, _) = await s.ThreeDrawsAsync();
        await s.AddCommitteeAccountsAsync();
        await using var context = NewContext(s);

        var page = context.RenderPage<SampleDrawPage>(("Id", checkedDraw));
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-test=drawn-case]").Count));
        Assert.Equal("抽查样本：2026年3月", page.Find("h1").TextContent.Trim());
        Assert.Equal("Active", page.Find("[data-test=draw]").GetAttribute("data-status"));
        Assert.Equal(["全部 (4)", "待抽查 (2)", "已抽查 (2)", "已取消 (0)"], Tabs(page, "drawn-case-tabs"));
        Assert.Empty(page.FindAll("[data-test=discard]"));
        // The third drawn failed an item: one finding, said under its check.
        var third = page.FindAll("[data-test=drawn-case]").Single(c => c.TextContent.Trim() == "3").Closest("tr")!;
        Assert.Equal("1 个问题", third.QuerySelector("[data-test=check-findings]")!.TextContent.Trim());
        Assert.Equal("Completed", page.FindAll("[data-test=drawn-case]").Single(c => c.TextContent.Trim() == "3").GetAttribute("data-status"));

        page.FindAll("[data-test=drawn-case-tabs] .mud-tab")[1].Click();
        page.WaitForAssertion(() => Assert.Equal(["2", "4"], page.FindAll("[data-test=drawn-case]").Select(c => c.TextContent.Trim())));
    }

    [Fact]
    public async Task Discarding_asks_why_in_a_dialog_that_names_the_checks_it_cancels_and_the_period_drawn_again()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var (_, _, quarter) = await s.ThreeDrawsAsync();
        await s.AddCommitteeAccountsAsync();
        await using var context = NewContext(s);
        var page = context.RenderPage<SampleDrawPage>(("Id", quarter));
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-test=drawn-case]").Count));

        page.Find("[data-test=discard]").Click();
        var consequence = page.WaitForElement("[data-test=discard-consequence]");
        Assert.Contains("4 项待抽查将全部取消", consequence.TextContent, StringComparison.Ordinal);
        Assert.Contains("2026年第1季度可重新抽样", consequence.TextContent, StringComparison.Ordinal);
        Assert.Contains("作废2026年第1季度的抽样？", page.Find(".mud-dialog").TextContent, StringComparison.Ordinal);
        // No reason: the field says so, and nothing changes.
        page.Find("[data-test=discard-confirm]").Click();
        page.WaitForAssertion(() => Assert.Contains("请填写作废原因。", page.Find("[data-test=discard-dialog]").TextContent, StringComparison.Ordinal));
        Assert.Equal(SampleDrawStatus.Active, await StatusAsync(s, quarter));

        page.Find("textarea[data-test=discard-reason], [data-test=discard-reason] textarea").Input("季度抽查改为按月进行");
        page.Find("[data-test=discard-confirm]").Click();

        page.WaitForAssertion(() => Assert.Equal("Discarded", page.Find("[data-test=draw]").GetAttribute("data-status")));
        Assert.Equal(SampleDrawStatus.Discarded, await StatusAsync(s, quarter));
        Assert.Contains("季度抽查改为按月进行", page.Find("[data-test=discarded-by]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-test=discard]"));
        page.WaitForAssertion(() => Assert.Equal(["全部 (4)", "待抽查 (0)", "已抽查 (0)", "已取消 (4)"], Tabs(page, "drawn-case-tabs")));
        Assert.Empty(page.FindAll("[data-test=discard-dialog]"));
        page.WaitForAssertion(() => Assert.Equal("原因：季度抽查改为按月进行",
            page.Find("[data-test=draw-history-entry][data-action=SampleDiscarded] + [data-test=draw-history-detail]").TextContent.Trim()));
    }

    [Fact]
    public async Task The_check_queue_counts_the_members_own_and_everyones_and_pages_them_oldest_period_first()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var (_, checkedDraw, quarter) = await s.ThreeDrawsAsync();
        await s.AddCommitteeAccountsAsync();
        await using var context = NewContext(s);

        var page = context.RenderPage<Checks>();
        page.WaitForAssertion(() => Assert.Equal(6, page.FindAll("[data-test=check-row]").Count));
        Assert.Equal(["我的 (6)", "全部成员 (6)"], Tabs(page, "check-tabs"));
        // The quarter (from January) before March; each row's period opens its draw.
        var periods = page.FindAll("[data-test=check-row]").Select(r => (r.TextContent.Trim(), r.GetAttribute("href") ?? "")).ToList();
        Assert.Equal(Enumerable.Repeat(("2026年第1季度", $"/supervision/samples/{quarter}"), 4).Concat(Enumerable.Repeat(("2026年3月", $"/supervision/samples/{checkedDraw}"), 2)),
            periods);
        Assert.DoesNotContain("抽查人", page.Find("[data-test=check-queue] thead").TextContent, StringComparison.Ordinal);

        // Every member's checks name their checker.
        page.FindAll("[data-test=check-tabs] .mud-tab")[1].Click();
        page.WaitForAssertion(() => Assert.Contains("抽查人", page.Find("[data-test=check-queue] thead").TextContent, StringComparison.Ordinal));
        Assert.Equal(6, page.FindAll("[data-test=start-check]").Count);
    }

    [Fact]
    public async Task The_committee_s_open_pages_follow_another_member_s_check_without_a_reload()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var (_, _, quarter) = await s.ThreeDrawsAsync();
        await s.AddCommitteeAccountsAsync();
        // Three pages open, as in three tabs (one page to a context).
        await using var samplesTab = NewContext(s);
        await using var drawTab = NewContext(s);
        await using var queueTab = NewContext(s);
        var samples = samplesTab.RenderPage<Samples>();
        var draw = drawTab.RenderPage<SampleDrawPage>(("Id", quarter));
        var queue = queueTab.RenderPage<Checks>();
        samples.WaitForAssertion(() => Assert.Equal("0 / 4", Progress(samples, quarter)));
        draw.WaitForAssertion(() => Assert.Equal(["全部 (4)", "待抽查 (4)", "已抽查 (0)", "已取消 (0)"], Tabs(draw, "drawn-case-tabs")));
        queue.WaitForAssertion(() => Assert.Equal(["我的 (6)", "全部成员 (6)"], Tabs(queue, "check-tabs")));

        // The other member checks the quarter's first case, through their own pages.
        var first = await FirstCheckAsync(s, quarter);
        s.SetLocal("2026-04-02 14:00");
        Assert.True((await s.CompleteCheckAsync(first, [], actor: s.OtherMember)).Succeeded);

        samples.WaitForAssertion(() => Assert.Equal("1 / 4", Progress(samples, quarter)));
        draw.WaitForAssertion(() => Assert.Equal(["全部 (4)", "待抽查 (3)", "已抽查 (1)", "已取消 (0)"], Tabs(draw, "drawn-case-tabs")));
        Assert.Equal("Completed", draw.FindAll("[data-test=drawn-case]").Single(c => c.TextContent.Trim() == "1").GetAttribute("data-status"));
        Assert.Empty(draw.FindAll("[data-test=discard]"));
        queue.WaitForAssertion(() => Assert.Equal(["我的 (5)", "全部成员 (5)"], Tabs(queue, "check-tabs")));
        Assert.Equal(5, queue.FindAll("[data-test=check-row]").Count);
    }

    [Fact]
    public async Task A_check_whose_draw_another_member_discards_gives_way_to_the_cancellation_and_says_the_answers_were_not_sent()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var (_, _, quarter) = await s.ThreeDrawsAsync();
        await s.AddCommitteeAccountsAsync();
        await using var context = NewContext(s);
        var first = await FirstCheckAsync(s, quarter);
        var page = context.RenderPage<Check>(("Id", first));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-test=check-item]")));
        Assert.Empty(page.FindAll("[data-test=check-given-to]"));
        page.Find("[data-test=pass-unmarked]").Click();

        // The other member takes the check: the page says whose it now is, and keeps the answers marked.
        Assert.True((await s.AssignAsync(quarter, [first], s.OtherMember.UserId, s.OtherMember)).Succeeded);
        page.WaitForAssertion(() => Assert.Equal($"这件抽查已分派给{s.OtherMember.Name}，您也可以完成它。", page.Find("[data-test=check-given-to]").TextContent.Trim()));
        Assert.True(page.Find("[data-test=pass-unmarked]").HasAttribute("disabled"));

        Assert.True((await s.DiscardAsync(quarter, "季度抽查改为按月进行", s.OtherMember)).Succeeded);

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-test=check-item]")));
        Assert.Equal("该抽样已作废，抽查已取消。", page.Find("[data-test=check-cancelled]").TextContent.Trim());
        Assert.Contains("这件抽查刚刚在别处完成或取消，您填写的内容未提交。", page.Find(".mud-snackbar").TextContent, StringComparison.Ordinal);
        // What waits now is March's two checks.
        Assert.Equal("下一件待抽查（还有 2 件）", page.Find("[data-test=next-check]").TextContent.Trim());
    }

    [Fact]
    public async Task A_members_home_page_counts_the_checks_waiting_again_as_another_member_does_one()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var (_, _, quarter) = await s.ThreeDrawsAsync();
        await s.AddCommitteeAccountsAsync();
        await using var context = NewContext(s, services =>
        {
            services.AddScoped<ComplaintPortal.Web.Components.Layout.CurrentUserSummary>();
            services.AddSingleton<Domain.Archive.ArchiveFeed>();
            services.AddScoped<Domain.Archive.ArchiveCatalog>();
            services.AddScoped<RectificationNotices>();
        });
        var home = context.RenderPage<ComplaintPortal.Web.Features.Home.Home>();
        string ToCheck() => home.Find("[data-tile=to-check] [data-test=work-count]").TextContent.Trim();
        home.WaitForAssertion(() => Assert.Equal("6", ToCheck()));

        Assert.True((await s.CompleteCheckAsync(await FirstCheckAsync(s, quarter), [], actor: s.OtherMember)).Succeeded);

        home.WaitForAssertion(() => Assert.Equal("5", ToCheck()));
    }

    [Fact]
    public async Task Ticked_checks_are_given_to_another_member_through_a_dialog_that_asks_whom()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var (discarded, checkedDraw, quarter) = await s.ThreeDrawsAsync();
        await s.AddCommitteeAccountsAsync();
        await using var context = NewContext(s);
        var page = context.RenderPage<SampleDrawPage>(("Id", quarter));
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-test=drawn-case]").Count));
        Assert.True(page.Find("[data-test=assign]").HasAttribute("disabled"));

        // The second and fourth drawn, ticked (a check's box is named by its order).
        Box(page, 2).Change(true);
        Box(page, 4).Change(true);
        page.WaitForAssertion(() => Assert.Equal("分派所选（2）", page.Find("[data-test=assign]").TextContent.Trim()));
        Assert.Equal(2, page.FindAll("[data-test=drawn-cases] .mud-checkbox-true").Count);
        page.Find("[data-test=assign]").Click();
        Assert.Equal("将所选 2 件待抽查交给：", page.WaitForElement("[data-test=assign-summary]").TextContent.Trim());
        // Nobody chosen: the field says so, and nothing changes.
        page.Find("[data-test=assign-confirm]").Click();
        page.WaitForAssertion(() => Assert.Contains("请选择抽查人。", page.Find("[data-test=assign-dialog]").TextContent, StringComparison.Ordinal));
        page.Find("[data-test=assign-checker]").Closest(".mud-input-control")!.MouseDown();
        page.WaitForElement(".mud-popover-open .mud-list-item");
        // The committee's members with an active account: the locked one is not offered.
        Assert.Equal([s.Member.Name, s.OtherMember.Name], page.FindAll(".mud-popover-open .mud-list-item").Select(i => i.TextContent.Trim()).Order(StringComparer.Ordinal));
        page.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Trim() == s.OtherMember.Name).Click();
        page.Find("[data-test=assign-confirm]").Click();

        page.WaitForAssertion(() => Assert.Contains($"已将 2 件抽查分派给{s.OtherMember.Name}。", page.Find(".mud-snackbar").TextContent, StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.Equal([s.Member.Name, s.OtherMember.Name, s.Member.Name, s.OtherMember.Name], Checkers(page)));
        Assert.Equal("分派所选（0）", page.Find("[data-test=assign]").TextContent.Trim());
        // Given, the checks are no longer ticked.
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-test=drawn-cases] .mud-checkbox-true")));
        Assert.Equal(2, await s.WithAsync(db => db.SampledCases.CountAsync(c => c.SampleDrawId == quarter && c.CheckerUserId == s.OtherMember.UserId)));
        // The draw's history says who gave which checks to whom.
        page.WaitForAssertion(() => Assert.Equal($"将第 2、4 件交给{s.OtherMember.Name}",
            page.Find("[data-test=draw-history-entry][data-action=ChecksAssigned] + [data-test=draw-history-detail]").TextContent.Trim()));
        Assert.StartsWith("分派抽查 · 监督小组 吴静 · 2026/4/2", page.Find("[data-test=draw-history-entry][data-action=ChecksAssigned]").TextContent.Trim(),
            StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-test=assign-dialog]"));

        // A completed check cannot be ticked; a discarded draw gives nothing.
        await using var march = NewContext(s);
        var checkedPage = march.RenderPage<SampleDrawPage>(("Id", checkedDraw));
        checkedPage.WaitForAssertion(() => Assert.Equal(4, checkedPage.FindAll("[data-test=drawn-case]").Count));
        Assert.True(Box(checkedPage, 1).HasAttribute("disabled"));
        Assert.False(Box(checkedPage, 2).HasAttribute("disabled"));
        await using var set = NewContext(s);
        var discardedPage = set.RenderPage<SampleDrawPage>(("Id", discarded));
        discardedPage.WaitForAssertion(() => Assert.Equal(4, discardedPage.FindAll("[data-test=drawn-case]").Count));
        Assert.Empty(discardedPage.FindAll("[data-test=assign-bar]"));
        // Nor does an active draw with nothing left to check: no boxes, no button.
        foreach (var order in new[] { 2, 4 })
        {
            var check = await s.WithAsync(db => db.SampledCases.Where(c => c.SampleDrawId == checkedDraw && c.DrawOrder == order).Select(c => c.Id).SingleAsync());
            Assert.True((await s.CompleteCheckAsync(check, [])).Succeeded);
        }

        checkedPage.WaitForAssertion(() => Assert.Empty(checkedPage.FindAll("[data-test=assign-bar]")));
        Assert.Empty(checkedPage.FindAll("[data-test=drawn-cases] input[type=checkbox]"));
        Assert.Empty(discardedPage.FindAll("[data-test=drawn-cases] input[type=checkbox]"));
    }

    [Fact]
    public async Task The_member_given_checks_reads_who_gave_how_many_of_which_sample_and_the_notice_leads_to_their_checks()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var (_, _, quarter) = await s.ThreeDrawsAsync();
        await s.AddCommitteeAccountsAsync();
        var cases = await s.WithAsync(db => db.SampledCases.Where(c => c.SampleDrawId == quarter).OrderBy(c => c.DrawOrder).Select(c => c.Id).ToListAsync());
        Assert.True((await s.AssignAsync(quarter, [cases[1], cases[3]], s.OtherMember.UserId)).Succeeded);
        await using var context = NewContext(s);
        context.SignInAs(s.OtherMember);

        var notices = context.RenderPage<ComplaintPortal.Web.Features.Notices.Notices>();

        var row = notices.WaitForElement("[data-kind=ChecksAssigned]").Closest("tr")!;
        Assert.Contains("有抽查分派给您", row.TextContent, StringComparison.Ordinal);
        Assert.Contains($"{s.Member.Name}分派给您 2 件抽查", row.TextContent, StringComparison.Ordinal);
        var link = row.QuerySelector("[data-draw]")!;
        Assert.Equal(("/supervision/checks", SupervisionLabels.Period(new Domain.Reporting.ReportPeriod(Domain.Reporting.ReportPeriodKind.Quarter, 2026, 1)), quarter.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (link.GetAttribute("href"), link.TextContent.Trim(), link.GetAttribute("data-draw")));
        Assert.Contains("抽查样本", link.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", row.QuerySelector("[data-unread]")!.GetAttribute("data-unread"));
        Assert.DoesNotContain("ChecksAssigned", notices.Find("[data-test=notices] tbody").TextContent, StringComparison.Ordinal);

        // Where it leads, the queue of their checks: opened, it has been seen, and leaves the unread list.
        await using var queueTab = NewContext(s);
        queueTab.SignInAs(s.OtherMember);
        var queue = queueTab.RenderPage<Checks>();
        queue.WaitForAssertion(() => Assert.Equal(2, queue.FindAll("[data-test=check-row]").Count));
        Assert.Equal(0, await s.WithAsync(db => new Domain.Notifications.NoticeBook(db).CountUnreadAsync(s.OtherMember)));
    }

    /// <summary>The box that ticks the check drawn <paramref name="order"/>th (named by its order for a screen reader).</summary>
    private static AngleSharp.Dom.IElement Box(Bunit.IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> page, int order) =>
        page.FindAll("[data-test=drawn-cases] label.mud-checkbox").Single(l => l.QuerySelector(".mud-sr-only")?.TextContent.Trim() == $"选择第 {order} 件")
            .QuerySelector("input")!;

    /// <summary>Each drawn case's checker, in the list's order.</summary>
    private static string[] Checkers(Bunit.IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> page) =>
        page.FindAll("[data-test=drawn-case]").Select(c => c.Closest("tr")!.QuerySelector("[data-test=checker]")!.TextContent.Trim()).ToArray();

    private static string Progress(Bunit.IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> page, int drawId) =>
        page.Find($"[data-test=draw-register] [data-test=draw][data-draw-id='{drawId}']").Closest("tr")!.QuerySelector("[data-test=draw-progress]")!.TextContent.Trim();

    /// <summary>The check of the draw's first drawn case.</summary>
    private static Task<int> FirstCheckAsync(SupervisionScenario s, int drawId) =>
        s.WithAsync(db => db.SampledCases.Where(c => c.SampleDrawId == drawId).OrderBy(c => c.DrawOrder).Select(c => c.Id).FirstAsync());

    private static Task<SampleDrawStatus> StatusAsync(SupervisionScenario s, int drawId) =>
        s.WithAsync(db => db.SampleDraws.AsNoTracking().Where(d => d.Id == drawId).Select(d => d.Status).SingleAsync());
}
