using ComplaintPortal.Domain.Organisation;

namespace ComplaintPortal.Domain.Board;

/// <summary>
/// Who sees which cases on the live board: customer service, leadership and supervisors see every open
/// case; handlers and heads see the cases on which their department has a task. The hub joins groups by
/// this rule and the board query filters by it, so a notice never reaches someone whose board could not
/// show the row.
/// </summary>
public static class BoardAudience
{
    public const string EveryCaseGroup = "board:all";

    public static string DepartmentGroup(int departmentId) =>
        "board:dept:" + departmentId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static bool SeesEveryCase(Func<string, bool> isInRole)
    {
        ArgumentNullException.ThrowIfNull(isInRole);
        return isInRole(PortalRoles.IntakeClerk) || isInRole(PortalRoles.Leadership) || isInRole(PortalRoles.Supervisor);
    }

    public static bool SeesDepartmentCases(Func<string, bool> isInRole)
    {
        ArgumentNullException.ThrowIfNull(isInRole);
        return isInRole(PortalRoles.DepartmentHandler) || isInRole(PortalRoles.DepartmentHead);
    }

    /// <summary>The hub groups a user belongs to.</summary>
    public static IReadOnlyList<string> GroupsFor(Func<string, bool> isInRole, int? departmentId)
    {
        var groups = new List<string>();
        if (SeesEveryCase(isInRole))
        {
            groups.Add(EveryCaseGroup);
        }

        if (SeesDepartmentCases(isInRole) && departmentId is { } id)
        {
            groups.Add(DepartmentGroup(id));
        }

        return groups;
    }

    /// <summary>The groups that must hear about a change to a case with tasks in these departments.</summary>
    public static IReadOnlyList<string> GroupsForCase(IEnumerable<int> taskDepartmentIds)
    {
        ArgumentNullException.ThrowIfNull(taskDepartmentIds);
        return [EveryCaseGroup, .. taskDepartmentIds.Distinct().Order().Select(DepartmentGroup)];
    }
}
