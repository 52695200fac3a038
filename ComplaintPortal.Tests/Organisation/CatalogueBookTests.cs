using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Organisation;

/// <summary>The administrator keeps the solution types and cause categories: add, rename, retire, offer again, move; never delete.</summary>
public sealed class CatalogueBookTests : CaseDatabaseTest
{
    private async Task<T> WithAsync<T>(Func<CatalogueBook, Task<T>> act)
    {
        await using var db = Database.CreateContext();
        return await act(new CatalogueBook(db, Driver.Time));
    }

    private Task<IReadOnlyList<CatalogueRow>> ListAsync(CatalogueKind kind) => WithAsync(b => b.ListAsync(kind));

    private async Task<IReadOnlyList<OrganisationChange>> LogAsync(OrganisationSubject subject)
    {
        await using var db = Database.CreateContext();
        return await db.OrganisationChanges.AsNoTracking().Where(c => c.Subject == subject).OrderBy(c => c.Id).ToListAsync();
    }

    [Fact]
    public async Task An_added_cause_goes_last_in_capitals_is_offered_at_the_findings_step_and_is_logged()
    {
        var before = await ListAsync(CatalogueKind.CauseCategory);

        var added = await WithAsync(b => b.AddAsync(CatalogueKind.CauseCategory, " supplier-late ", " 供应商交期延误 ", "供應商交期延誤", "Supplier late", "admin"));

        Assert.Equal((CatalogueError.None, "SUPPLIER-LATE"), (added.Error, added.Code));
        var after = await ListAsync(CatalogueKind.CauseCategory);
        var row = after[^1];
        Assert.Equal((before.Count + 1, "SUPPLIER-LATE", "供应商交期延误", true, 0), (after.Count, row.Code, row.NameZhHans, row.IsActive, row.UsedBy));
        Assert.True(row.SortOrder > before.Max(r => r.SortOrder));
        var logged = Assert.Single(await LogAsync(OrganisationSubject.CauseCategory));
        Assert.Equal(("SUPPLIER-LATE", "admin", "added; names=供应商交期延误 | 供應商交期延誤 | Supplier late"), (logged.SubjectCode, logged.ChangedBy, logged.What));

        // A department files its findings under it.
        var complaint = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var task = complaint.Tasks.First();
        var found = await Driver.DoAsync(complaint.Id, WorkflowAction.RecordFindings,
            new WorkflowInput { TaskId = task.Id, Note = "核实", CauseCategoryCode = "SUPPLIER-LATE" }, Driver.HandlerOf(task.DepartmentId));
        Assert.Equal("SUPPLIER-LATE", found.Tasks.Single(t => t.Id == task.Id).CauseCategoryCode);
        Assert.Equal(1, (await ListAsync(CatalogueKind.CauseCategory)).Single(r => r.Code == "SUPPLIER-LATE").UsedBy);
    }

