using ComplaintPortal.Domain.Cases;

namespace ComplaintPortal.Domain.Board;

/// <summary>
/// Who sees which cases on the live board (the same rule as the case page): customer service, leadership
/// and supervisors see every open case; handlers and heads see the cases on which their department has
/// a task. The board query filters by it and the change feed delivers by it, so a change never reaches
/// a board that could not show the row. The rule itself is <see cref="CaseVisibility"/>'s.
/// </summary>
public static class BoardAudience
{
    public static bool SeesEveryCase(Func<string, bool> isInRole) => CaseVisibility.SeesEveryCase(isInRole);

    public static bool SeesDepartmentCases(Func<string, bool> isInRole) => CaseVisibility.SeesDepartmentCases(isInRole);
}
