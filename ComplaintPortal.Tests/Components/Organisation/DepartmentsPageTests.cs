using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Components.Organisation;

/// <summary>The administrator's department pages: the tree, adding with inline checks, and retiring a department that has work.</summary>
public sealed class DepartmentsPageTests : CaseDatabaseTest
{
    [Fact]
    public async Task Departments_are_listed_with_their_names_and_whether_they_receive_work()
    {
        await using var ctx = OrganisationPageContext.Administrator(Database, Driver);

        var cut = ctx.RenderPage<Departments>();

        cut.WaitForElement("[data-department=QA]");
        var table = cut.Find("[data-test=department-table]").TextContent;
        var active = await ctx.WithDbAsync(db => db.Departments.CountAsync());
        Assert.Equal(active, cut.FindAll("[data-department]").Count);
        Assert.Contains("质量部", table, StringComparison.Ordinal);
        Assert.Contains("工程部", table, StringComparison.Ordinal);
        Assert.Contains("接收任务", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_department_that_receives_work_without_an_active_head_account_is_flagged()
    {
        // The heads exist as accounts here but without the role; quality's head is given it, engineering's stays without.
        var quality = Driver.DepartmentId(DepartmentCatalog.Quality);
        var engineering = Driver.DepartmentId(DepartmentCatalog.Engineering);
        await using var ctx = OrganisationPageContext.Administrator(Database, Driver);
        await ctx.WithDbAsync(async db =>
        {
            var role = await db.Roles.SingleAsync(r => r.Name == PortalRoles.DepartmentHead);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = Driver.HeadOf(DepartmentCatalog.Quality).UserId, RoleId = role.Id });
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = Driver.HeadOf(DepartmentCatalog.Engineering).UserId, RoleId = role.Id });
            var locked = await db.Users.SingleAsync(u => u.Id == Driver.HeadOf(DepartmentCatalog.Engineering).UserId);
            locked.LockoutEnd = DateTimeOffset.MaxValue; // a locked account acts for no one
            return await db.SaveChangesAsync();
        });

        var cut = ctx.RenderPage<Departments>();

        cut.WaitForElement("[data-department=QA]");
        string? Flag(string code) => cut.Find($"[data-department={code}]").Closest("tr")!.QuerySelector("[data-test=no-head-account]")?.TextContent;
        Assert.Null(Flag("QA"));
        Assert.Contains("无负责人账号", Flag("ENG"), StringComparison.Ordinal);

        await ctx.DisposeComponentsAsync();
        var page = ctx.RenderPage<DepartmentEdit>((nameof(DepartmentEdit.Id), engineering.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("新任务、期限提醒和整改通知无人接收", page.WaitForElement("[data-test=no-head-account]").TextContent, StringComparison.Ordinal);
        await ctx.DisposeComponentsAsync();
        var fine = ctx.RenderPage<DepartmentEdit>((nameof(DepartmentEdit.Id), quality.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        fine.WaitForElement("[data-test=department-head]");
        Assert.Empty(fine.FindAll("[data-test=no-head-account]"));
    }

    [Fact]
    public async Task Adding_a_department_says_what_is_missing_and_a_taken_code_on_the_field_then_saves()
    {
        await using var ctx = OrganisationPageContext.Administrator(Database, Driver);
        var cut = ctx.RenderPage<Departments>();
        cut.WaitForElement("[data-department=QA]");

        cut.Find("[data-test=new-department]").Click();
        cut.WaitForElement("[data-test=add-department]").Click();
        var missing = cut.Find("[data-test=department-dialog]").TextContent;
        cut.Find("[data-test=department-code]").Change("QA");
        cut.Find("[data-test=name-zh-hans]").Change("检测中心");
        cut.Find("[data-test=add-department]").Click();
        cut.WaitForAssertion(() => Assert.Contains("该代码已被使用", cut.Find("[data-test=department-code]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        cut.Find("[data-test=department-code]").Change("LAB");
        cut.Find("[data-test=add-department]").Click();

        Assert.Contains("必填", missing, StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-test=department-dialog]")));
        var added = await ctx.WithDbAsync(db => db.Departments.SingleAsync(d => d.Code == "LAB"));
        Assert.Equal("检测中心", added.NameZhHans);
        cut.WaitForElement("[data-department=LAB]");
        Assert.Equal(1, await ctx.WithDbAsync(db => db.OrganisationChanges.CountAsync(c => c.SubjectCode == "LAB")));
    }

    [Fact]
    public async Task A_department_with_cases_is_not_deleted_but_can_be_retired()
    {
        await Driver.CaseInStageAsync(Domain.Cases.CaseStage.InDepartments);
        var quality = Driver.DepartmentId(DepartmentCatalog.Quality);
        await using var ctx = OrganisationPageContext.Administrator(Database, Driver);
        var cut = ctx.RenderPage<DepartmentEdit>((nameof(DepartmentEdit.Id), quality.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        cut.WaitForElement("[data-test=delete-department]").Click();
        OrganisationPageContext.Confirm(cut, "删除");

        cut.WaitForAssertion(() => Assert.Contains("只能停用，不能删除", cut.Find(".mud-snackbar").TextContent, StringComparison.Ordinal));
        Assert.True(await ctx.WithDbAsync(db => db.Departments.AnyAsync(d => d.Id == quality && d.IsActive)));

        cut.Find("[data-test=retire-department]").Click();
        OrganisationPageContext.Confirm(cut, "停用");

        cut.WaitForElement("[data-test=retired]");
        Assert.False(await ctx.WithDbAsync(db => db.Departments.Where(d => d.Id == quality).Select(d => d.IsActive).SingleAsync()));
        Assert.Single(cut.FindAll("[data-test=reactivate-department]"));
    }

    [Fact]
    public async Task A_save_after_another_administrator_saved_the_department_is_refused_and_the_page_shows_their_change()
    {
        var engineering = Driver.DepartmentId(DepartmentCatalog.Engineering);
        await using var ctx = OrganisationPageContext.Administrator(Database, Driver);
        var cut = ctx.RenderPage<DepartmentEdit>((nameof(DepartmentEdit.Id), engineering.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        cut.WaitForElement("[data-test=save-department]");

        // Another administrator renames it while this page is open.
        await ctx.WithDbAsync(async db =>
        {
            var other = await db.Departments.AsNoTracking().SingleAsync(d => d.Id == engineering);
            return await new Domain.Organisation.DepartmentBook(db, Driver.Time).UpdateAsync(engineering,
                new Domain.Organisation.DepartmentInput(other.Code, "工程维修部", other.NameZhHant, other.NameEn, other.Kind, other.ParentId, other.HeadUserId,
                    other.CalendarCode, other.Version), "admin2");
        });
        cut.Find("[data-test=name-zh-hans]").Change("工程部（我改的）");
        cut.Find("[data-test=save-department]").Click();

        cut.WaitForAssertion(() => Assert.Contains("其他管理员已同时保存了修改", cut.Find(".mud-snackbar").TextContent, StringComparison.Ordinal));
        Assert.Equal("工程维修部", await ctx.WithDbAsync(db => db.Departments.Where(d => d.Id == engineering).Select(d => d.NameZhHans).SingleAsync()));
        cut.WaitForAssertion(() => Assert.Equal("工程维修部", cut.Find("[data-test=name-zh-hans]").GetAttribute("value")));
    }
}
