using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Cases;

/// <summary>One visibility rule: the query filter and the single-case check agree for every kind of user.</summary>
public sealed class CaseVisibilityTests : CaseDatabaseTest
{
    [Fact]
    public async Task The_query_filter_and_the_case_check_agree_for_every_role_and_case()
    {
        var registered = (await Driver.CaseInStageAsync(CaseStage.Registered)).Id;
        var quality = (await Driver.CaseInStageAsync(CaseStage.InDepartments)).Id; // quality + production
        var users = new Dictionary<string, ActingUser>
        {
            ["clerk"] = Driver.Clerk,
            ["leader"] = Driver.Leader,
            ["supervisor"] = Driver.Outsider,
            ["quality handler"] = Driver.HandlerOf(DepartmentCatalog.Quality),
            ["engineering head"] = Driver.HeadOf(DepartmentCatalog.Engineering),
            ["archivist"] = new("u-arch", "档案", Driver.DepartmentId(DepartmentCatalog.Archive), new HashSet<string>([PortalRoles.ArchiveClerk])),
            ["handler without department"] = new("u-x", "x", null, new HashSet<string>([PortalRoles.DepartmentHandler])),
        };
        var expected = new Dictionary<string, int[]>
        {
            ["clerk"] = [registered, quality],
            ["leader"] = [registered, quality],
            ["supervisor"] = [registered, quality],
            ["quality handler"] = [quality],
            ["engineering head"] = [],
            ["archivist"] = [],
            ["handler without department"] = [],
        };

        await using var db = Database.CreateContext();
        var cases = await db.Complaints.Include(c => c.Tasks).ToListAsync();
        foreach (var (name, user) in users)
        {
            var listed = await db.Complaints.Where(CaseVisibility.For(user)).Select(c => c.Id).OrderBy(id => id).ToListAsync();
            var checkedOneByOne = cases.Where(c => CaseVisibility.MaySee(c, user)).Select(c => c.Id).Order().ToList();

            Assert.True(expected[name].SequenceEqual(listed), $"{name}: listed {string.Join(",", listed)}");
            Assert.True(listed.SequenceEqual(checkedOneByOne), $"{name}: checked {string.Join(",", checkedOneByOne)}");
        }
    }
}