    [Theory]
    [InlineData("", "名称", CatalogueBook.Fields.Code, CatalogueProblem.Required)]
    [InlineData("A B", "名称", CatalogueBook.Fields.Code, CatalogueProblem.CodeShape)]
    [InlineData("X;Y", "名称", CatalogueBook.Fields.Code, CatalogueProblem.CodeShape)]
    [InlineData("-X", "名称", CatalogueBook.Fields.Code, CatalogueProblem.CodeShape)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", "名称", CatalogueBook.Fields.Code, CatalogueProblem.Text)]
    [InlineData("NEW", " ", CatalogueBook.Fields.NameZhHans, CatalogueProblem.Required)]
    [InlineData("NEW", "第一行\n第二行", CatalogueBook.Fields.NameZhHans, CatalogueProblem.Text)]
    [InlineData("communication", "名称", CatalogueBook.Fields.Code, CatalogueProblem.CodeTaken)]
    public async Task A_refused_value_is_said_on_its_field_and_nothing_is_stored(string code, string name, string field, CatalogueProblem problem)
    {
        var before = await ListAsync(CatalogueKind.CauseCategory);

        var refused = await WithAsync(b => b.AddAsync(CatalogueKind.CauseCategory, code, name, "", "", "admin"));

        Assert.Equal((CatalogueError.InputRefused, field, problem), (refused.Error, refused.Refused?.Field, refused.Refused?.Problem));
        Assert.Equal(before.Count, (await ListAsync(CatalogueKind.CauseCategory)).Count);
        Assert.Empty(await LogAsync(OrganisationSubject.CauseCategory));
    }

    [Fact]
    public async Task A_solution_type_renamed_and_retired_keeps_naming_what_filed_it_and_a_stale_edit_is_a_conflict()
    {
        var row = (await ListAsync(CatalogueKind.SolutionType))[0];

        var saved = await WithAsync(b => b.UpdateAsync(CatalogueKind.SolutionType, row.Id, row.Version, "上门维修", row.NameZhHant, row.NameEn, active: false, "admin"));

        Assert.Equal(CatalogueError.None, saved.Error);
        var now = (await ListAsync(CatalogueKind.SolutionType)).Single(r => r.Id == row.Id);
        Assert.Equal(("上门维修", false, row.Version + 1), (now.NameZhHans, now.IsActive, now.Version));
        Assert.Equal($"names=上门维修 | {row.NameZhHant} | {row.NameEn}; retired", Assert.Single(await LogAsync(OrganisationSubject.SolutionType)).What);
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(row.Code, (await db.SolutionTypes.SingleAsync(s => s.Id == row.Id)).Code);
        }

        // Another administrator's edit of the version before: refused, nothing overwritten.
        var stale = await WithAsync(b => b.UpdateAsync(CatalogueKind.SolutionType, row.Id, row.Version, "维修", row.NameZhHant, row.NameEn, active: true, "admin2"));
        Assert.Equal(CatalogueError.ConcurrencyConflict, stale.Error);
        Assert.Equal("上门维修", (await ListAsync(CatalogueKind.SolutionType)).Single(r => r.Id == row.Id).NameZhHans);

        // Offered again, unchanged otherwise: one line in the log; saved with nothing changed: none.
        Assert.True((await WithAsync(b => b.UpdateAsync(CatalogueKind.SolutionType, row.Id, now.Version, "上门维修", row.NameZhHant, row.NameEn, true, "admin"))).Succeeded);
        var again = (await ListAsync(CatalogueKind.SolutionType)).Single(r => r.Id == row.Id);
        Assert.True((await WithAsync(b => b.UpdateAsync(CatalogueKind.SolutionType, row.Id, again.Version, "上门维修", row.NameZhHant, row.NameEn, true, "admin"))).Succeeded);
        Assert.Equal(["offered again"], (await LogAsync(OrganisationSubject.SolutionType)).Skip(1).Select(c => c.What));
        Assert.Equal(CatalogueError.NotFound, (await WithAsync(b => b.UpdateAsync(CatalogueKind.SolutionType, 99_999, 0, "x", "", "", true, "admin"))).Error);
    }

    [Fact]
    public async Task An_entry_moves_one_place_up_or_down_and_at_either_end_stays()
    {
        var before = await ListAsync(CatalogueKind.CauseCategory);
        var second = before[1];

        Assert.True((await WithAsync(b => b.MoveAsync(CatalogueKind.CauseCategory, second.Id, second.Version, -1, "admin"))).Succeeded);

        var after = await ListAsync(CatalogueKind.CauseCategory);
        Assert.Equal([second.Code, before[0].Code, .. before.Skip(2).Select(r => r.Code)], after.Select(r => r.Code));
        Assert.Equal($"moved up past {before[0].Code}", Assert.Single(await LogAsync(OrganisationSubject.CauseCategory)).What);
        // The first cannot go higher; the stale version of the one moved is a conflict.
        var first = after[0];
        Assert.True((await WithAsync(b => b.MoveAsync(CatalogueKind.CauseCategory, first.Id, first.Version, -1, "admin"))).Succeeded);
        Assert.Equal(after.Select(r => r.Code), (await ListAsync(CatalogueKind.CauseCategory)).Select(r => r.Code));
        Assert.Equal(CatalogueError.ConcurrencyConflict,
            (await WithAsync(b => b.MoveAsync(CatalogueKind.CauseCategory, second.Id, second.Version, 1, "admin"))).Error);
        Assert.Single(await LogAsync(OrganisationSubject.CauseCategory));
    }
}
