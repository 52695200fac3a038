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
        return For(user, (await users.FindAsync(user, cancellationToken))?.DepartmentId);
    }

    /// <summary>
    /// The audience of a user with these roles and this account department. Whoever sees every case is one
    /// audience whatever their department, so their boards share one row per change.
    /// </summary>
    public static BoardViewer For(ClaimsPrincipal user, int? departmentId)
    {
        ArgumentNullException.ThrowIfNull(user);
        var everyCase = BoardAudience.SeesEveryCase(user.IsInRole);
        return new BoardViewer(everyCase, !everyCase && BoardAudience.SeesDepartmentCases(user.IsInRole) ? departmentId : null);
    }
}
