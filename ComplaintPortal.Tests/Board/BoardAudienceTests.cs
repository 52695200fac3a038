using ComplaintPortal.Domain.Board;
using ComplaintPortal.Domain.Organisation;

namespace ComplaintPortal.Tests.Board;

public class BoardAudienceTests
{
    [Theory]
    [InlineData(PortalRoles.IntakeClerk, 1, new[] { BoardAudience.EveryCaseGroup })]
    [InlineData(PortalRoles.Leadership, 13, new[] { BoardAudience.EveryCaseGroup })]
    [InlineData(PortalRoles.Supervisor, 11, new[] { BoardAudience.EveryCaseGroup })]
    [InlineData(PortalRoles.DepartmentHandler, 4, new[] { "board:dept:4" })]
    [InlineData(PortalRoles.DepartmentHead, 7, new[] { "board:dept:7" })]
    [InlineData(PortalRoles.ArchiveClerk, 12, new string[0])]
    [InlineData(PortalRoles.Administrator, null, new string[0])]
    public void User_joins_only_the_groups_whose_cases_the_board_shows_them(string role, int? department, string[] expected)
    {
        Assert.Equal(expected, BoardAudience.GroupsFor(r => r == role, department));
    }

    [Fact]
    public void Handler_without_a_department_joins_no_group()
    {
        Assert.Empty(BoardAudience.GroupsFor(r => r == PortalRoles.DepartmentHandler, null));
    }

    [Fact]
    public void Case_change_goes_to_everyone_who_sees_all_and_to_each_task_department_once()
    {
        Assert.Equal([BoardAudience.EveryCaseGroup, "board:dept:2", "board:dept:4"], BoardAudience.GroupsForCase([4, 2, 4]));
    }
}
