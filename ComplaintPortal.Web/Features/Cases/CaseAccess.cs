using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;

namespace ComplaintPortal.Web.Features.Cases;

/// <summary>
/// Who may open a case at all: the domain's one rule (<see cref="CaseVisibility"/>), in the two forms the
/// case pages use: <see cref="MaySee"/> for a loaded case (the case page, evidence) and <see cref="VisibleTo"/>
/// as the filter of every list (queue, search), so a list never shows a case whose page answers "not found".
/// </summary>
public static class CaseAccess
{
    public static bool MaySee(Complaint complaint, ActingUser user) => CaseVisibility.MaySee(complaint, user);

    /// <summary>The cases <see cref="MaySee"/> admits, as a filter the database applies.</summary>
    public static IQueryable<Complaint> VisibleTo(this IQueryable<Complaint> cases, ActingUser user) => cases.Where(CaseVisibility.For(user));

    /// <summary>Customer service and leadership work every case (<see cref="ComplaintWorkflow.WorksTheCase"/>): they see personal data unmasked.</summary>
    public static bool WorksEveryCase(ActingUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(PortalRoles.IntakeClerk) || user.IsInRole(PortalRoles.Leadership);
    }

    /// <summary>The department whose tasks a handler or head works, or null for other roles.</summary>
    public static int? DepartmentOf(ActingUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(PortalRoles.DepartmentHandler) || user.IsInRole(PortalRoles.DepartmentHead) ? user.DepartmentId : null;
    }
}
