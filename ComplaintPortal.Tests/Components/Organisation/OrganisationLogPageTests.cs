using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Components.Cases;
using ComplaintPortal.Web.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Components.Organisation;

/// <summary>The organisation's change log reads as words: names instead of account ids and codes, no stored key=value text.</summary>
public sealed class OrganisationLogPageTests : CasePageTest
{
    [Fact]
    public async Task Changes_are_told_with_names_in_the_viewer_s_language_and_no_ids()
    {
        await using var ctx = OrganisationPageContext.Administrator(Database, Driver);
        var engineering = Driver.DepartmentId(DepartmentCatalog.Engineering);
        var handler = Driver.HandlerOf(DepartmentCatalog.Engineering);
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(OrganisationError.None, await new DepartmentBook(db, Driver.Time).RetireAsync(Driver.DepartmentId(DepartmentCatalog.Sales), "admin"));
            var teams = new TeamBook(db, Driver.Time);
            Assert.Equal(OrganisationError.None, await teams.AddAsync(engineering, "ENG-LIFT", "电梯组", "電梯組", "Lifts", "admin"));
            var team = await db.Teams.SingleAsync(t => t.Code == "ENG-LIFT");
            Assert.Equal(OrganisationError.None, await teams.SetMembersAsync(team.Id, [handler.UserId], "admin"));
            var category = await db.Categories.FirstAsync(c => c.Code == CategoryCatalog.ProductQuality);
            Assert.Equal(OrganisationError.None, await new RoutingRuleBook(db, Driver.Time).SetAsync(category.Id, [engineering], "admin"));
        }

        var cut = ctx.RenderPage<OrganisationLog>();

        cut.WaitForAssertion(() => Assert.True(cut.FindAll("[data-test=change-what]").Count >= 5));
        var lines = cut.FindAll("[data-test=organisation-log] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(lines, l => l.Contains("派单至：工程部", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("加入：" + handler.Name, StringComparison.Ordinal) && l.Contains("ENG-LIFT", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("在 工程部 新增小组：电梯组", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("销售部", StringComparison.Ordinal) && l.Contains("已停用（不再接收新任务）", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("系统（初始化）", StringComparison.Ordinal) && l.Contains("应用初始方案：", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(handler.UserId, StringComparison.Ordinal) || l.Contains("joined=", StringComparison.Ordinal)
            || l.Contains("routes to", StringComparison.Ordinal) || l.Contains("applied:", StringComparison.Ordinal));
    }
}
