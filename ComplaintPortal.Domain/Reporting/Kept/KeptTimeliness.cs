using ComplaintPortal.Domain.Deadlines;

namespace ComplaintPortal.Domain.Reporting;

/// <summary>The seed's per-complaint figures of one department (or the whole organisation), as counts.</summary>
/// <param name="DepartmentId">Null for the whole organisation.</param>
public sealed record ComplaintCounts(int? DepartmentId, int Complaints, int OnTime, int OpenWithinLimits, int Resolved)
{
    public int Late => Complaints - OnTime;

    /// <summary>投訴處理及時率 = complaints handled on time / all complaints × 100%.</summary>
    public decimal? TimelinessRate => DepartmentTimeliness.Rate(OnTime, Complaints);

    /// <summary>投訴解決率 = complaints resolved (closed) / all complaints × 100%.</summary>
    public decimal? ResolutionRate => DepartmentTimeliness.Rate(Resolved, Complaints);

    /// <summary>Met or missed against <see cref="ComplaintTimelinessRow.ResolutionTarget"/>; null without complaints.</summary>
    public bool? ResolutionTargetMet => ResolutionRate is { } rate ? rate >= ComplaintTimelinessRow.ResolutionTarget : null;
}

/// <summary>One department's per-deadline figures, as counts (the drill-down).</summary>
public sealed record DeadlineCounts(int DepartmentId, int Handled, int HandledOnTime, int DueInPeriod, int ResolvedOfDue,
    IReadOnlyDictionary<DeadlineKind, TimeSpan> AverageWorkingTime)
{
    public decimal? OnTimeRate => DepartmentTimeliness.Rate(HandledOnTime, Handled);

    public decimal? ResolutionRate => DepartmentTimeliness.Rate(ResolvedOfDue, DueInPeriod);
}

/// <summary>What the timeliness page shows for a period: every figure as a count; the cases behind one are read when asked for.</summary>
public sealed record KeptTimelinessResult(ComplaintCounts Overall, IReadOnlyList<ComplaintCounts> Departments, IReadOnlyList<DeadlineCounts> PerDeadline,
    int Missed, IReadOnlyList<MonthlyComplaintTimeliness> Trend);

/// <summary>The figures whose cases can be listed.</summary>
public enum TimelinessFigure
{
    Complaints = 0,
    OnTime = 1,
    Late = 2,
    OpenWithinLimits = 3,
    Resolved = 4,
    Handled = 5,
    HandledOnTime = 6,
    Due = 7,
    ResolvedOfDue = 8,
    Missed = 9,
}

/// <summary>
/// One row of a figure's list: one deadline, or a complaint with the deadlines it missed (<see cref="DueAt"/> and
/// <see cref="MetAt"/> then the first one's; none for a complaint that missed none).
/// </summary>
public sealed record FigureRow(int ComplaintId, string CaseNumber, Cases.CaseStage? Stage, IReadOnlyList<DeadlineKind> Kinds, int? DepartmentId,
    DateTimeOffset? DueAt, DateTimeOffset? MetAt);
