using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Tests.Web.Cases.Timeline;
using ComplaintPortal.Tests.Workflow;
using ComplaintPortal.Web.Features.Cases.Timeline;
using ComplaintPortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Tests.Components.Cases;

public sealed class LedgerTimelineTests : CaseDatabaseTest
{
    private static readonly OrganisationClock Clock = new(TimeProvider.System, Options.Create(new OrganisationOptions { TimeZone = "Asia/Shanghai" }));

    /// <summary>Every name the ledger stores in machine form: none of them may reach a person.</summary>
    private static IEnumerable<string> MachineNames() =>
        Enum.GetNames<WorkflowAction>().Concat(Enum.GetNames<CaseStage>()).Concat(Enum.GetNames<DeadlineKind>())
            .Concat(Enum.GetNames<Severity>()).Concat(Enum.GetNames<Urgency>()).Concat(Enum.GetNames<Priority>())
            .Concat(Enum.GetNames<ReplyChannel>()).Concat(Enum.GetNames<ComplaintChannel>())
            .Concat(["Deadlines", "DeadlineDueSoon", "DeadlineOverdue", "Deadline monitor", "QUALITY", "REPLACE", "DESIGN", "True", "False", "image/jpeg", "application/pdf"]);

    [Theory]
    [InlineData("zh-Hans", "初步评估", "已登记 → 已评估", "期限监控（系统）", "产品质量问题", "质量部", "方案类型", "更换产品", "原因类别", "设计缺陷")]
    [InlineData("zh-Hant", "初步評估", "已登記 → 已評估", "期限監控（系統）", "產品質量問題", "質量部", "方案類型", "更換產品", "原因類別", "設計缺陷")]
    [InlineData("en", "Assess", "Registered → Assessed", "Time-limit monitor (system)", "Product quality", "Quality", "Solution type", "Replacement",
        "Cause category", "Design defect")]
    public async Task Every_line_is_said_in_the_viewers_language_with_names_and_local_times(string culture, string assess, string stageChange,
        string monitor, string category, string department, string solutionTypeLabel, string solutionType, string causeLabel, string cause)
    {
        var (_, events, lookups) = await LedgerScenario.WalkAsync(Driver);
        var ledger = events.Where(e => e.ComplaintId == events[0].ComplaintId).ToList();
        await using var ctx = new PortalComponentContext(culture, services => services.AddSingleton(Clock));

        var cut = ctx.Render<LedgerTimeline>(p => p.Add(t => t.Events, ledger).Add(t => t.Verification, LedgerVerifier.Verify(ledger)).Add(t => t.Lookups, lookups));

        var text = cut.Find("[data-test=ledger]").TextContent;
        Assert.Contains(assess, text, StringComparison.Ordinal);
        Assert.Contains(stageChange, text, StringComparison.Ordinal);
        Assert.Contains(monitor, text, StringComparison.Ordinal);
        Assert.Contains(category, text, StringComparison.Ordinal);
        Assert.Contains(department, text, StringComparison.Ordinal);
        Assert.Contains(solutionTypeLabel, text, StringComparison.Ordinal);
        Assert.Contains(solutionType, text, StringComparison.Ordinal);
        Assert.DoesNotContain("REPLACE", text, StringComparison.Ordinal);
        Assert.Contains(causeLabel, text, StringComparison.Ordinal);
        Assert.Contains(cause, text, StringComparison.Ordinal);
        Assert.DoesNotContain("DESIGN", text, StringComparison.Ordinal);
        Assert.Contains(Clock.Format(ledger[0].OccurredAt), text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}T|\d{2}:\d{2}Z|=|#\d|sha256", text);
        if (culture != "en")
        {
            // English shares words with the enum names ("Assess"); Chinese must show none of them.
            Assert.All(MachineNames(), name => Assert.DoesNotContain(name, text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_return_to_a_department_names_that_department_in_its_title_and_only_the_clerk_under_it()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.UnderReview);
        var quality = complaint.Tasks.Single(t => t.DepartmentId == Driver.DepartmentId(Domain.Organisation.DepartmentCatalog.Quality));
        await Driver.DoAsync(complaint.Id, WorkflowAction.ReturnToDepartment, new() { TaskId = quality.Id, Note = "方案未附检测报告" }, Driver.Clerk);
        await using var db = Database.CreateContext();
        var ledger = await db.LedgerEvents.AsNoTracking().Where(e => e.ComplaintId == complaint.Id).OrderBy(e => e.Sequence).ToListAsync();
        var lookups = new ComplaintPortal.Web.Features.Cases.CaseLookups(await db.Departments.AsNoTracking().ToListAsync(), []);
        await using var ctx = new PortalComponentContext("zh-Hans", services => services.AddSingleton(Clock));

        var cut = ctx.Render<LedgerTimeline>(p => p.Add(t => t.Events, ledger).Add(t => t.Verification, LedgerVerifier.Verify(ledger)).Add(t => t.Lookups, lookups));

        var line = cut.Find("[data-ledger-action=ReturnToDepartment]");
        Assert.Equal("退回部门 · 质量部", line.QuerySelector("[data-test=ledger-title]")!.TextContent.Trim());
        Assert.DoesNotContain("质量部", line.QuerySelector(".mud-typography-caption")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("审核中 → 部门处理中", line.TextContent, StringComparison.Ordinal);
        Assert.Contains("方案未附检测报告", line.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lines_of_a_kind_hide_and_show_again_from_the_filter_and_the_chain_is_verified()
    {
        var (_, events, lookups) = await LedgerScenario.WalkAsync(Driver);
        var ledger = events.Where(e => e.ComplaintId == events[0].ComplaintId).ToList();
        await using var ctx = new PortalComponentContext("zh-Hans", services => services.AddSingleton(Clock));
        var cut = ctx.Render<LedgerTimeline>(p => p.Add(t => t.Events, ledger).Add(t => t.Verification, LedgerVerifier.Verify(ledger)).Add(t => t.Lookups, lookups));
        var deadlineLines = cut.FindAll("[data-ledger-action][data-kind=Deadlines]").Count;

        cut.Find(".mud-chip[data-kind=Deadlines]").Click();
        var hidden = cut.FindAll("[data-ledger-action]").Count;
        var deadlinesWhileHidden = cut.FindAll("[data-ledger-action][data-kind=Deadlines]").Count;
        cut.Find(".mud-chip[data-kind=Deadlines]").Click();

        Assert.True(deadlineLines >= 3, $"{deadlineLines} deadline lines");
        Assert.Equal(0, deadlinesWhileHidden);
        Assert.Equal(ledger.Count - deadlineLines, hidden);
        Assert.Equal(ledger.Count, cut.FindAll("[data-ledger-action]").Count);
        // The department's work note is a kind of its own, under its own name.
        Assert.Equal("工作备注 (1)", cut.Find(".mud-chip[data-kind=Notes]").TextContent.Trim());
        var note = cut.Find("[data-ledger-action=AddNote]");
        Assert.Equal("工作备注", note.QuerySelector("[data-test=ledger-title]")!.TextContent.Trim());
        Assert.Equal("客户只接受下午来电", note.QuerySelector(".mud-typography-body2")!.TextContent.Trim());
        Assert.Equal("True", cut.Find("[data-test=ledger-verification]").GetAttribute("data-intact"));
        Assert.Contains(ledger.Count.ToString(CultureInfo.InvariantCulture), cut.Find("[data-test=ledger-verification]").TextContent, StringComparison.Ordinal);
    }
}
