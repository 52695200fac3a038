using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;

namespace ComplaintPortal.Domain.Reporting;

/// <summary>One complaint as stored at one moment (before or after a change), for its part in the kept counts.</summary>
public sealed record CountedComplaint(DateTimeOffset ReceivedAt, CaseStage Stage, DateTimeOffset? ClosedAt, DateTimeOffset? PausedAt);

/// <summary>One deadline as stored; <paramref name="WorkingTimeUsed"/> is known when it is met.</summary>
public sealed record CountedDeadline(int DepartmentId, DeadlineKind Kind, DateTimeOffset DueAt, DateTimeOffset? MetAt, TimeSpan? WorkingTimeUsed);

/// <summary>
/// What one complaint with its deadlines adds to the kept counts: the same verdicts as
/// <see cref="ComplaintTimeliness"/> and the same per-deadline figures as <see cref="TimelinessFigures"/>, split into
/// the part fixed whatever the clock says (counted) and the part that turns late with the clock (watched).
/// </summary>
public static class TimelinessContribution
{
    public static int MonthOf(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return (local.Year * 100) + local.Month;
    }

    /// <summary>Adds the complaint's part to <paramref name="counts"/> (× <paramref name="sign"/>) and returns its watch rows.</summary>
    public static List<(int DepartmentId, int Month, DateTimeOffset LateFrom)> AddTo(Dictionary<(int Month, int DepartmentId, DeadlineKind? Kind), TimelinessCount> counts,
        CountedComplaint complaint, IReadOnlyList<CountedDeadline> deadlines, TimeZoneInfo zone, int sign)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(deadlines);
        var watches = new List<(int, int, DateTimeOffset)>();
        // Per deadline: every deadline counts, of every complaint (as TimelinessReport reads them).
        foreach (var d in deadlines)
        {
            if (d.MetAt is { } met)
            {
                var cell = Cell(counts, MonthOf(met, zone), d.DepartmentId, d.Kind);
                cell.Handled += sign;
                cell.HandledOnTime += met <= d.DueAt ? sign : 0;
                cell.WorkingTicks += sign * (d.WorkingTimeUsed ?? TimeSpan.Zero).Ticks;
            }

            var due = Cell(counts, MonthOf(d.DueAt, zone), d.DepartmentId, d.Kind);
            due.Due += sign;
            due.ResolvedOfDue += d.MetAt is not null ? sign : 0;
        }

        if (complaint.Stage == CaseStage.Duplicate)
        {
            return watches;
        }

        var month = MonthOf(complaint.ReceivedAt, zone);
        Judge(TimelinessCount.WholeOrganisation, deadlines);
        foreach (var department in deadlines.Select(d => d.DepartmentId).Distinct())
        {
            Judge(department, [.. deadlines.Where(d => d.DepartmentId == department)]);
        }

        return watches;

        void Judge(int department, IReadOnlyList<CountedDeadline> own)
        {
            var ended = complaint.Stage.IsFinal();
            // The verdict moves with the clock while the complaint is open and running (or ended without an end instant).
            var withClock = ended ? complaint.ClosedAt is null : complaint.PausedAt is null;
            var cutoff = ended ? complaint.ClosedAt : complaint.PausedAt;
            var late = own.Any(d => d.MetAt is { } met
                ? met > d.DueAt
                : !withClock && (ended ? d.DueAt < cutoff : d.DueAt <= cutoff));
            var cell = Cell(counts, month, department, null);
            cell.Complaints += sign;
            cell.Resolved += complaint.Stage == CaseStage.Closed ? sign : 0;
            cell.Open += ended ? 0 : sign;
            cell.Late += late ? sign : 0;
            cell.OpenLate += late && !ended ? sign : 0;
            if (!late && withClock && own.Where(d => d.MetAt is null).Select(d => (DateTimeOffset?)d.DueAt).Min() is { } first)
            {
                // Open: late once the clock reaches the deadline; ended (no end instant): once it has passed it.
                watches.Add((department, month, ended ? first.AddTicks(1) : first));
            }
        }
    }

    private static TimelinessCount Cell(Dictionary<(int, int, DeadlineKind?), TimelinessCount> counts, int month, int department, DeadlineKind? kind)
    {
        if (!counts.TryGetValue((month, department, kind), out var cell))
        {
            cell = new TimelinessCount { Month = month, DepartmentId = department, Kind = kind };
            counts[(month, department, kind)] = cell;
        }

        return cell;
    }
}
