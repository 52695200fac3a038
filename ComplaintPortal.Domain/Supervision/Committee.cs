using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;

namespace ComplaintPortal.Domain.Supervision;

/// <summary>
/// Who may do what in supervision (監督小組): the one place the services and pages ask. Committee members
/// (<see cref="PortalRoles.Supervisor"/>) draw, check, verify and publish; a department head answers the
/// notices of their own department; leadership sees every notice and the published figures; nobody else
/// sees a notice that is not their department's.
/// </summary>
public static class Committee
{
    public static bool IsMember(ActingUser actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsInRole(PortalRoles.Supervisor);
    }

    public static bool MayEditChecklists(ActingUser actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsInRole(PortalRoles.Administrator);
    }

    public static bool MaySee(RectificationNotice notice, ActingUser actor)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(actor);
        return IsMember(actor) || actor.IsInRole(PortalRoles.Leadership) || IsOfDepartment(actor, notice.DepartmentId);
    }

    public static bool MayAnswer(RectificationNotice notice, ActingUser actor)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsInRole(PortalRoles.DepartmentHead) && actor.DepartmentId == notice.DepartmentId;
    }

    /// <summary>Published figures are for leadership and department heads as well as the committee.</summary>
    public static bool MaySeePublishedFigures(ActingUser actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return IsMember(actor) || actor.IsInRole(PortalRoles.Leadership) || actor.IsInRole(PortalRoles.DepartmentHead);
    }

    /// <summary>Per-handler figures: the committee and leadership see everyone's, a head only their department's.</summary>
    public static bool MaySeeHandlersOf(int departmentId, ActingUser actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return IsMember(actor) || actor.IsInRole(PortalRoles.Leadership)
            || (actor.IsInRole(PortalRoles.DepartmentHead) && actor.DepartmentId == departmentId);
    }

    private static bool IsOfDepartment(ActingUser actor, int departmentId) =>
        (actor.IsInRole(PortalRoles.DepartmentHead) || actor.IsInRole(PortalRoles.DepartmentHandler)) && actor.DepartmentId == departmentId;
}
