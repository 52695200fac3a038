using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Features.Admin.TimeLimits;

/// <summary>The fields of the policy form; an empty <see cref="PolicyId"/> adds a category override.</summary>
public sealed class PolicyForm
{
    public int? PolicyId { get; set; }

    public Priority Priority { get; set; }

    public int? CategoryId { get; set; }

    public string CalendarCode { get; set; } = "";

    public int FirstResponseAmount { get; set; }

    public SlaTargetUnit FirstResponseUnit { get; set; }

    public int SolutionPlanAmount { get; set; }

    public SlaTargetUnit SolutionPlanUnit { get; set; }

    public int CompletionAmount { get; set; }

    public SlaTargetUnit CompletionUnit { get; set; }

    public int DueSoonPercent { get; set; } = 20;

    public static PolicyForm From(SlaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new()
        {
            PolicyId = policy.Id,
            Priority = policy.Priority,
            CategoryId = policy.CategoryId,
            CalendarCode = policy.CalendarCode,
            FirstResponseAmount = policy.FirstResponseAmount,
            FirstResponseUnit = policy.FirstResponseUnit,
            SolutionPlanAmount = policy.SolutionPlanAmount,
            SolutionPlanUnit = policy.SolutionPlanUnit,
            CompletionAmount = policy.CompletionAmount,
            CompletionUnit = policy.CompletionUnit,
            DueSoonPercent = policy.DueSoonPercent,
        };
    }

    /// <summary>The values to save, or null when a target is not a positive amount.</summary>
    public SlaPolicyValues? ToValues()
    {
        if (FirstResponseAmount <= 0 || SolutionPlanAmount <= 0 || CompletionAmount <= 0
            || !Enum.IsDefined(FirstResponseUnit) || !Enum.IsDefined(SolutionPlanUnit) || !Enum.IsDefined(CompletionUnit) || !Enum.IsDefined(Priority))
        {
            return null;
        }

        return new(Priority, CategoryId, CalendarCode, new(FirstResponseAmount, FirstResponseUnit), new(SolutionPlanAmount, SolutionPlanUnit),
            new(CompletionAmount, CompletionUnit), DueSoonPercent);
    }

    public static string Describe(SlaTarget target) =>
        string.Format(CultureInfo.CurrentCulture, DeadlineText.Target_Amount, target.Amount, UnitName(target.Unit));

    public static string UnitName(SlaTargetUnit unit) => unit switch
    {
        SlaTargetUnit.Hours => DeadlineText.Unit_Hours,
        SlaTargetUnit.Days => DeadlineText.Unit_Days,
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };

    public static string PriorityName(Priority priority) => priority switch
    {
        Priority.General => DeadlineText.Priority_General,
        Priority.Urgent => DeadlineText.Priority_Urgent,
        _ => throw new ArgumentOutOfRangeException(nameof(priority)),
    };
}
