using AngleSharp.Dom;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Web.Features.Cases;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Components.Cases;

/// <summary>
/// The department's steps on the case page: the findings offer the organisation's cause categories and the solution step
/// asks for its solution types, and the task and timeline name the ones chosen; a head assigning the task sees the department's people by team.
/// </summary>
public sealed class SolutionStepDialogTests : CasePageTest
{
    /// <summary>Opens a MudSelect found by its data-test (the popover lists its options).</summary>
    private static void OpenSelect(IRenderedComponent<IComponent> cut, string select)
    {
        // MudSelect opens on mouse-down on its input control; the dialog renders it once its choices are loaded.
        cut.WaitForElement($"[data-test={select}]").Closest(".mud-input-control")!.MouseDown();
        cut.WaitForElement(".mud-popover-open .mud-list-item");
    }

    private async Task<(Complaint Complaint, DepartmentTask Task, ActingUser Handler)> QualityTaskAsync()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var handler = Driver.HandlerOf(DepartmentCatalog.Quality);
        var task = complaint.Tasks.Single(t => t.DepartmentId == handler.DepartmentId);
        return (complaint, task, handler);
    }

    [Fact]
    public async Task Findings_file_the_root_cause_under_a_chosen_cause_category_named_on_the_task_and_in_the_timeline()
    {
        var ctx = Open("zh-Hans");
        var (complaint, task, handler) = await QualityTaskAsync();
        ctx.SignInAs(handler);
        var cut = ctx.RenderPage<CaseDetail>((nameof(CaseDetail.Number), complaint.CaseNumber));
        cut.WaitForElement("[data-test=primary-action][data-action=RecordFindings]").Click();

        cut.WaitForElement("[data-test=step-note]").Change("现场核实，密封圈变形");
        cut.Find("[data-test=step-root-cause]").Change("九月批次密封圈耐温不足");
        // Optional, and it says why it is asked.
        Assert.Contains("统计按此类别汇总投诉原因", cut.Find("[data-test=step-cause-category]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
        OpenSelect(cut, "step-cause-category");
        var offered = cut.FindAll(".mud-popover-open .mud-list-item").Select(i => i.TextContent.Trim()).ToList();
        Assert.Equal(["原材料质量问题", "生产工艺问题", "设计缺陷"], offered.Take(3));
        Assert.Contains("计费差错", offered);
        cut.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Trim() == "原材料质量问题").Click();
        cut.Find("[data-test=confirm-step]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-test=step-dialog]")));
        Assert.Equal("MATERIAL", (await Driver.LoadAsync(complaint.Id)).Tasks.Single(t => t.Id == task.Id).CauseCategoryCode);
        cut.WaitForAssertion(() => Assert.Contains("原材料质量问题", cut.Find("[data-test=tasks] [data-task=QA]").TextContent, StringComparison.Ordinal));
        Assert.Contains("原因类别", cut.Find("[data-test=tasks] [data-task=QA]").TextContent, StringComparison.Ordinal);
        var line = cut.Find("[data-ledger-action=RecordFindings]").TextContent;
        Assert.Contains("原因类别", line, StringComparison.Ordinal);
        Assert.Contains("原材料质量问题", line, StringComparison.Ordinal);
        Assert.Contains("九月批次密封圈耐温不足", line, StringComparison.Ordinal);
        Assert.DoesNotContain("MATERIAL", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Solution_without_a_type_is_stopped_on_the_field_and_the_chosen_type_is_named_on_the_task_and_in_the_timeline()
    {
        var ctx = Open("zh-Hant");
        var (complaint, task, handler) = await QualityTaskAsync();
        await Driver.DoAsync(complaint.Id, WorkflowAction.RecordFindings, new() { TaskId = task.Id, Note = "查明原因" }, handler);
        var version = (await Driver.LoadAsync(complaint.Id)).Version;
        ctx.SignInAs(handler);
        var cut = ctx.RenderPage<CaseDetail>((nameof(CaseDetail.Number), complaint.CaseNumber));
        cut.WaitForElement("[data-test=primary-action][data-action=ProposeSolution]").Click();

        cut.WaitForElement("[data-test=step-note]").Change("更換新品");
        cut.Find("[data-test=step-responsible]").Change("李強");
        cut.Find("[data-test=step-due-date]").Change("2026-04-01");
        cut.Find("[data-test=confirm-step]").Click();

        // Not chosen: the select itself says so, and nothing was taken. The field is found again on each check: the render
        // that shows the message may come after the click returns.
        cut.WaitForAssertion(() => Assert.Contains("必填",
            cut.Find("[data-test=step-solution-type]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.Equal(version, (await Driver.LoadAsync(complaint.Id)).Version);
        OpenSelect(cut, "step-solution-type");
        var offered = cut.FindAll(".mud-popover-open .mud-list-item").Select(i => i.TextContent.Trim()).ToList();
        Assert.Contains("更換產品", offered);
        Assert.Contains("話費調整", offered);
        cut.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Contains("更換產品", StringComparison.Ordinal)).Click();

        // A due date that is no day (31 April) holds the step on its field; the same month typed with slashes is read.
        cut.Find("[data-test=step-due-date]").Change("2026-4-31");
        cut.Find("[data-test=confirm-step]").Click();
        Assert.Contains("請按年-月-日輸入日期", cut.Find("[data-test=step-due-date]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(version, (await Driver.LoadAsync(complaint.Id)).Version);
        cut.Find("[data-test=step-due-date]").Change("2026/4/30");
        cut.Find("[data-test=confirm-step]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-test=step-dialog]")));
        var stored = await Driver.LoadAsync(complaint.Id);
        Assert.Equal("REPLACE", stored.Tasks.Single(t => t.Id == task.Id).SolutionTypeCode);
        Assert.Equal(new DateOnly(2026, 4, 30), stored.Tasks.Single(t => t.Id == task.Id).SolutionDueDate);
        cut.WaitForAssertion(() => Assert.Contains("更換產品", cut.Find("[data-test=tasks] [data-task=QA]").TextContent, StringComparison.Ordinal));
        Assert.Contains("方案類型", cut.Find("[data-test=tasks] [data-task=QA]").TextContent, StringComparison.Ordinal);
        var line = cut.Find("[data-ledger-action=ProposeSolution]").TextContent;
        Assert.Contains("方案類型", line, StringComparison.Ordinal);
        Assert.Contains("更換產品", line, StringComparison.Ordinal);
        Assert.DoesNotContain("REPLACE", cut.Markup.Replace("data-", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_assigning_the_task_picks_a_person_from_the_departments_teams()
    {
        var ctx = Open();
        var (complaint, task, handler) = await QualityTaskAsync();
        var head = Driver.HeadOf(DepartmentCatalog.Quality);
        await using (var db = Database.CreateContext())
        {
            var lab = new Team(handler.DepartmentId!.Value, "QA.LAB", "检验室", "檢驗室", "Inspection lab");
            db.Teams.Add(lab);
            var retired = new Team(handler.DepartmentId!.Value, "QA.OLD", "旧班组", "舊班組", "Old crew");
            retired.SetActive(false);
            db.Teams.Add(retired);
            await db.SaveChangesAsync();
            db.TeamMembers.Add(new TeamMember(lab.Id, handler.UserId));
            db.TeamMembers.Add(new TeamMember(retired.Id, head.UserId));
            await db.SaveChangesAsync();
        }

        ctx.SignInAs(head);
        var cut = ctx.RenderPage<CaseDetail>((nameof(CaseDetail.Number), complaint.CaseNumber));
        cut.WaitForElement("[data-test=primary-action]");
        cut.Find("[data-test=more-actions] button").Click();
        cut.WaitForElement(".mud-popover-open [data-action=ReassignTask]").Click();
        OpenSelect(cut, "step-assignee");

        // The team heading, its member, then the people in no (active) team.
        cut.WaitForAssertion(() => Assert.Equal(["检验室", handler.Name, "未编入班组", head.Name],
            cut.FindAll(".mud-popover-open .mud-list-subheader, .mud-popover-open .mud-list-item").Select(e => e.TextContent.Trim()).ToList()));
        cut.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Contains(handler.Name, StringComparison.Ordinal)).Click();
        cut.Find("[data-test=confirm-step]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-test=step-dialog]")));
        Assert.Equal(handler.UserId, (await Driver.LoadAsync(complaint.Id)).Tasks.Single(t => t.Id == task.Id).OwnerUserId);
    }
}
