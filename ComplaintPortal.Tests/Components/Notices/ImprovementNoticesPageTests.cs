using System.Globalization;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Tests.Components.Cases;
using ComplaintPortal.Web.Features.Reports;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Components.Notices;

/// <summary>
/// The notices of an improvement action on the notices page, in words: the head is told of an action raised with its date, the
/// leader of one reported done with what was done, each leading to the actions' list showing that state.
/// </summary>
public sealed class ImprovementNoticesPageTests : CasePageTest
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private async Task<ImprovementAction> RaisedAsync(int days)
    {
        await using var db = Database.CreateContext();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Driver.Time.GetUtcNow(), Shanghai).DateTime);
        var result = await new Improvements(db, Driver.Time).RaiseAsync(new ImprovementDraft("密封圈来料复检", "2026/3 · 产品较上期增加最多", "/reports/statistics",
            Driver.DepartmentId(DepartmentCatalog.Quality), today.AddDays(days), "来料逐批耐温检验"), Driver.Leader, Shanghai);
        Assert.True(result.Succeeded, result.Error.ToString());
        return result.Action!;
    }

    [Fact]
    public async Task The_head_reads_a_new_action_with_its_date_and_the_leader_one_reported_done_with_what_was_done()
    {
        var action = await RaisedAsync(days: 10);
        var headPage = Open();
        headPage.SignInAs(Driver.HeadOf(DepartmentCatalog.Quality));

        var notices = headPage.RenderPage<ComplaintPortal.Web.Features.Notices.Notices>();

        var raised = notices.WaitForElement("[data-kind=ImprovementRaised]").Closest("tr")!;
        Assert.Contains("本部门有新的改进措施", raised.TextContent, StringComparison.Ordinal);
        Assert.Contains("完成期限 " + action.DueDate.ToString("d", CultureInfo.GetCultureInfo("zh-Hans")), raised.TextContent, StringComparison.Ordinal);
        var link = raised.QuerySelector("[data-improvement]")!;
        Assert.Equal(("/reports/improvements?show=open", "密封圈来料复检"), (link.GetAttribute("href"), link.TextContent.Trim()));
        Assert.Contains("改进措施", link.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", raised.QuerySelector("[data-unread]")!.GetAttribute("data-unread"));
        Assert.DoesNotContain("Improvement", notices.Find("[data-test=notices] tbody").TextContent, StringComparison.Ordinal);

        await using (var db = Database.CreateContext())
        {
            Driver.Time.Advance(TimeSpan.FromHours(1));
            Assert.True((await new Improvements(db, Driver.Time).ReportDoneAsync(action.Id, action.Version, "三批来料检验合格",
                Driver.HeadOf(DepartmentCatalog.Quality))).Succeeded);
        }

        var leaderPage = Open();
        leaderPage.SignInAs(Driver.Leader);
        var leaderNotices = leaderPage.RenderPage<ComplaintPortal.Web.Features.Notices.Notices>();
        var done = leaderNotices.WaitForElement("[data-kind=ImprovementReportedDone]").Closest("tr")!;
        Assert.Contains("改进措施已报告完成，待验证", done.TextContent, StringComparison.Ordinal);
        Assert.Contains("完成情况：三批来料检验合格", done.TextContent, StringComparison.Ordinal);
        Assert.Equal("/reports/improvements?show=done", done.QuerySelector("[data-improvement]")!.GetAttribute("href"));

        // On the head's page the notice of the action raised no longer waits on them: it is said to be taken further.
        var again = Open();
        again.SignInAs(Driver.HeadOf(DepartmentCatalog.Quality));
        var headAll = again.RenderPage<ComplaintPortal.Web.Features.Notices.Notices>();
        headAll.WaitForElement("[data-test=notice-filter] .mud-toggle-item:nth-child(2)").Click();
        var moved = headAll.WaitForElement("[data-kind=ImprovementRaised]").Closest("tr")!;
        Assert.Contains("已处理", moved.TextContent, StringComparison.Ordinal);
        Assert.Equal("false", moved.QuerySelector("[data-unread]")!.GetAttribute("data-unread"));
    }

    [Fact]
    public async Task A_notice_of_an_overdue_action_opens_the_list_showing_the_overdue_ones()
    {
        var late = await RaisedAsync(days: 2);
        await RaisedAsync(days: 30);
        Driver.Time.Advance(TimeSpan.FromDays(4));
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(1, await new ImprovementMonitor(db).RunOnceAsync(Driver.Time.GetUtcNow(), Shanghai));
        }

        var page = OpenAnother("zh-Hans", new Domain.Notifications.NoticeFeed());
        page.SignInAs(Driver.HeadOf(DepartmentCatalog.Quality));
        var notices = page.RenderPage<ComplaintPortal.Web.Features.Notices.Notices>();
        var overdue = notices.WaitForElement("[data-kind=ImprovementOverdue]").Closest("tr")!;
        Assert.Contains("改进措施逾期未完成", overdue.TextContent, StringComparison.Ordinal);
        Assert.Contains("尚未报告完成", overdue.TextContent, StringComparison.Ordinal);
        var href = overdue.QuerySelector("[data-improvement]")!.GetAttribute("href")!;
        Assert.Equal(ImprovementActions.Href(ImprovementFilter.Overdue), href);

        // The list opened from it shows the overdue action alone, not the one still in time.
        var listPage = OpenAnother("zh-Hans", new Domain.Notifications.NoticeFeed());
        listPage.SignInAs(Driver.HeadOf(DepartmentCatalog.Quality));
        listPage.Services.GetRequiredService<NavigationManager>().NavigateTo(href);
        var list = listPage.RenderPage<ImprovementActions>();
        list.WaitForAssertion(() => Assert.Equal([late.Id.ToString(CultureInfo.InvariantCulture)],
            list.FindAll("[data-improvement]").Select(e => e.GetAttribute("data-improvement"))));
    }
}
