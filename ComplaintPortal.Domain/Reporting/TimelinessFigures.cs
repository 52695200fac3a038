using System.Text.Json.Serialization;
using ComplaintPortal.Domain.Deadlines;

namespace ComplaintPortal.Domain.Reporting;

/// <summary>One deadline as the timeliness figures see it; case-level deadlines belong to customer service.</summary>
/// <param name="WorkingTimeUsed">Working time from start to met, less pauses; null while unmet.</param>
public sealed record DeadlineFact(int DepartmentId, int ComplaintId, string CaseNumber, DeadlineKind Kind, DateTimeOffset DueAt,
    DateTimeOffset? MetAt, TimeSpan? WorkingTimeUsed);

/// <summary>
/// The per-deadline figures of one department for one period (the drill-down under the seed's per-complaint
/// rate, <see cref="ComplaintTimeliness"/>); every figure can list the deadlines, and so the cases, behind it.
/// On-time share = deadlines met on time / all deadlines met in the period × 100%.
/// Resolution share = deadlines falling due in the period that are met (on time or late) / all falling due × 100%.
/// </summary>
public sealed record DepartmentTimeliness(int DepartmentId, IReadOnlyList<DeadlineFact> HandledDeadlines, IReadOnlyList<DeadlineFact> DueDeadlines,
    IReadOnlyDictionary<DeadlineKind, TimeSpan> AverageWorkingTime)
{
    [JsonIgnore]
    public IReadOnlyList<DeadlineFact> HandledOnTimeDeadlines => [.. HandledDeadlines.Where(f => f.MetAt <= f.DueAt)];

    [JsonIgnore]
    public IReadOnlyList<DeadlineFact> ResolvedOfDueDeadlines => [.. DueDeadlines.Where(f => f.MetAt is not null)];

    public int Handled => HandledDeadlines.Count;

    public int HandledOnTime => HandledOnTimeDeadlines.Count;

    public int DueInPeriod => DueDeadlines.Count;

    public int ResolvedOfDue => ResolvedOfDueDeadlines.Count;

    public decimal? OnTimeRate => Rate(HandledOnTime, Handled);

    public decimal? ResolutionRate => Rate(ResolvedOfDue, DueInPeriod);

    /// <summary>A percentage rounded to one decimal; null when there is nothing to divide by.</summary>
    public static decimal? Rate(int part, int whole) =>
        whole == 0 ? null : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);
}

/// <summary>A deadline that was missed: met after it, or still open past it.</summary>
public sealed record MissedDeadline(int ComplaintId, string CaseNumber, int DepartmentId, DeadlineKind Kind, DateTimeOffset DueAt, DateTimeOffset? MetAt);

public sealed record TimelinessResult(IReadOnlyList<DepartmentTimeliness> Departments, IReadOnlyList<MissedDeadline> Missed);

/// <summary>The figures of one month, all departments of the report together: the points of a trend.</summary>
public sealed record MonthlyTimeliness(int Year, int Month, int Handled, int HandledOnTime, int DueInPeriod, int ResolvedOfDue)
{
    public decimal? OnTimeRate => DepartmentTimeliness.Rate(HandledOnTime, Handled);

    public decimal? ResolutionRate => DepartmentTimeliness.Rate(ResolvedOfDue, DueInPeriod);
}

public static class TimelinessFigures
{
    /// <summary>Computes the figures for [<paramref name="from"/>, <paramref name="to"/>) as they stand at <paramref name="now"/>.</summary>
    public static TimelinessResult Compute(IEnumerable<DeadlineFact> facts, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var all = facts.ToList();
        bool In(DateTimeOffset t) => t >= from && t < to;
        var departments = all
            .Where(f => (f.MetAt is { } m && In(m)) || In(f.DueAt))
            .GroupBy(f => f.DepartmentId)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var handled = g.Where(f => f.MetAt is { } m && In(m)).ToList();
                var due = g.Where(f => In(f.DueAt)).ToList();
                var averages = handled.Where(f => f.WorkingTimeUsed is not null)
                    .GroupBy(f => f.Kind)
                    .ToDictionary(k => k.Key, k => TimeSpan.FromTicks((long)k.Average(f => f.WorkingTimeUsed!.Value.Ticks)));
                return new DepartmentTimeliness(g.Key, handled, due, averages);
            })
            .ToList();
        var missed = all
            .Where(f => f.MetAt is { } m ? In(m) && m > f.DueAt : In(f.DueAt) && f.DueAt < now)
            .OrderBy(f => f.DueAt)
            .Select(f => new MissedDeadline(f.ComplaintId, f.CaseNumber, f.DepartmentId, f.Kind, f.DueAt, f.MetAt))
            .ToList();
        return new(departments, missed);
    }

    /// <summary>
    /// Each month's figures, counted as <see cref="Compute"/> counts them and summed over departments, in one pass
    /// over the facts (each fact falls in at most one month by when it was met and one by when it fell due).
    /// </summary>
    public static IReadOnlyList<MonthlyTimeliness> Monthly(IEnumerable<DeadlineFact> facts, IEnumerable<ReportPeriod> months, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(months);
        var periods = months.ToList();
        var starts = periods.Select(m => m.UtcRange(zone)).ToList();
        var (handled, onTime, due, resolved) = (new int[periods.Count], new int[periods.Count], new int[periods.Count], new int[periods.Count]);
        int MonthOf(DateTimeOffset instant)
        {
            for (var i = 0; i < starts.Count; i++)
            {
                if (instant >= starts[i].From && instant < starts[i].To)
                {
                    return i;
                }
            }

            return -1;
        }

        foreach (var fact in facts)
        {
            if (fact.MetAt is { } met && MonthOf(met) is var m and >= 0)
            {
                handled[m]++;
                onTime[m] += met <= fact.DueAt ? 1 : 0;
            }

            if (MonthOf(fact.DueAt) is var d and >= 0)
            {
                due[d]++;
                resolved[d] += fact.MetAt is not null ? 1 : 0;
            }
        }

        return periods.Select((month, i) => new MonthlyTimeliness(month.Year, month.Number, handled[i], onTime[i], due[i], resolved[i])).ToList();
    }
}
