using System.Security.Claims;
using ComplaintPortal.Domain.Board;
using ComplaintPortal.Web.Features.Cases;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>Turns the signed-in user into the board audience rule (all cases, or one department's).</summary>
public static class BoardViewers
{
    public static async Task<BoardViewer> ForAsync(ClaimsPrincipal user, CaseUsers users, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(users);
        var departmentId = (await users.FindAsync(user, cancellationToken))?.DepartmentId;
        return new BoardViewer(
            BoardAudience.SeesEveryCase(user.IsInRole),
            BoardAudience.SeesDepartmentCases(user.IsInRole) ? departmentId : null);
    }
}
