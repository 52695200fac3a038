using System.Security.Claims;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;

namespace ComplaintPortal.Web.Features.Reports;

/// <summary>Whose figures a report shows its reader: the whole organisation's, or a department head's own department's.</summary>
public static class ReportReaders
{
    /// <summary>Leadership, the committee and customer service read the whole organisation's figures.</summary>
    public static bool WholeOrganisation(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(PortalRoles.Leadership) || user.IsInRole(PortalRoles.Supervisor) || user.IsInRole(PortalRoles.IntakeClerk);
    }

    /// <summary>
    /// The department whose figures <paramref name="user"/> reads: none (the whole organisation), or a department head's own
    /// (one with no department reads none: -1 matches no case).
    /// </summary>
    public static int? OnlyDepartment(ClaimsPrincipal user, ActingUser? acting) =>
        WholeOrganisation(user) ? null : acting?.DepartmentId ?? -1;
}
