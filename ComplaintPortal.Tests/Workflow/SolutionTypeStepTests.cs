using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Workflow;

/// <summary>The department's solution step names its kind from the organisation's active solution types.</summary>
public sealed class SolutionTypeStepTests : CaseDatabaseTest
{
    private async Task<(int Id, DepartmentTask Task, ActingUser Handler)> CaseWithFindingsAsync()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var task = complaint.Tasks.First();
        var handler = Driver.HandlerOf(task.DepartmentId);
        await Driver.DoAsync(complaint.Id, WorkflowAction.RecordFindings, new() { TaskId = task.Id, Note = "查明原因" }, handler);
        return (complaint.Id, task, handler);
    }

    private static WorkflowInput Solution(int taskId, string? type) =>
        new() { TaskId = taskId, Note = "免费维修", ResponsiblePerson = "陈刚", DueDate = new DateOnly(2026, 4, 1), SolutionTypeCode = type };

    [Fact]
    public async Task An_active_solution_type_is_stored_on_the_task_and_written_to_the_ledger()
    {
        var (id, task, handler) = await CaseWithFindingsAsync();

        var complaint = await Driver.DoAsync(id, WorkflowAction.ProposeSolution, Solution(task.Id, "REPAIR"), handler);

        var solved = complaint.Tasks.Single(t => t.Id == task.Id);
        Assert.Equal("REPAIR", solved.SolutionTypeCode);
        Assert.Equal(DepartmentTaskStatus.SolutionProposed, solved.Status);
        await using var db = Database.CreateContext();
        var note = await db.LedgerEvents.Where(e => e.ComplaintId == id && e.Action == nameof(WorkflowAction.ProposeSolution)).Select(e => e.Note).SingleAsync();
        Assert.EndsWith("; type=REPAIR", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_solution_without_a_type_is_refused_while_the_organisation_has_solution_types()
    {
        var (id, task, handler) = await CaseWithFindingsAsync();
        var before = await Driver.LoadAsync(id);

        var result = await Driver.TryAsync(id, WorkflowAction.ProposeSolution, Solution(task.Id, null), handler);

        Assert.Equal(WorkflowError.SolutionTypeRequired, result.Error);
        var after = await Driver.LoadAsync(id);
        Assert.Equal(before.Version, after.Version);
        Assert.Null(after.Tasks.Single(t => t.Id == task.Id).SolutionMeasures);
    }

    [Theory]
    [InlineData("UPGRADE")]
    [InlineData("repair")]
    public async Task An_unknown_solution_type_is_refused(string code)
    {
        var (id, task, handler) = await CaseWithFindingsAsync();

        var result = await Driver.TryAsync(id, WorkflowAction.ProposeSolution, Solution(task.Id, code), handler);

        Assert.Equal(WorkflowError.SolutionTypeNotFound, result.Error);
        Assert.Null((await Driver.LoadAsync(id)).Tasks.Single(t => t.Id == task.Id).SolutionTypeCode);
    }

    [Fact]
    public async Task A_retired_solution_type_is_refused()
    {
        var (id, task, handler) = await CaseWithFindingsAsync();
        await using (var db = Database.CreateContext())
        {
            (await db.SolutionTypes.SingleAsync(s => s.Code == "REFUND")).SetActive(false);
            await db.SaveChangesAsync();
        }

        var result = await Driver.TryAsync(id, WorkflowAction.ProposeSolution, Solution(task.Id, "REFUND"), handler);

        Assert.Equal(WorkflowError.SolutionTypeNotFound, result.Error);
    }

    [Fact]
    public async Task A_solution_type_code_longer_than_a_code_is_refused_at_the_door()
    {
        var (id, task, handler) = await CaseWithFindingsAsync();

        var result = await Driver.TryAsync(id, WorkflowAction.ProposeSolution, Solution(task.Id, new string('X', SolutionType.CodeMaxLength + 1)), handler);

        Assert.Equal(WorkflowError.InputRefused, result.Error);
        Assert.Equal(WorkflowInputRules.Fields.SolutionType, result.Refused?.Field);
    }

    [Fact]
    public async Task An_organisation_without_solution_types_takes_a_solution_without_one()
    {
        var (id, task, handler) = await CaseWithFindingsAsync();
        await using (var db = Database.CreateContext())
        {
            foreach (var type in await db.SolutionTypes.ToListAsync())
            {
                type.SetActive(false);
            }

            await db.SaveChangesAsync();
        }

        var complaint = await Driver.DoAsync(id, WorkflowAction.ProposeSolution, Solution(task.Id, null), handler);

        var solved = complaint.Tasks.Single(t => t.Id == task.Id);
        Assert.Equal(DepartmentTaskStatus.SolutionProposed, solved.Status);
        Assert.Null(solved.SolutionTypeCode);
    }
}
