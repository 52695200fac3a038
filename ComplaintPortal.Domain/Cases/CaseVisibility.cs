using System.Linq.Expressions;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;

namespace ComplaintPortal.Domain.Cases;

/// <summary>
/// Who may see a case at all, in one place for pages, lists, searches, exports, counts and feeds: those
/// who work it (customer service, leadership, the departments with a task on it) and the supervision
/// committee that spot-checks. A case outside the rule is answered as if it did not exist. An archived case
/// is outside it for everyone: its file is read only through an approved archive access request.
/// </summary>
public static class CaseVisibility
{
    /// <summary>The rule as a filter for any query over complaints: <c>db.Complaints.Where(CaseVisibility.For(user))</c>.</summary>
    public static Expression<Func<Complaint, bool>> For(ActingUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (SeesEveryCase(user))
        {
            return c => c.ArchivedAt == null;
        }

        if (SeesDepartmentCases(user) && user.DepartmentId is { } department)
        {
            return OfDepartment(department);
        }

        return c => false;
    }

    /// <summary>The same rule for one loaded case (its tasks loaded).</summary>
    public static bool MaySee(Complaint complaint, ActingUser user)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(user);
        return complaint.ArchivedAt is null && WouldSeeUnarchived(complaint, user);
    }

    /// <summary>
    /// Whether the rule lets <paramref name="user"/> see the case apart from its being archived: such a viewer may be told
    /// where the case's file went (its archive number), which tells nobody else that the case exists.
    /// </summary>
    public static bool WouldSeeUnarchived(Complaint complaint, ActingUser user)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(user);
        return SeesEveryCase(user) || (SeesDepartmentCases(user) && complaint.HasTaskFor(user.DepartmentId));
    }

    /// <summary>The cases a department may see: those on which it has a task, while not archived.</summary>
    public static Expression<Func<Complaint, bool>> OfDepartment(int departmentId) =>
        c => c.ArchivedAt == null && c.Tasks.Any(t => t.DepartmentId == departmentId);

    /// <summary>Customer service, leadership and the supervision committee see every case.</summary>
    public static bool SeesEveryCase(Func<string, bool> isInRole)
    {
        ArgumentNullException.ThrowIfNull(isInRole);
        return isInRole(PortalRoles.IntakeClerk) || isInRole(PortalRoles.Leadership) || isInRole(PortalRoles.Supervisor);
    }

    /// <summary>Handlers and heads see the cases of their own department (<see cref="OfDepartment"/>).</summary>
    public static bool SeesDepartmentCases(Func<string, bool> isInRole)
    {
        ArgumentNullException.ThrowIfNull(isInRole);
        return isInRole(PortalRoles.DepartmentHandler) || isInRole(PortalRoles.DepartmentHead);
    }

    private static bool SeesEveryCase(ActingUser user) => SeesEveryCase(user.IsInRole);

    private static bool SeesDepartmentCases(ActingUser user) => SeesDepartmentCases(user.IsInRole);
}
