using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;

namespace ComplaintPortal.Domain.Reporting;

/// <summary>
/// Kept timeliness counts of one month, one department and (for the per-deadline figures) one kind of deadline.
/// Rows are appended as changes are saved (a change of a complaint's verdict or of a deadline adds the
/// difference it makes, in the same <c>SaveChanges</c>), and <see cref="TimelinessCounts.CompactAsync"/> folds
/// them into one row per cell; a figure is the sum of its cell's rows.
/// </summary>
public sealed class TimelinessCount
{
    /// <summary>The whole organisation's row of the per-complaint figures.</summary>
    public const int WholeOrganisation = 0;

    public long Id { get; private set; }

    /// <summary>Year × 100 + month, in the counting zone (<see cref="TimelinessCountState"/>): the month the complaint was
    /// received (per-complaint figures), or the month the deadline was met or fell due (per-deadline figures).</summary>
    public int Month { get; internal set; }

    /// <summary>The department; <see cref="WholeOrganisation"/> for the whole organisation's per-complaint row.</summary>
    public int DepartmentId { get; internal set; }

    /// <summary>Null on a per-complaint row; the kind of deadline on a per-deadline row.</summary>
    public DeadlineKind? Kind { get; internal set; }

    public int Complaints { get; internal set; }

    public int Resolved { get; internal set; }

    public int Open { get; internal set; }

    /// <summary>Late whatever the clock says (a deadline met late, or missed before the case ended or started waiting).</summary>
    public int Late { get; internal set; }

    /// <summary>The part of <see cref="Late"/> still open.</summary>
    public int OpenLate { get; internal set; }

    public int Handled { get; internal set; }

    public int HandledOnTime { get; internal set; }

    /// <summary>Working time used by the deadlines handled (ticks), for the average per kind.</summary>
    public long WorkingTicks { get; internal set; }

    public int Due { get; internal set; }

    public int ResolvedOfDue { get; internal set; }

    internal bool IsZero => Complaints == 0 && Resolved == 0 && Open == 0 && Late == 0 && OpenLate == 0 && Handled == 0 && HandledOnTime == 0
        && WorkingTicks == 0 && Due == 0 && ResolvedOfDue == 0;

    internal void Add(TimelinessCount other, int sign)
    {
        Complaints += sign * other.Complaints;
        Resolved += sign * other.Resolved;
        Open += sign * other.Open;
        Late += sign * other.Late;
        OpenLate += sign * other.OpenLate;
        Handled += sign * other.Handled;
        HandledOnTime += sign * other.HandledOnTime;
        WorkingTicks += sign * other.WorkingTicks;
        Due += sign * other.Due;
        ResolvedOfDue += sign * other.ResolvedOfDue;
    }
}

/// <summary>
/// An open complaint whose verdict moves with the clock (it is not waiting for the customer, and no deadline
/// of it was missed yet for good): it turns late at <see cref="LateFrom"/>, its earliest unmet deadline. One row
/// per complaint and department (and <see cref="TimelinessCount.WholeOrganisation"/>); gone once the verdict is fixed.
/// </summary>
public sealed class TimelinessWatch
{
    public int ComplaintId { get; internal set; }

    public Complaint? Complaint { get; internal set; }

    public int DepartmentId { get; internal set; }

    /// <summary>The month the complaint was received (as <see cref="TimelinessCount.Month"/>).</summary>
    public int Month { get; internal set; }

    public DateTimeOffset LateFrom { get; internal set; }
}

/// <summary>Whether the counts are kept, and in which zone their months are counted (one row).</summary>
public sealed class TimelinessCountState
{
    public const int SingletonId = 1;

    public int Id { get; internal set; } = SingletonId;

    public string ZoneId { get; internal set; } = "";

    public DateTimeOffset BuiltAt { get; internal set; }
}
