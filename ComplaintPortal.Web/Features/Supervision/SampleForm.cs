using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Web.Components.Controls;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Features.Supervision;

/// <summary>What the draw form holds; the period defaults to the month before the current one.</summary>
public sealed class SampleForm
{
    public ReportPeriodKind Kind { get; set; } = ReportPeriodKind.Month;

    public int Year { get; set; }

    public int Number { get; set; } = 1;

    public SampleSizeMode Mode { get; set; } = SampleSizeMode.Count;

    public int Size { get; set; } = 10;

    public int Minimum { get; set; } = 1;

    public bool RiskWeighted { get; set; } = true;

    public int? Seed { get; set; }

    public int? TemplateId { get; set; }

    public ReportPeriod Period => new(Kind, Year, Kind == ReportPeriodKind.Year ? 1 : Number);

    /// <summary>The period has not ended at <paramref name="now"/>: a draw now takes only the cases handled so far.</summary>
    public bool PeriodRunning(DateTimeOffset now, TimeZoneInfo zone) => Period.UtcRange(zone).To > now;

    public SampleRequest ToRequest() => new(Period, new SamplePlan(Mode, Size, Minimum, RiskWeighted), Seed, TemplateId);

    /// <summary>The period is valid for its kind (months 1–12, quarters 1–4).</summary>
    public bool PeriodIsValid => ReportPeriod.YearInRange(Year) && Kind switch
    {
        ReportPeriodKind.Month => Number is >= 1 and <= 12,
        ReportPeriodKind.Quarter => Number is >= 1 and <= 4,
        ReportPeriodKind.Year => true,
        _ => false,
    };

    /// <summary>The largest size the mode takes: a rate is a percentage, a count at most <see cref="SamplePlan.MaxCount"/>.</summary>
    public int MaxSize => Mode == SampleSizeMode.Rate ? 100 : SamplePlan.MaxCount;

    /// <summary>The period is valid, the plan is one the draw accepts (<see cref="SamplePlan.IsValid"/>), and so is the seed, if given.</summary>
    public bool CanDraw => PeriodIsValid && ToRequest().Plan.IsValid && SeedError(Seed) is null;

    /// <summary>The size field's message: 1 to 100 for a rate, 1 to <see cref="SamplePlan.MaxCount"/> for a count.</summary>
    public string? SizeError(int size) => NumberRange.Error(size, 1, MaxSize);

    /// <summary>The minimum-per-stratum field's message: 0 to <see cref="SamplePlan.MaxMinimumPerStratum"/>.</summary>
    public static string? MinimumError(int minimum) => NumberRange.Error(minimum, 0, SamplePlan.MaxMinimumPerStratum);

    /// <summary>The seed field's message: a seed is 0 or more (the draw refuses a negative one).</summary>
    public static string? SeedError(int? seed) => seed < 0 ? SupervisionText.Field_SeedInvalid : null;

    public static SampleForm LastMonth(DateTimeOffset now, TimeZoneInfo zone)
    {
        var last = ReportPeriod.Containing(ReportPeriodKind.Month, TimeZoneInfo.ConvertTime(now, zone).AddMonths(-1), zone);
        return new SampleForm { Year = last.Year, Number = last.Number };
    }
}
