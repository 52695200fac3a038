using System.Security.Claims;
using ComplaintPortal.Domain.Board;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Web.Features.Board;

namespace ComplaintPortal.Tests.Board;

public class BoardAudienceTests
{
    [Theory]
    [InlineData(PortalRoles.IntakeClerk, 1, true, null)]
    [InlineData(PortalRoles.Leadership, 13, true, null)]
    [InlineData(PortalRoles.Supervisor, 11, true, null)]
    [InlineData(PortalRoles.DepartmentHandler, 4, false, 4)]
    [InlineData(PortalRoles.DepartmentHead, 7, false, 7)]
    [InlineData(PortalRoles.ArchiveClerk, 12, false, null)]
    [InlineData(PortalRoles.Administrator, null, false, null)]
    public void Each_role_is_the_audience_of_every_case_or_of_its_departments_cases(string role, int? department, bool everyCase, int? audienceDepartment)
    {
        var viewer = BoardViewers.For(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], "test")), department);

        Assert.Equal(new BoardViewer(everyCase, audienceDepartment), viewer);
    }

    [Fact]
    public void Handler_without_a_department_sees_nothing()
    {
        var viewer = BoardViewers.For(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, PortalRoles.DepartmentHandler)], "test")), null);

        Assert.True(viewer.SeesNothing);
        Assert.False(viewer.MaySeeCaseOf([1, 2, 3]));
    }

    [Fact]
    public void Department_sees_a_case_only_while_it_has_a_task_on_it()
    {
        var quality = new BoardViewer(false, 4);

        Assert.True(quality.MaySeeCaseOf([2, 4]));
        Assert.False(quality.MaySeeCaseOf([2, 7]));
        Assert.False(quality.MaySeeCaseOf([]));
        Assert.True(new BoardViewer(true, null).MaySeeCaseOf([]));
    }
}
