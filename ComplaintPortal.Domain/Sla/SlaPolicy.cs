using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;

namespace ComplaintPortal.Domain.Sla;

/// <summary>
/// The time limits for one priority, optionally only for one category (which then overrides the
/// priority's default policy): first response, solution plan and completion, counted in working time on
/// a named calendar. Deadlines are stored instants, so a change applies only to deadlines set after it.
/// </summary>
public sealed class SlaPolicy
{
    public const int MinDueSoonPercent = 1;
    public const int MaxDueSoonPercent = 99;

    private SlaPolicy()
    {
    }

    public SlaPolicy(Priority priority, int? categoryId, string calendarCode, SlaTarget firstResponse, SlaTarget solutionPlan,
        SlaTarget completion, int dueSoonPercent)
    {
        Priority = priority;
        CategoryId = categoryId;
        Apply(calendarCode, firstResponse, solutionPlan, completion, dueSoonPercent);
    }

    public int Id { get; private set; }

    public Priority Priority { get; private set; }

    /// <summary>Null for the priority's default policy.</summary>
    public int? CategoryId { get; private set; }

    public string CalendarCode { get; private set; } = "";

    public int FirstResponseAmount { get; private set; }

    public SlaTargetUnit FirstResponseUnit { get; private set; }

    public DayCounting FirstResponseCounting { get; private set; }

    public int SolutionPlanAmount { get; private set; }

    public SlaTargetUnit SolutionPlanUnit { get; private set; }

    public DayCounting SolutionPlanCounting { get; private set; }

    public int CompletionAmount { get; private set; }

    public SlaTargetUnit CompletionUnit { get; private set; }

    public DayCounting CompletionCounting { get; private set; }

    /// <summary>
    /// When an administrator deleted this category override. Deadlines already computed from it keep their
    /// reference, so the row stays; a retired override no longer applies, and adding it again revives it.
    /// </summary>
    public DateTimeOffset? RetiredAt { get; private set; }

    public bool IsRetired => RetiredAt is not null;

    /// <summary>
    /// A deadline becomes due-soon when this share of its target's working time is left (20 = the last 20%).
    /// A share rather than a fixed amount, so one setting fits a 4-hour and a 7-day target alike.
    /// </summary>
    public int DueSoonPercent { get; private set; }

    public SlaTarget FirstResponse => new(FirstResponseAmount, FirstResponseUnit, FirstResponseCounting);

    public SlaTarget SolutionPlan => new(SolutionPlanAmount, SolutionPlanUnit, SolutionPlanCounting);

    public SlaTarget Completion => new(CompletionAmount, CompletionUnit, CompletionCounting);

    /// <summary>The target of one kind of deadline; a department task has the completion target, counted from dispatch.</summary>
    public SlaTarget TargetFor(DeadlineKind kind) => kind switch
    {
        DeadlineKind.FirstResponse => FirstResponse,
        DeadlineKind.SolutionPlan => SolutionPlan,
        DeadlineKind.Completion or DeadlineKind.DepartmentTask => Completion,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public void Apply(string calendarCode, SlaTarget firstResponse, SlaTarget solutionPlan, SlaTarget completion, int dueSoonPercent)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(calendarCode);
        ArgumentOutOfRangeException.ThrowIfLessThan(dueSoonPercent, MinDueSoonPercent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dueSoonPercent, MaxDueSoonPercent);
        CalendarCode = calendarCode;
        (FirstResponseAmount, FirstResponseUnit, FirstResponseCounting) = (firstResponse.Amount, firstResponse.Unit, firstResponse.Counting);
        (SolutionPlanAmount, SolutionPlanUnit, SolutionPlanCounting) = (solutionPlan.Amount, solutionPlan.Unit, solutionPlan.Counting);
        (CompletionAmount, CompletionUnit, CompletionCounting) = (completion.Amount, completion.Unit, completion.Counting);
        DueSoonPercent = dueSoonPercent;
        RetiredAt = null;
    }

    /// <summary>Deletes a category override (see <see cref="RetiredAt"/>); a priority's default policy cannot go.</summary>
    public void Retire(DateTimeOffset at)
    {
        if (CategoryId is null)
        {
            throw new InvalidOperationException("A priority's default policy cannot be deleted.");
        }

        RetiredAt = at;
    }

    /// <summary>
    /// Invariant one-line summary for the change log, e.g. <c>CN 1d/3d/7d due-soon 20%</c>
    /// (<c>3d-clock</c> for a target counted as the same clock time).
    /// </summary>
    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"{CalendarCode} {FirstResponse.ToShortString()}/{SolutionPlan.ToShortString()}/{Completion.ToShortString()} due-soon {DueSoonPercent}%");
}
