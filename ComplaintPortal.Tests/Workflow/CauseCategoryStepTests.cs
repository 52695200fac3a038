using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Workflow;

/// <summary>The department's findings may file the root cause under one of the organisation's active cause categories.</summary>
public sealed class CauseCategoryStepTests : CaseDatabaseTest
{
    private async Task<(int Id, DepartmentTask Task, ActingUser Handler)> CaseInDepartmentsAsync()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var task = complaint.Tasks.First();
        return (complaint.Id, task, Driver.HandlerOf(task.DepartmentId));
    }

    private static WorkflowInput Findings(int taskId, string? cause, string? rootCause = "密封圈来料耐温不足") =>
        new() { TaskId = taskId, Note = "现场核实，问题属实", RootCause = rootCause, CauseCategoryCode = cause };

    private async Task<string?> LedgerNoteAsync(int id)
    {
        await using var db = Database.CreateContext();
        return await db.LedgerEvents.Where(e => e.ComplaintId == id && e.Action == nameof(WorkflowAction.RecordFindings))
            .OrderByDescending(e => e.Sequence).Select(e => e.Note).FirstAsync();
    }

    [Fact]
    public async Task An_active_cause_category_is_stored_on_the_task_and_written_to_the_ledger_before_the_root_cause()
    {
        var (id, task, handler) = await CaseInDepartmentsAsync();

        var complaint = await Driver.DoAsync(id, WorkflowAction.RecordFindings, Findings(task.Id, "MATERIAL"), handler);

        var found = complaint.Tasks.Single(t => t.Id == task.Id);
        Assert.Equal("MATERIAL", found.CauseCategoryCode);
        Assert.Equal("密封圈来料耐温不足", found.RootCause);
        Assert.Equal("现场核实，问题属实; cause=MATERIAL; root cause: 密封圈来料耐温不足", await LedgerNoteAsync(id));
    }

    [Fact]
    public async Task Findings_without_a_cause_category_are_taken_since_the_cause_may_not_be_known_yet()
    {
        var (id, task, handler) = await CaseInDepartmentsAsync();

        var complaint = await Driver.DoAsync(id, WorkflowAction.RecordFindings, Findings(task.Id, null, rootCause: null), handler);

        var found = complaint.Tasks.Single(t => t.Id == task.Id);
        Assert.Equal(DepartmentTaskStatus.Investigating, found.Status);
        Assert.Null(found.CauseCategoryCode);
        Assert.Equal("现场核实，问题属实", await LedgerNoteAsync(id));
    }

    [Fact]
    public async Task Findings_recorded_again_replace_the_category_with_the_new_one_or_none()
    {
        var (id, task, handler) = await CaseInDepartmentsAsync();
        await Driver.DoAsync(id, WorkflowAction.RecordFindings, Findings(task.Id, "MATERIAL"), handler);

        var changed = await Driver.DoAsync(id, WorkflowAction.RecordFindings, Findings(task.Id, "PROCESS"), handler);
        Assert.Equal("PROCESS", changed.Tasks.Single(t => t.Id == task.Id).CauseCategoryCode);

        var cleared = await Driver.DoAsync(id, WorkflowAction.RecordFindings, Findings(task.Id, null), handler);
        Assert.Null(cleared.Tasks.Single(t => t.Id == task.Id).CauseCategoryCode);
    }

    [Theory]
    [InlineData("WEATHER")]
    [InlineData("material")]
    public async Task An_unknown_cause_category_is_refused_and_nothing_is_recorded(string code)
    {
        var (id, task, handler) = await CaseInDepartmentsAsync();
        var before = await Driver.LoadAsync(id);

        var result = await Driver.TryAsync(id, WorkflowAction.RecordFindings, Findings(task.Id, code), handler);

        Assert.Equal(WorkflowError.CauseCategoryNotFound, result.Error);
        var after = await Driver.LoadAsync(id);
        Assert.Equal(before.Version, after.Version);
        Assert.Null(after.Tasks.Single(t => t.Id == task.Id).Findings);
    }

    [Fact]
    public async Task A_retired_cause_category_is_refused()
    {
        var (id, task, handler) = await CaseInDepartmentsAsync();
        await using (var db = Database.CreateContext())
        {
            (await db.CauseCategories.SingleAsync(s => s.Code == "DESIGN")).SetActive(false);
            await db.SaveChangesAsync();
        }

        var result = await Driver.TryAsync(id, WorkflowAction.RecordFindings, Findings(task.Id, "DESIGN"), handler);

        Assert.Equal(WorkflowError.CauseCategoryNotFound, result.Error);
    }

    [Fact]
    public async Task A_cause_category_code_longer_than_a_code_is_refused_at_the_door()
    {
        var (id, task, handler) = await CaseInDepartmentsAsync();

        var result = await Driver.TryAsync(id, WorkflowAction.RecordFindings, Findings(task.Id, new string('X', CatalogueEntry.CodeMaxLength + 1)), handler);

        Assert.Equal(WorkflowError.InputRefused, result.Error);
        Assert.Equal(WorkflowInputRules.Fields.CauseCategory, result.Refused?.Field);
    }
}
