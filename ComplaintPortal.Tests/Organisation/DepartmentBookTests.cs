using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Organisation;

/// <summary>Departments administered as data: retire instead of delete, and routing rules checked when saved.</summary>
public sealed class DepartmentBookTests : CaseDatabaseTest
{
    [Fact]
    public async Task A_department_with_work_cannot_be_deleted_only_retired_and_then_receives_no_new_tasks()
    {
        var id = (await Driver.CaseInStageAsync(CaseStage.InDepartments)).Id;
        var quality = Driver.DepartmentId(DepartmentCatalog.Quality);

        await using (var db = Database.CreateContext())
        {
            var book = new DepartmentBook(db, Driver.Time);
            Assert.Equal(OrganisationError.HasWork, await book.DeleteAsync(quality, "admin"));
            Assert.Equal(OrganisationError.None, await book.RetireAsync(quality, "admin"));
        }

        await using (var db = Database.CreateContext())
        {
            var department = await db.Departments.SingleAsync(d => d.Id == quality);
            Assert.False(department.IsActive);
            Assert.False(department.ReceivesWork);
            // Its history stays: the task it already has is still there.
            Assert.True(await db.DepartmentTasks.AnyAsync(t => t.ComplaintId == id && t.DepartmentId == quality));
            Assert.DoesNotContain(quality, (await DepartmentDirectory.ListAsync(db, DepartmentListing.ReceivingWork)).Select(d => d.Id));
            Assert.Contains(quality, (await DepartmentDirectory.ListAsync(db, DepartmentListing.All)).Select(d => d.Id));
            Assert.Contains(await db.OrganisationChanges.Select(c => c.What).ToListAsync(), w => w.StartsWith("retired", StringComparison.Ordinal));
        }

        var other = (await Driver.RegisterAsync()).Id;
        await Driver.AssessAsync(other);
        await Driver.AcknowledgeAsync(other);
        var refused = await Driver.TryAsync(other, WorkflowAction.Dispatch, new() { DepartmentIds = [quality] }, Driver.Clerk);
        Assert.Equal(WorkflowError.DepartmentNotFound, refused.Error);
    }

    [Fact]
    public async Task Retiring_a_department_removes_the_routing_rules_that_name_it()
    {
        var production = Driver.DepartmentId(DepartmentCatalog.Production);
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(OrganisationError.None, await new DepartmentBook(db, Driver.Time).RetireAsync(production, "admin"));
        }

