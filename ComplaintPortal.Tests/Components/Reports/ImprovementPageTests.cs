using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Tests.Components.Cases;
using ComplaintPortal.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Components.Reports;

/// <summary>An improvement action raised from a hot spot on the statistics page, reported done by the department and verified.</summary>
public sealed class ImprovementPageTests : CasePageTest
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task A_leader_raises_an_action_from_a_hot_spot_the_head_reports_it_done_and_the_leader_verifies_it()
    {
        // Two product-quality complaints this month and none the month before: a hot spot.
        var received = Driver.Time.GetUtcNow();
        foreach (var stage in new[] { CaseStage.Closed, CaseStage.InDepartments })
        {
            var complaint = await Driver.CaseInStageAsync(stage);
            await using var db = Database.CreateContext();
            var category = Driver.CategoryId(CategoryCatalog.ProductQuality);
            await db.Complaints.Where(c => c.Id == complaint.Id).ExecuteUpdateAsync(c => c.SetProperty(x => x.ReceivedAt, received).SetProperty(x => x.CategoryId, category));
        }

        var leaderPage = Open();
        leaderPage.SignInAs(Driver.Leader);
        var statistics = leaderPage.RenderPage<Statistics>();
        statistics.WaitForElement("[data-test=hot-spots] [data-test=raise-improvement]").Click();

        // Nothing filled in: each field says what it needs, and nothing is stored.
        statistics.WaitForElement("[data-test=improvement-submit]").Click();
        statistics.WaitForAssertion(() => Assert.Contains("必填", statistics.Find("[data-test=improvement-title]").Closest(".mud-input-control")!.TextContent,
            StringComparison.Ordinal));
        Assert.Contains("产品质量问题 +2", statistics.Find("[data-test=improvement-source]").TextContent, StringComparison.Ordinal);
        statistics.Find("[data-test=improvement-title]").Input("产品质量问题复盘");
        statistics.Find("[data-test=improvement-department]").Closest(".mud-input-control")!.MouseDown();
        statistics.WaitForElement(".mud-popover-open .mud-list-item");
        statistics.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Trim() == "质量部").Click();
        var due = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Driver.Time.GetUtcNow(), Shanghai).DateTime).AddDays(10);
        statistics.Find("[data-test=improvement-due]").Change(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        statistics.Find("[data-test=improvement-plan]").Input("逐批来料检验，月底复盘");
        statistics.Find("[data-test=improvement-submit]").Click();

        statistics.WaitForAssertion(() => Assert.Contains("改进措施已提出，责任部门：质量部", statistics.Markup, StringComparison.Ordinal));
        ImprovementAction action;
        await using (var db = Database.CreateContext())
        {
            action = await db.ImprovementActions.SingleAsync();
        }

        Assert.Equal(("产品质量问题复盘", due, Driver.DepartmentId(DepartmentCatalog.Quality)), (action.Title, action.DueDate, action.DepartmentId));
        Assert.Contains("产品质量问题 +2", action.Source, StringComparison.Ordinal);
        Assert.StartsWith("/reports/statistics", action.StatisticsAddress, StringComparison.Ordinal);

        // The quality head finds it in progress and reports it done.
        var headPage = Open();
        headPage.SignInAs(Driver.HeadOf(DepartmentCatalog.Quality));
        var list = headPage.RenderPage<ImprovementActions>();
        list.WaitForElement($"[data-improvement='{action.Id}']");
        Assert.Contains("质量部", list.Find("[data-test=improvements]").TextContent, StringComparison.Ordinal);
        Assert.Contains("进行中", list.Find("[data-test=improvement-status]").TextContent, StringComparison.Ordinal);
        Assert.Empty(list.FindAll("[data-test=improvement-verify]"));
        list.Find("[data-test=improvement-report]").Click();
        list.WaitForElement("[data-test=improvement-note]").Input("三批来料检验合格，已复盘");
        list.Find("[data-test=improvement-submit]").Click();
        list.WaitForAssertion(() => Assert.Contains("已报告完成，已通知公司领导和监督小组验证", list.Markup, StringComparison.Ordinal));
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(ImprovementStatus.Done, (await db.ImprovementActions.SingleAsync()).Status);
        }

        // The leader verifies it from the list of those to verify, after saying yes to closing it for good.
        var verifyPage = Open();
        verifyPage.SignInAs(Driver.Leader);
        var toVerify = verifyPage.RenderPage<ImprovementActions>();
        toVerify.WaitForElement("[data-test=improvement-filter]");
        toVerify.FindAll("[data-test=improvement-filter] .mud-toggle-item").First(i => i.TextContent.Contains("待验证", StringComparison.Ordinal)).Click();
        // Its history, opened under the row: raised with the plan, reported done with what was done, each by whom.
        toVerify.WaitForElement("[data-test=improvement-history-toggle]").Click();
        toVerify.WaitForAssertion(() => Assert.Equal(["Raised", "ReportedDone"],
            toVerify.FindAll("[data-test=improvement-history] li").Select(li => li.GetAttribute("data-event"))));
        var steps = toVerify.Find("[data-test=improvement-history]").TextContent;
        Assert.Contains("提出", steps, StringComparison.Ordinal);
        Assert.Contains("逐批来料检验，月底复盘", steps, StringComparison.Ordinal);
        Assert.Contains("报告完成", steps, StringComparison.Ordinal);
        Assert.Contains(Driver.HeadOf(DepartmentCatalog.Quality).Name, steps, StringComparison.Ordinal);
        Assert.DoesNotContain("ReportedDone", steps, StringComparison.Ordinal);
        toVerify.Find("[data-test=improvement-verify]").Click();
        toVerify.WaitForElement(".mud-dialog .mud-dialog-actions").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "验证关闭").Click();
        toVerify.WaitForAssertion(() => Assert.Contains("已验证关闭。", toVerify.Markup, StringComparison.Ordinal));
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(ImprovementStatus.Verified, (await db.ImprovementActions.SingleAsync()).Status);
        }
    }

    [Fact]
    public async Task A_department_head_sees_no_button_to_raise_an_action_on_the_statistics_page()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        await using (var db = Database.CreateContext())
        {
            var category = Driver.CategoryId(CategoryCatalog.ProductQuality);
            var now = Driver.Time.GetUtcNow();
            await db.Complaints.Where(c => c.Id == complaint.Id).ExecuteUpdateAsync(c => c.SetProperty(x => x.ReceivedAt, now).SetProperty(x => x.CategoryId, category));
        }

        var ctx = Open();
        ctx.SignInAs(Driver.HeadOf(DepartmentCatalog.Quality));
        var cut = ctx.RenderPage<Statistics>();

        cut.WaitForElement("[data-test=hot-spots] [data-hot-spot]");
        Assert.Empty(cut.FindAll("[data-test=raise-improvement]"));
    }
}
