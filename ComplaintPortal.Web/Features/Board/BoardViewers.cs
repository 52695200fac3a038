using System.Security.Claims;
using ComplaintPortal.Domain.Board;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>Turns the signed-in user into the board audience rule (all cases, or one department's).</summary>
public static class BoardViewers
{
    public static async Task<BoardViewer> ForAsync(ClaimsPrincipal user, PortalDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var departmentId = userId is null
            ? null
            : await db.Users.Where(u => u.Id == userId).Select(u => u.DepartmentId).FirstOrDefaultAsync(cancellationToken);
        return new BoardViewer(
            BoardAudience.SeesEveryCase(user.IsInRole),
            BoardAudience.SeesDepartmentCases(user.IsInRole) ? departmentId : null);
    }
}
