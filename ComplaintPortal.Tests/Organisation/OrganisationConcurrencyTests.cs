using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Admin;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Organisation;

/// <summary>Two administrators editing the same department or category: the second save is refused, never a silent overwrite.</summary>
public sealed class OrganisationConcurrencyTests : CaseDatabaseTest
{
    [Fact]
    public async Task A_department_edited_from_the_version_before_another_administrator_s_save_is_refused_and_nothing_is_overwritten()
    {
        Department opened;
        await using (var db = Database.CreateContext())
        {
            opened = await db.Departments.AsNoTracking().SingleAsync(d => d.Code == DepartmentCatalog.Engineering);
        }

        DepartmentInput Edit(string name, int version) =>
            new(opened.Code, name, opened.NameZhHant, opened.NameEn, opened.Kind, opened.ParentId, opened.HeadUserId, opened.CalendarCode, version);

        await using (var first = Database.CreateContext())
        {
            Assert.Equal(OrganisationError.None, await new DepartmentBook(first, Driver.Time).UpdateAsync(opened.Id, Edit("工程维修部", opened.Version), "admin1"));
        }

        await using (var second = Database.CreateContext())
        {
            Assert.Equal(OrganisationError.ConcurrencyConflict,
                await new DepartmentBook(second, Driver.Time).UpdateAsync(opened.Id, Edit("工程部（新）", opened.Version), "admin2"));
            // A retirement in between moves the version on too.
            var now = await second.Departments.AsNoTracking().SingleAsync(d => d.Id == opened.Id);
            Assert.Equal(("工程维修部", opened.Version + 1), (now.NameZhHans, now.Version));
        }

        await using (var third = Database.CreateContext())
        {
            Assert.Equal(OrganisationError.None, await new DepartmentBook(third, Driver.Time).RetireAsync(opened.Id, "admin1"));
            Assert.Equal(OrganisationError.ConcurrencyConflict,
                await new DepartmentBook(third, Driver.Time).UpdateAsync(opened.Id, Edit("工程部（新）", opened.Version + 1), "admin2"));
        }

        await using var check = Database.CreateContext();
        Assert.Equal(["工程维修部"], await check.Departments.AsNoTracking().Where(d => d.Id == opened.Id).Select(d => d.NameZhHans).ToListAsync());
        Assert.DoesNotContain(await check.OrganisationChanges.AsNoTracking().Select(c => c.What).ToListAsync(), w => w.Contains("工程部（新）", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_category_edited_from_the_version_before_another_administrator_s_save_is_refused_with_its_routing_untouched()
    {
        int id;
        int version;
        await using (var db = Database.CreateContext())
        {
            var category = await db.Categories.AsNoTracking().SingleAsync(c => c.Id == Driver.CategoryId(CategoryCatalog.ProductQuality));
            (id, version) = (category.Id, category.Version);
        }

        var quality = Driver.DepartmentId(DepartmentCatalog.Quality);
        var engineering = Driver.DepartmentId(DepartmentCatalog.Engineering);
        await using (var first = Database.CreateContext())
        {
            var admin = new CategoryAdministration(first, new RoutingRuleBook(first, Driver.Time));
            Assert.Equal(OrganisationError.None, await admin.UpdateAsync(id, "产品质量", "產品質量", "Product quality", true, [quality], "admin1", version));
        }

        await using (var second = Database.CreateContext())
        {
            var admin = new CategoryAdministration(second, new RoutingRuleBook(second, Driver.Time));
            Assert.Equal(OrganisationError.ConcurrencyConflict,
                await admin.UpdateAsync(id, "质量问题", "質量問題", "Quality", false, [engineering], "admin2", version));
        }

        await using var check = Database.CreateContext();
        var saved = await check.Categories.AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.Equal(("产品质量", true, version + 1), (saved.NameZhHans, saved.IsActive, saved.Version));
        Assert.Equal([quality], await check.RoutingRules.AsNoTracking().Where(r => r.CategoryId == id).Select(r => r.DepartmentId).ToListAsync());
    }

    [Fact]
    public async Task Team_members_saved_from_the_list_before_another_administrator_s_change_are_refused()
    {
        var engineering = Driver.DepartmentId(DepartmentCatalog.Engineering);
        var handler = Driver.HandlerOf(DepartmentCatalog.Engineering).UserId;
        await using var db = Database.CreateContext();
        var teams = new TeamBook(db, Driver.Time);
        Assert.Equal(OrganisationError.None, await teams.AddAsync(engineering, "eng.lift", "电梯班组", "電梯班組", "Lift crew", "admin"));
        var team = Assert.Single(await teams.OfDepartmentAsync(engineering));

        // Both pages showed an empty team; the first adds the handler, the second saves its own choice from the empty list.
        Assert.Equal(OrganisationError.None, await teams.SetMembersAsync(team.Id, [handler], "admin1", []));
        Assert.Equal(OrganisationError.ConcurrencyConflict, await teams.SetMembersAsync(team.Id, [], "admin2", []));

        await using (var check = Database.CreateContext())
        {
            Assert.Equal([handler], (await new TeamBook(check, Driver.Time).OfDepartmentAsync(engineering)).Single().Members.Select(m => m.UserId));
        }

        Assert.Equal(OrganisationError.None, await teams.SetMembersAsync(team.Id, [], "admin2", [handler]));
    }
    [Fact]
    public async Task Two_administrators_saving_one_team_s_members_in_the_same_instant_cannot_both_land()
    {
        var engineering = Driver.DepartmentId(DepartmentCatalog.Engineering);
        var handler = Driver.HandlerOf(DepartmentCatalog.Engineering).UserId;
        var head = Driver.HeadOf(DepartmentCatalog.Engineering).UserId;
        int teamId;
        await using (var db = Database.CreateContext())
        {
            var teams = new TeamBook(db, Driver.Time);
            Assert.Equal(OrganisationError.None, await teams.AddAsync(engineering, "eng.lift", "电梯班组", "電梯班組", "Lift crew", "admin"));
            teamId = Assert.Single(await teams.OfDepartmentAsync(engineering)).Id;
        }

        // Both read the empty team and pass the comparison with what their pages showed; the first lands between the
        // second's read and its save.
        var first = new BeforeFirstSave(async () =>
        {
            await using var other = Database.CreateContext();
            Assert.Equal(OrganisationError.None, await new TeamBook(other, Driver.Time).SetMembersAsync(teamId, [handler], "admin1", []));
        });
        await using (var db = Database.CreateContext(first))
        {
            Assert.Equal(OrganisationError.ConcurrencyConflict, await new TeamBook(db, Driver.Time).SetMembersAsync(teamId, [head], "admin2", []));
        }

        Assert.True(first.Ran);
        await using var check = Database.CreateContext();
        Assert.Equal([handler], (await new TeamBook(check, Driver.Time).OfDepartmentAsync(engineering)).Single().Members.Select(m => m.UserId));
        Assert.Single(await check.OrganisationChanges.AsNoTracking().Where(c => c.Subject == OrganisationSubject.Membership).ToListAsync());
    }
}

