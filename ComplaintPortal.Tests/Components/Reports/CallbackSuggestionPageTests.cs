using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Components.Cases;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Components.Reports;

/// <summary>
/// A customer's suggestion at the callback: typed into the callback dialog, shown on the case and in its timeline, listed on the
/// statistics page, and turned by a leader into an improvement action for the department that worked the case.
/// </summary>
public sealed class CallbackSuggestionPageTests : CasePageTest
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task The_clerk_records_a_suggestion_at_the_callback_and_a_leader_raises_an_improvement_action_from_the_statistics()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.AwaitingCallback);
        var clerkPage = Open();
        clerkPage.SignInAs(Driver.Clerk);
        var cut = clerkPage.RenderPage<CaseDetail>((nameof(CaseDetail.Number), complaint.CaseNumber));
        cut.WaitForElement("[data-test=primary-action][data-action=CloseSatisfied]").Click();
        var field = cut.WaitForElement("[data-test=step-suggestion]");
        Assert.Contains("统计分析按期列出", field.Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
        field.Change("希望处理进度能短信告知");
        cut.Find("[data-test=step-note]").Change("客户满意");
        cut.Find("[data-test=confirm-step]").Click();

        cut.WaitForAssertion(() => Assert.Equal("希望处理进度能短信告知", cut.Find("[data-test=suggestion]").TextContent.Trim()));
        var line = cut.Find("[data-ledger-action=CloseSatisfied]");
        Assert.Contains("其他问题或建议", line.TextContent, StringComparison.Ordinal);
        Assert.Contains("希望处理进度能短信告知", line.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("suggestion#", cut.Markup, StringComparison.Ordinal);

        // The leader finds it on the statistics page and raises an action for the quality department.
        var leaderPage = Open();
        leaderPage.SignInAs(Driver.Leader);
        var statistics = leaderPage.RenderPage<Statistics>();
        var row = statistics.WaitForElement("[data-test=suggestions] [data-test=suggestion]");
        Assert.Equal("希望处理进度能短信告知", row.TextContent.Trim());
        Assert.Contains("质量部", statistics.Find("[data-test=suggestions]").TextContent, StringComparison.Ordinal);
        statistics.Find("[data-test=raise-from-suggestion]").Click();
        var source = statistics.WaitForElement("[data-test=improvement-source]").TextContent;
        Assert.Contains(complaint.CaseNumber + " 回访建议：希望处理进度能短信告知", source, StringComparison.Ordinal);
        statistics.Find("[data-test=improvement-title]").Input("投诉进度短信告知");
        // Two departments worked the case: the leader picks one (a case one department worked would have it chosen already).
        statistics.Find("[data-test=improvement-department]").Closest(".mud-input-control")!.MouseDown();
        statistics.WaitForElement(".mud-popover-open .mud-list-item");
        statistics.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Trim() == "质量部").Click();
        var due = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Driver.Time.GetUtcNow(), Shanghai).DateTime).AddDays(20);
        statistics.Find("[data-test=improvement-due]").Change(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        statistics.Find("[data-test=improvement-plan]").Input("评估短信平台，月底前上线进度通知");
        statistics.Find("[data-test=improvement-submit]").Click();

        statistics.WaitForAssertion(() => Assert.Contains("改进措施已提出，责任部门：质量部", statistics.Markup, StringComparison.Ordinal));
        // The suggestion now shows the action raised from it and where it stands, opening the actions in that state.
        var chip = statistics.WaitForElement("[data-test=suggestion-action]");
        Assert.Equal("改进措施 · 质量部 · 进行中", chip.TextContent.Trim());
        Assert.Equal("/reports/improvements?show=open", chip.GetAttribute("href"));
        await using var db = Database.CreateContext();
        var action = await db.ImprovementActions.SingleAsync();
        Assert.Equal((Driver.DepartmentId(DepartmentCatalog.Quality), (int?)complaint.Id), (action.DepartmentId, action.SourceComplaintId));
        Assert.EndsWith("#suggestions-section", action.StatisticsAddress, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_head_reads_the_suggestions_of_cases_their_department_worked_and_raises_none()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.AwaitingCallback);
        await Driver.DoAsync(complaint.Id, WorkflowAction.CloseSatisfied, new() { Suggestion = "建议晚上也有人接电话" }, Driver.Clerk);

        var quality = Open();
        quality.SignInAs(Driver.HeadOf(DepartmentCatalog.Quality));
        var own = quality.RenderPage<Statistics>();
        own.WaitForAssertion(() => Assert.Equal("建议晚上也有人接电话", own.Find("[data-test=suggestion]").TextContent.Trim()));
        Assert.Empty(own.FindAll("[data-test=raise-from-suggestion]"));

        var sales = Open();
        sales.SignInAs(Driver.HeadOf(DepartmentCatalog.Sales));
        var other = sales.RenderPage<Statistics>();
        // No complaint of theirs this period: the page says so and lists no suggestion.
        other.WaitForElement("[data-test=no-complaints]");
        Assert.Empty(other.FindAll("[data-test=suggestion]"));
    }
}
