using System.Text.Json.Serialization;
using ComplaintPortal.Domain.Cases;

namespace ComplaintPortal.Domain.Reporting;

/// <summary>One complaint as the seed's timeliness rate sees it: where it stands and every deadline it had.</summary>
/// <param name="ClosedAt">When it reached a final stage (closed, withdrawn, invalid); null while open.</param>
/// <param name="PausedAt">When it started waiting for the customer, while it waits (its clocks are stopped).</param>
public sealed record ComplaintFact(int ComplaintId, string CaseNumber, CaseStage Stage, DateTimeOffset? ClosedAt, DateTimeOffset? PausedAt,
    IReadOnlyList<DeadlineFact> Deadlines);

/// <summary>The verdict on one complaint (for one department, or for the whole organisation).</summary>
public sealed record ComplaintVerdict(int ComplaintId, string CaseNumber, CaseStage Stage, IReadOnlyList<MissedDeadline> Missed)
{
    public bool IsOnTime => Missed.Count == 0;

    public bool IsOpen => !Stage.IsFinal();

    /// <summary>Resolved = closed (結案), satisfied or with leadership's approval; withdrawn and invalid complaints are not.</summary>
    public bool IsResolved => Stage == CaseStage.Closed;
}

/// <summary>The seed's figures over a set of complaints, each with the list of cases behind it.</summary>
/// <param name="DepartmentId">Null for the whole organisation.</param>
public sealed record ComplaintTimelinessRow(int? DepartmentId, IReadOnlyList<ComplaintVerdict> Cases)
{
    /// <summary>The plaza regime's target: a resolution rate of 95% or better (力求達到95%以上的投訴解決率).</summary>
    public const decimal ResolutionTarget = 95m;

    [JsonIgnore]
    public IReadOnlyList<ComplaintVerdict> OnTime => [.. Cases.Where(c => c.IsOnTime)];

    [JsonIgnore]
    public IReadOnlyList<ComplaintVerdict> Late => [.. Cases.Where(c => !c.IsOnTime)];

    /// <summary>On time so far: still open and no limit missed yet (part of <see cref="OnTime"/>; they may still go late).</summary>
    [JsonIgnore]
    public IReadOnlyList<ComplaintVerdict> OpenWithinLimits => [.. Cases.Where(c => c.IsOnTime && c.IsOpen)];

    [JsonIgnore]
    public IReadOnlyList<ComplaintVerdict> Resolved => [.. Cases.Where(c => c.IsResolved)];

    [JsonIgnore]
    public IReadOnlyList<ComplaintVerdict> Unresolved => [.. Cases.Where(c => !c.IsResolved)];

    /// <summary>投訴處理及時率 = complaints handled on time / all complaints × 100%.</summary>
    public decimal? TimelinessRate => DepartmentTimeliness.Rate(OnTime.Count, Cases.Count);

    /// <summary>投訴解決率 = complaints resolved (closed) / all complaints × 100%.</summary>
    public decimal? ResolutionRate => DepartmentTimeliness.Rate(Resolved.Count, Cases.Count);

    /// <summary>Met or missed against <see cref="ResolutionTarget"/>; null without complaints.</summary>
    public bool? ResolutionTargetMet => ResolutionRate is { } rate ? rate >= ResolutionTarget : null;
}

public sealed record ComplaintTimelinessResult(ComplaintTimelinessRow Overall, IReadOnlyList<ComplaintTimelinessRow> Departments,
    TimelinessResult PerDeadline);

/// <summary>
/// The timeliness rate as the seeds define it, counted per complaint received in the period: a complaint is
/// on time when every deadline it had (first response, solution plan, completion, each department task)
/// was met. A deadline counts as missed when it was met after its instant, or when it is still unmet past
/// its instant: for an open case at <c>now</c> (so a case open past a deadline is late in the period it was
/// received), for a case waiting for the customer at the moment it started waiting (its clocks stopped),
/// and for a withdrawn or invalid case at the moment it ended (a limit still running then ended with the
/// case and is not missed). Withdrawn and invalid complaints stay in the count: they were received and the
/// rate says whether they were handled on time while they ran. Duplicates are left out: the original
/// complaint is counted, and counting the copy would count one complaint twice. A department's row counts
/// the complaints it had a deadline on, judged on its own deadlines (customer service owns the case's).
/// </summary>
public static class ComplaintTimeliness
{
    public static (ComplaintTimelinessRow Overall, IReadOnlyList<ComplaintTimelinessRow> Departments) Compute(
        IEnumerable<ComplaintFact> complaints, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(complaints);
        var counted = complaints.Where(c => c.Stage != CaseStage.Duplicate).OrderBy(c => c.ComplaintId).ToList();
        var overall = new ComplaintTimelinessRow(null, [.. counted.Select(c => Judge(c, c.Deadlines, now))]);
        var departments = counted
            .SelectMany(c => c.Deadlines.Select(d => d.DepartmentId).Distinct().Select(department => (Department: department, Complaint: c)))
            .GroupBy(x => x.Department)
            .OrderBy(g => g.Key)
            .Select(g => new ComplaintTimelinessRow(g.Key,
                [.. g.Select(x => Judge(x.Complaint, x.Complaint.Deadlines.Where(d => d.DepartmentId == g.Key), now))]))
            .ToList();
        return (overall, departments);
    }

    private static ComplaintVerdict Judge(ComplaintFact complaint, IEnumerable<DeadlineFact> deadlines, DateTimeOffset now)
    {
        var ended = complaint.Stage.IsFinal();
        var cutoff = ended ? complaint.ClosedAt ?? now : complaint.PausedAt ?? now;
        var missed = deadlines
            .Where(d => d.MetAt is { } met ? met > d.DueAt : ended ? d.DueAt < cutoff : d.DueAt <= cutoff)
            .OrderBy(d => d.DueAt)
            .Select(d => new MissedDeadline(d.ComplaintId, d.CaseNumber, d.DepartmentId, d.Kind, d.DueAt, d.MetAt))
            .ToList();
        return new ComplaintVerdict(complaint.ComplaintId, complaint.CaseNumber, complaint.Stage, missed);
    }
}