        await using var check = Database.CreateContext();
        Assert.False(await check.RoutingRules.AnyAsync(r => r.DepartmentId == production));
        var proposed = await RoutingProposal.ForCategoryAsync(check, Driver.CategoryId(CategoryCatalog.ProductQuality));
        Assert.Equal(new[] { DepartmentCatalog.RnD, DepartmentCatalog.Quality }.Select(Driver.DepartmentId).Order(), proposed.Order());
    }

    [Fact]
    public async Task A_department_without_work_can_be_deleted_and_a_parent_cycle_is_refused()
    {
        await using var db = Database.CreateContext();
        var book = new DepartmentBook(db, Driver.Time);
        var (added, section) = await book.AddAsync(
            new DepartmentInput("eng.night", "工程部夜班组", "工程部夜班組", "Night crew", DepartmentKind.Operational, Driver.DepartmentId(DepartmentCatalog.Engineering)), "admin");
        Assert.Equal(OrganisationError.None, added);
        Assert.Equal("ENG.NIGHT", section!.Code);

        var engineering = await db.Departments.AsNoTracking().SingleAsync(d => d.Code == DepartmentCatalog.Engineering);
        var cycle = new DepartmentInput(engineering.Code, engineering.NameZhHans, engineering.NameZhHant, engineering.NameEn, engineering.Kind, section.Id);
        Assert.Equal(OrganisationError.ParentCycle, await book.UpdateAsync(engineering.Id, cycle, "admin"));
        Assert.Equal(OrganisationError.CodeTaken, (await book.AddAsync(new DepartmentInput("ENG", "重复", "", "", DepartmentKind.Operational), "admin")).Error);

        Assert.Equal(OrganisationError.None, await book.DeleteAsync(section.Id, "admin"));
        Assert.False(await db.Departments.AnyAsync(d => d.Code == "ENG.NIGHT"));
        Assert.Equal(["added", "deleted"], (await db.OrganisationChanges.Where(c => c.SubjectCode == "ENG.NIGHT").OrderBy(c => c.Id).ToListAsync())
            .Select(c => c.What.Split(':')[0]));
    }

    [Fact]
    public async Task A_routing_rule_to_a_retired_unknown_or_oversight_department_is_refused_when_saved()
    {
        var billing = Driver.CategoryId(CategoryCatalog.Billing);
        var security = Driver.DepartmentId(DepartmentCatalog.Security);
        await using var db = Database.CreateContext();
        await new DepartmentBook(db, Driver.Time).RetireAsync(security, "admin");
        var rules = new RoutingRuleBook(db, Driver.Time);

        Assert.Equal(OrganisationError.DepartmentReceivesNoWork, await rules.SetAsync(billing, [security], "admin"));
        Assert.Equal(OrganisationError.UnknownDepartment, await rules.SetAsync(billing, [99_999], "admin"));
        Assert.Equal(OrganisationError.DepartmentReceivesNoWork, await rules.SetAsync(billing, [Driver.DepartmentId(DepartmentCatalog.Archive)], "admin"));
        Assert.Equal([Driver.DepartmentId(DepartmentCatalog.Finance)], await db.RoutingRules.Where(r => r.CategoryId == billing).Select(r => r.DepartmentId).ToListAsync());

        Assert.Equal(OrganisationError.None, await rules.SetAsync(billing, [Driver.DepartmentId(DepartmentCatalog.Finance), Driver.DepartmentId(DepartmentCatalog.Sales)], "admin"));
        Assert.Equal(2, await db.RoutingRules.CountAsync(r => r.CategoryId == billing));
        Assert.Single(await db.OrganisationChanges.Where(c => c.Subject == OrganisationSubject.RoutingRule && c.SubjectCode == CategoryCatalog.Billing).ToListAsync());
    }

    [Fact]
    public async Task The_mixed_organisation_routes_a_billing_dispute_to_finance()
    {
        await using var db = Database.CreateContext();

        Assert.Equal([Driver.DepartmentId(DepartmentCatalog.Finance)], await RoutingProposal.ForCategoryAsync(db, Driver.CategoryId(CategoryCatalog.Billing)));
    }

    [Fact]
    public async Task Team_members_come_from_the_team_department_and_each_change_is_logged()
    {
        var engineering = Driver.DepartmentId(DepartmentCatalog.Engineering);
        await using var db = Database.CreateContext();
        var teams = new TeamBook(db, Driver.Time);
        Assert.Equal(OrganisationError.None, await teams.AddAsync(engineering, "eng.lift", "电梯班组", "電梯班組", "Lift crew", "admin"));
        var team = Assert.Single(await teams.OfDepartmentAsync(engineering));

        Assert.Equal(OrganisationError.InvalidInput, await teams.SetMembersAsync(team.Id, [Driver.HandlerOf(DepartmentCatalog.Quality).UserId], "admin"));
        Assert.Equal(OrganisationError.None, await teams.SetMembersAsync(team.Id, [Driver.HandlerOf(DepartmentCatalog.Engineering).UserId], "admin"));

        Assert.Equal([Driver.HandlerOf(DepartmentCatalog.Engineering).UserId], (await teams.OfDepartmentAsync(engineering)).Single().Members.Select(m => m.UserId));
        Assert.Equal(2, await db.OrganisationChanges.CountAsync(c => c.SubjectCode == "ENG.LIFT"));
        Assert.Equal(OrganisationError.HasWork, await new DepartmentBook(db, Driver.Time).DeleteAsync(engineering, "admin"));
    }
}
