using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;

namespace ComplaintPortal.Web.Features.Cases;

/// <summary>
/// Who may open a case at all: those who work it, and the supervision committee that spot-checks. One rule
/// in two forms: <see cref="MaySee"/> for a loaded case (the case page, evidence downloads) and
/// <see cref="VisibleTo"/> as a query filter for lists (queue, search), so a list never shows a case
/// whose page would be refused.
/// </summary>
public static class CaseAccess
{
    public static bool MaySee(Complaint complaint, ActingUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return ComplaintWorkflow.WorksTheCase(complaint, user) || user.IsInRole(PortalRoles.Supervisor);
    }

    /// <summary>The cases <see cref="MaySee"/> admits, as a filter the database applies.</summary>
    public static IQueryable<Complaint> VisibleTo(this IQueryable<Complaint> cases, ActingUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (WorksEveryCase(user) || user.IsInRole(PortalRoles.Supervisor))
        {
            return cases;
        }

        var department = DepartmentOf(user);
        return department is null ? cases.Where(c => false) : cases.Where(c => c.Tasks.Any(t => t.DepartmentId == department));
    }

    /// <summary>Customer service and leadership work every case (<see cref="ComplaintWorkflow.WorksTheCase"/>).</summary>
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
