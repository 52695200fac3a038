using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Workflow;

/// <summary>Every row of the workflow table, taken where it is allowed and refused everywhere else.</summary>
public sealed class WorkflowTableTests(WorkflowCases cases) : IClassFixture<WorkflowCases>
{
    private CaseDriver Driver => cases.Driver;

    public static TheoryData<WorkflowAction, CaseStage> AllowedTransitions()
    {
        var data = new TheoryData<WorkflowAction, CaseStage>();
        foreach (var step in WorkflowTable.Steps)
        {
            foreach (var stage in step.From)
            {
                data.Add(step.Action, stage);
            }
        }

        return data;
    }

    public static TheoryData<WorkflowAction> ActionsTakenOnCases()
    {
        var data = new TheoryData<WorkflowAction>();
        foreach (var step in WorkflowTable.Steps.Where(s => s.From.Count > 0))
        {
            data.Add(step.Action);
        }

        return data;
    }

    [Fact]
    public void Every_action_has_exactly_one_row()
    {
        Assert.Equal(Enum.GetValues<WorkflowAction>().Order(), WorkflowTable.Steps.Select(s => s.Action).Order());
        Assert.All(WorkflowTable.Steps.Where(s => s.From.Count > 0), s => Assert.DoesNotContain(s.From, stage => stage.IsFinal()));
    }

    [Theory]
    [MemberData(nameof(AllowedTransitions))]
    public async Task Allowed_step_moves_the_case_and_appends_one_ledger_event(WorkflowAction action, CaseStage from)
    {
        var step = WorkflowTable.For(action);
        if (from is CaseStage.Registered && action == WorkflowAction.Register)
        {
            return; // Registration has no "from": covered by the intake tests.
        }

        var complaint = await Driver.CaseInStageAsync(from);
        if (action == WorkflowAction.OrderOnSiteInspection && !complaint.IsEscalated)
        {
            complaint = await Driver.DoAsync(complaint.Id, WorkflowAction.Escalate, new() { Note = "重大投诉" }, Driver.Clerk);
        }

        if (action == WorkflowAction.ReportBack)
        {
            // A department reports back only after it recorded what it found.
            var task = complaint.Tasks.OrderBy(t => t.Id).First();
            complaint = await Driver.DoAsync(complaint.Id, WorkflowAction.RecordFindings, new() { TaskId = task.Id, Note = "查明" }, Driver.HandlerOf(task.DepartmentId));
        }

        var eventsBefore = await LedgerCountAsync(complaint.Id);
        var result = await Driver.TryAsync(complaint.Id, action, WorkflowCases.ValidInput(action, complaint, Driver), WorkflowCases.PermittedActor(step, complaint, Driver));

        Assert.True(result.Succeeded, result.Error.ToString());
        var after = await Driver.LoadAsync(complaint.Id);
        var expected = step.Next switch
        {
            NextStageRule.To => step.To!.Value,
            NextStageRule.Stay => from,
            NextStageRule.ToWhenAllTasksReported => complaint.Tasks.Count(t => !t.IsReported) == 1 ? step.To!.Value : from,
            NextStageRule.BackToPausedStage => complaint.PausedFromStage!.Value,
            _ => throw new InvalidOperationException(),
        };
        Assert.Equal(expected, after.Stage);
        Assert.Equal(complaint.Version + 1, after.Version);
        await using var db = cases.Database.CreateContext();
        var events = await db.LedgerEvents.Where(e => e.ComplaintId == complaint.Id).OrderBy(e => e.Sequence).ToListAsync();
        Assert.True(events.Count > eventsBefore);
        var main = events[eventsBefore];
        Assert.Equal(action.ToString(), main.Action);
        Assert.Equal(from.ToString(), main.FromStage);
        Assert.Equal(expected.ToString(), main.ToStage);
    }

    [Theory]
    [MemberData(nameof(ActionsTakenOnCases))]
    public async Task Step_from_any_other_stage_is_refused_and_changes_nothing(WorkflowAction action)
    {
        var step = WorkflowTable.For(action);
        foreach (var stage in Enum.GetValues<CaseStage>().Except(step.From))
        {
            var complaint = await Driver.LoadAsync(cases.CaseIn[stage]);
            var events = await LedgerCountAsync(complaint.Id);
            var actor = complaint.Tasks.Count > 0 || !step.Actors.Contains(WorkflowActor.TaskDepartment) && !step.Actors.Contains(WorkflowActor.TaskDepartmentHead)
                ? WorkflowCases.PermittedActor(step, complaint, Driver)
                : Driver.Clerk;

            var result = await Driver.TryAsync(complaint.Id, action, WorkflowCases.ValidInput(action, complaint, Driver), actor);

            Assert.Equal(WorkflowError.WrongStage, result.Error);
            var after = await Driver.LoadAsync(complaint.Id);
            Assert.Equal((complaint.Stage, complaint.Version), (after.Stage, after.Version));
            Assert.Equal(events, await LedgerCountAsync(complaint.Id));
        }
    }

    [Theory]
    [MemberData(nameof(ActionsTakenOnCases))]
    public async Task Step_by_someone_the_table_does_not_name_is_refused_and_changes_nothing(WorkflowAction action)
    {
        var step = WorkflowTable.For(action);
        var complaint = await Driver.LoadAsync(cases.CaseIn[step.From[0]]);
        var events = await LedgerCountAsync(complaint.Id);
        // A supervisor is never in the table; a handler of a department without a task on the case neither.
        var strangers = new[] { Driver.Outsider, Driver.HandlerOf(DepartmentCatalog.Security), Driver.HeadOf(DepartmentCatalog.Security) };

        foreach (var stranger in strangers)
        {
            var result = await Driver.TryAsync(complaint.Id, action, WorkflowCases.ValidInput(action, complaint, Driver), stranger);
            Assert.Equal(WorkflowError.NotPermitted, result.Error);
        }

        if (!step.Actors.Contains(WorkflowActor.IntakeClerk))
        {
            var byClerk = await Driver.TryAsync(complaint.Id, action, WorkflowCases.ValidInput(action, complaint, Driver), Driver.Clerk);
            Assert.Equal(WorkflowError.NotPermitted, byClerk.Error);
        }

        var after = await Driver.LoadAsync(complaint.Id);
        Assert.Equal((complaint.Stage, complaint.Version), (after.Stage, after.Version));
        Assert.Equal(events, await LedgerCountAsync(complaint.Id));
    }

    private async Task<int> LedgerCountAsync(int complaintId)
    {
        await using var db = cases.Database.CreateContext();
        return await db.LedgerEvents.CountAsync(e => e.ComplaintId == complaintId);
    }
}
