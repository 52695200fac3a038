using System.Globalization;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Workflow;

namespace ComplaintPortal.Domain.Supervision;

public enum SampleSizeMode
{
    /// <summary>A number of cases.</summary>
    Count = 0,

    /// <summary>A percentage of the handled cases (rounded up).</summary>
    Rate = 1,
}

public enum SampleDrawStatus
{
    Active = 0,

    /// <summary>Set aside with a reason; it stays on the record with its cases.</summary>
    Discarded = 1,
}

/// <summary>
/// One spot-check draw (抽查) of handled cases for a period: the parameters, the random seed that makes it
/// reproducible, the checklist version its checks use, and the cases drawn. A draw is never deleted or
/// redrawn in place: to draw again for the period the active draw is discarded with a reason first.
/// </summary>
public sealed class SampleDraw
{
    public const int ReasonMaxLength = 1000;
    public const int ActivePeriodMaxLength = 32;

    private readonly List<SampledCase> cases = [];

    private SampleDraw()
    {
    }

    internal SampleDraw(ReportPeriod period, DateTimeOffset periodStart, DateTimeOffset candidatesBefore, SamplePlan plan, int seed,
        int checklistVersionId, int candidateCount, ActingUser drawnBy, DateTimeOffset drawnAt)
    {
        PeriodKind = period.Kind;
        PeriodYear = period.Year;
        PeriodNumber = period.Number;
        ActivePeriod = PeriodKey(period);
        PeriodStart = periodStart;
        CandidatesClosedBefore = candidatesBefore;
        SizeMode = plan.Mode;
        RequestedSize = plan.Size;
        MinimumPerStratum = plan.MinimumPerStratum;
        RiskWeighted = plan.RiskWeighted;
        Seed = seed;
        ChecklistVersionId = checklistVersionId;
        CandidateCount = candidateCount;
        DrawnByUserId = drawnBy.UserId;
        DrawnByName = drawnBy.Name;
        DrawnAt = drawnAt;
        Status = SampleDrawStatus.Active;
    }

    public int Id { get; private set; }

    public ReportPeriodKind PeriodKind { get; private set; }

    public int PeriodYear { get; private set; }

    public int PeriodNumber { get; private set; }

    public ReportPeriod Period => new(PeriodKind, PeriodYear, PeriodNumber);

    /// <summary>The period key while the draw is active, null once discarded: unique, so a period has one active draw.</summary>
    public string? ActivePeriod { get; private set; }

    public DateTimeOffset PeriodStart { get; private set; }

    /// <summary>Cases closed from <see cref="PeriodStart"/> up to this instant were candidates (the period end, or the draw time if earlier).</summary>
    public DateTimeOffset CandidatesClosedBefore { get; private set; }

    public SampleSizeMode SizeMode { get; private set; }

    /// <summary>The number of cases, or the percentage, asked for.</summary>
    public int RequestedSize { get; private set; }

    public int MinimumPerStratum { get; private set; }

    public bool RiskWeighted { get; private set; }

    /// <summary>The seed of <see cref="Random"/>; with the same candidates and parameters it draws the same cases.</summary>
    public int Seed { get; private set; }

    public int ChecklistVersionId { get; private set; }

    public int CandidateCount { get; private set; }

    public string DrawnByUserId { get; private set; } = "";

    public string DrawnByName { get; private set; } = "";

    public DateTimeOffset DrawnAt { get; private set; }

    public SampleDrawStatus Status { get; private set; }

    public DateTimeOffset? DiscardedAt { get; private set; }

    public string? DiscardedByName { get; private set; }

    public string? DiscardReason { get; private set; }

    public IReadOnlyList<SampledCase> Cases => cases;

    public SamplePlan Plan => new(SizeMode, RequestedSize, MinimumPerStratum, RiskWeighted);

    public static string PeriodKey(ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return string.Create(CultureInfo.InvariantCulture, $"{period.Kind}-{period.Year:D4}-{period.Number:D2}");
    }

    /// <summary>Invariant summary of the parameters for the log and the ledger.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"period={PeriodKey(Period)}; mode={SizeMode}; size={RequestedSize}; minimum={MinimumPerStratum}; risk={RiskWeighted}; seed={Seed}; candidates={CandidateCount}; drawn={cases.Count}; checklistVersion={ChecklistVersionId}");

    internal void Add(SampledCase sampled) => cases.Add(sampled);

    internal void Discard(ActingUser actor, string reason, DateTimeOffset at)
    {
        Status = SampleDrawStatus.Discarded;
        ActivePeriod = null;
        DiscardedAt = at;
        DiscardedByName = actor.Name;
        DiscardReason = reason;
        foreach (var sampled in cases.Where(c => c.CheckStatus == CheckStatus.Pending))
        {
            sampled.Cancel();
        }
    }
}

/// <summary>How big a sample is asked for, how it is stratified and whether risk weighs in.</summary>
/// <param name="Size">A number of cases (<see cref="SampleSizeMode.Count"/>) or a percentage (<see cref="SampleSizeMode.Rate"/>).</param>
/// <param name="MinimumPerStratum">Each department × category stratum gets at least this many (or all it has).</param>
public sealed record SamplePlan(SampleSizeMode Mode, int Size, int MinimumPerStratum, bool RiskWeighted)
{
    public const int MaxMinimumPerStratum = 50;
    public const int MaxCount = 1000;

    public bool IsValid => Mode switch
    {
        SampleSizeMode.Count => Size is >= 1 and <= MaxCount,
        SampleSizeMode.Rate => Size is >= 1 and <= 100,
        _ => false,
    } && MinimumPerStratum is >= 0 and <= MaxMinimumPerStratum;

    /// <summary>The sample size before stratum minimums: the count, or the rate of the candidates rounded up.</summary>
    public int TargetFor(int candidates) => Mode switch
    {
        SampleSizeMode.Count => Math.Min(Size, candidates),
        SampleSizeMode.Rate => (int)Math.Min(candidates, ((long)candidates * Size + 99) / 100),
        _ => throw new InvalidOperationException($"Unknown size mode {Mode}."),
    };
}
