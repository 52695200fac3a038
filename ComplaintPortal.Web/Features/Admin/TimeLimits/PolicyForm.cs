using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Web.Features.Deadlines;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Features.Admin.TimeLimits;

/// <summary>The fields of the policy form; an empty <see cref="PolicyId"/> adds a category override.</summary>
public sealed class PolicyForm
{
    /// <summary>The largest amount a target field takes (9,999 working hours is over a working year).</summary>
    public const int MaxAmount = 9999;

    public int? PolicyId { get; set; }

    public Priority Priority { get; set; }

    public int? CategoryId { get; set; }

    public string CalendarCode { get; set; } = "";

    public int FirstResponseAmount { get; set; }

    public SlaTargetUnit FirstResponseUnit { get; set; }

    /// <summary>How a target in days is read; kept as it was when the target is in hours.</summary>
    public DayCounting FirstResponseCounting { get; set; }

    public int SolutionPlanAmount { get; set; }

    public SlaTargetUnit SolutionPlanUnit { get; set; }

    /// <summary>How a target in days is read; kept as it was when the target is in hours.</summary>
    public DayCounting SolutionPlanCounting { get; set; }

    public int CompletionAmount { get; set; }

    public SlaTargetUnit CompletionUnit { get; set; }

    /// <summary>How a target in days is read; kept as it was when the target is in hours.</summary>
    public DayCounting CompletionCounting { get; set; }

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
            FirstResponseCounting = policy.FirstResponseCounting,
            SolutionPlanAmount = policy.SolutionPlanAmount,
            SolutionPlanUnit = policy.SolutionPlanUnit,
            SolutionPlanCounting = policy.SolutionPlanCounting,
            CompletionAmount = policy.CompletionAmount,
            CompletionUnit = policy.CompletionUnit,
            CompletionCounting = policy.CompletionCounting,
            DueSoonPercent = policy.DueSoonPercent,
        };
    }

    /// <summary>The values to save, or null when a target is not an amount from 1 to <see cref="MaxAmount"/>.</summary>
    public SlaPolicyValues? ToValues()
    {
        if (FirstResponseAmount is <= 0 or > MaxAmount || SolutionPlanAmount is <= 0 or > MaxAmount || CompletionAmount is <= 0 or > MaxAmount
            || !Enum.IsDefined(FirstResponseUnit) || !Enum.IsDefined(SolutionPlanUnit) || !Enum.IsDefined(CompletionUnit) || !Enum.IsDefined(Priority)
            || !Enum.IsDefined(FirstResponseCounting) || !Enum.IsDefined(SolutionPlanCounting) || !Enum.IsDefined(CompletionCounting))
        {
            return null;
        }

        return new(Priority, CategoryId, CalendarCode, new(FirstResponseAmount, FirstResponseUnit, FirstResponseCounting),
            new(SolutionPlanAmount, SolutionPlanUnit, SolutionPlanCounting), new(CompletionAmount, CompletionUnit, CompletionCounting), DueSoonPercent);
    }

    /// <summary>The target with its reading, e.g. "3 個工作日內（整日）".</summary>
    public static string Describe(SlaTarget target) => TargetText.Describe(target);

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
