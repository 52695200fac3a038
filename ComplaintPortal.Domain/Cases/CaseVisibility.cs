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
            return c => c.ArchivedAt == null && c.Tasks.Any(t => t.DepartmentId == department);
        }

        return c => false;
    }

    /// <summary>The same rule for one loaded case (its tasks loaded).</summary>
    public static bool MaySee(Complaint complaint, ActingUser user)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(user);
        return complaint.ArchivedAt is null
            && (SeesEveryCase(user) || (SeesDepartmentCases(user) && complaint.HasTaskFor(user.DepartmentId)));
    }

    private static bool SeesEveryCase(ActingUser user) =>
        user.IsInRole(PortalRoles.IntakeClerk) || user.IsInRole(PortalRoles.Leadership) || user.IsInRole(PortalRoles.Supervisor);

    private static bool SeesDepartmentCases(ActingUser user) =>
        user.IsInRole(PortalRoles.DepartmentHandler) || user.IsInRole(PortalRoles.DepartmentHead);
}
