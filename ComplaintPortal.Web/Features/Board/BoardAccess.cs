using ComplaintPortal.Domain.Organisation;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>Who may open the live board and its export (which cases each sees is <see cref="Domain.Board.BoardAudience"/>).</summary>
public static class BoardAccess
{
    public const string Roles = PortalRoles.IntakeClerk + "," + PortalRoles.DepartmentHandler + "," + PortalRoles.DepartmentHead + ","
        + PortalRoles.Leadership + "," + PortalRoles.Supervisor;
}
