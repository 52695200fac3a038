using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Features.Cases.Steps;
using Microsoft.AspNetCore.Components;

namespace ComplaintPortal.Tests.Components.Cases;

/// <summary>The case page's actions: the step the case waits for as the one primary button, the rest in a menu, endings confirmed.</summary>
public sealed class CaseActionsTests : CasePageTest
{
    private readonly List<StepSubmission> taken = [];

    private IRenderedComponent<IComponent> Render(CasePageContext ctx, Complaint complaint, ActingUser viewer) =>
        ctx.RenderPage<CaseActions>(
            (nameof(CaseActions.Complaint), complaint),
            (nameof(CaseActions.Steps), ComplaintWorkflow.AvailableSteps(complaint, viewer)),
            (nameof(CaseActions.Execute), (Func<StepSubmission, Task<WorkflowResult>>)(s =>
            {
                taken.Add(s);
                return Task.FromResult(new WorkflowResult(WorkflowError.None, complaint));
            })));

    [Fact]
    public async Task Registered_case_offers_the_assessment_as_the_one_primary_action_and_the_rest_in_a_menu()
    {
        var ctx = Open();
        var complaint = await Driver.RegisterAsync();
        var cut = Render(ctx, complaint, Driver.Clerk);

        var primary = Assert.Single(cut.FindAll("[data-test=primary-action]"));
        cut.Find("[data-test=more-actions] button").Click();
        var menu = cut.FindAll(".mud-popover-open [data-action]").Select(i => i.GetAttribute("data-action")).ToList();
        var endings = cut.FindAll(".mud-popover-open [data-ends=true]").Select(i => i.GetAttribute("data-action")).ToList();

        Assert.Equal(nameof(WorkflowAction.Assess), primary.GetAttribute("data-action"));
        Assert.Contains("初步评估", primary.TextContent, StringComparison.Ordinal);
        var others = ComplaintWorkflow.AvailableSteps(complaint, Driver.Clerk).Select(s => s.Step.Action.ToString()).Where(a => a is not "Assess" and not "AddNote").ToList();
        Assert.Equal(others.Order(StringComparer.Ordinal), menu.Order(StringComparer.Ordinal));
        // The work note is a button of its own beside the menu, not a step in it.
        Assert.Equal("添加工作备注", cut.Find("[data-test=add-note]").TextContent.Trim());
        Assert.Equal(["Withdraw", "MarkInvalid", "MarkDuplicate"], endings);
        // Endings come last, after the everyday steps.
        Assert.Equal(endings, menu.TakeLast(3));
        Assert.Empty(taken);
    }

    [Fact]
    public async Task Withdrawing_names_its_consequence_and_happens_only_once_confirmed_with_a_reason()
    {
        var ctx = Open();
        var complaint = await Driver.RegisterAsync();
        var cut = Render(ctx, complaint, Driver.Clerk);

        cut.Find("[data-test=more-actions] button").Click();
        cut.WaitForElement(".mud-popover-open [data-action=Withdraw]").Click();
        var consequence = cut.WaitForElement("[data-test=consequence]").TextContent;
        cut.Find("[data-test=confirm-step]").Click();
        var refusedWithoutReason = taken.Count;
        cut.Find("[data-test=step-note]").Change("客户来电撤诉");
        cut.Find("[data-test=confirm-step]").Click();

        Assert.Contains(complaint.CaseNumber, consequence, StringComparison.Ordinal);
        Assert.Contains("不能重新打开", consequence, StringComparison.Ordinal);
        Assert.Equal(0, refusedWithoutReason);
        cut.WaitForAssertion(() => Assert.Single(taken));
        Assert.Equal(WorkflowAction.Withdraw, taken[0].Action);
        Assert.Equal("客户来电撤诉", taken[0].Input.Note);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-test=step-dialog]")));
    }

    [Fact]
    public async Task Cancelling_an_ending_changes_nothing()
    {
        var ctx = Open();
        var complaint = await Driver.RegisterAsync();
        var cut = Render(ctx, complaint, Driver.Clerk);

        cut.Find("[data-test=more-actions] button").Click();
        cut.WaitForElement(".mud-popover-open [data-action=MarkInvalid]").Click();
        cut.WaitForElement("[data-test=step-note]").Change("恶意投诉");
        cut.Find("[data-test=cancel-step]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-test=step-dialog]")));
        Assert.Empty(taken);
    }

    [Fact]
    public async Task Department_handler_is_offered_the_task_work_due_next()
    {
        var ctx = Open();
        var complaint = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var quality = Driver.HandlerOf(DepartmentCatalog.Quality);
        var task = complaint.Tasks.Single(t => t.DepartmentId == quality.DepartmentId);
        await Driver.DoAsync(complaint.Id, WorkflowAction.RecordFindings, new() { TaskId = task.Id, Note = "查明" }, quality);
        complaint = await Driver.LoadAsync(complaint.Id);

        var cut = Render(ctx, complaint, quality);
        cut.Find("[data-test=primary-action]").Click();
        cut.WaitForElement("[data-test=step-responsible]");

        Assert.Equal(nameof(WorkflowAction.ProposeSolution), cut.Find("[data-test=primary-action]").GetAttribute("data-action"));
        Assert.Empty(cut.FindAll("[data-test=consequence]"));
    }

    [Fact]
    public async Task A_work_note_is_asked_for_on_its_field_says_the_case_does_not_move_and_is_taken_once_written()
    {
        var ctx = Open();
        var complaint = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var quality = Driver.HandlerOf(DepartmentCatalog.Quality);
        var cut = Render(ctx, complaint, quality);

        cut.Find("[data-test=add-note]").Click();
        cut.WaitForElement("[data-test=step-dialog][data-action=AddNote]");
        var hint = cut.Find(".mud-dialog .mud-input-helper-text").TextContent;
        cut.Find("[data-test=confirm-step]").Click();
        var refusedEmpty = taken.Count;
        var fieldError = cut.WaitForElement(".mud-dialog .mud-input-helper-text.mud-input-error").TextContent.Trim();
        cut.Find("[data-test=step-note]").Change("客户要求周五下午回电");
        cut.Find("[data-test=confirm-step]").Click();

        Assert.Contains("不会发给客户", hint, StringComparison.Ordinal);
        Assert.Equal(0, refusedEmpty);
        Assert.Equal("必填。", fieldError);
        cut.WaitForAssertion(() => Assert.Single(taken));
        Assert.Equal((WorkflowAction.AddNote, "客户要求周五下午回电", (int?)null), (taken[0].Action, taken[0].Input.Note, taken[0].Input.TaskId));
        // The next task step stays the one primary action.
        Assert.Equal(nameof(WorkflowAction.RecordFindings), cut.Find("[data-test=primary-action]").GetAttribute("data-action"));
    }

    [Fact]
    public async Task Someone_who_may_do_nothing_is_told_so()
    {
        var ctx = Open();
        var complaint = await Driver.RegisterAsync();

        var cut = Render(ctx, complaint, Driver.Outsider);

        Assert.Empty(cut.FindAll("[data-test=primary-action]"));
        Assert.Empty(cut.FindAll("[data-test=more-actions]"));
        Assert.Single(cut.FindAll("[data-test=no-actions]"));
    }
}
