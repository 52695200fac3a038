using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Sla;

namespace ComplaintPortal.Domain.Deadlines;

/// <summary>
/// One running time limit of a case or of one of its department tasks, as stored UTC instants. It is
/// set when the case or task enters the stage and moved only by a pause or a new priority; a policy
/// edit never touches it. <see cref="MetAt"/> is set when the step that fulfils it is taken.
/// </summary>
public sealed class CaseDeadline
{
    private CaseDeadline()
    {
    }

    internal CaseDeadline(Complaint complaint, DepartmentTask? task, DeadlineKind kind, int policyId, string calendarCode,
        DateTimeOffset startedAt)
    {
        Complaint = complaint;
        Task = task;
        Kind = kind;
        PolicyId = policyId;
        CalendarCode = calendarCode;
        StartedAt = startedAt;
    }

    public int Id { get; private set; }

    public int ComplaintId { get; private set; }

    public Complaint? Complaint { get; private set; }

    public int? DepartmentTaskId { get; private set; }

    public DepartmentTask? Task { get; private set; }

    public DeadlineKind Kind { get; private set; }

    /// <summary>The policy the deadline was computed from (for the record; later edits do not apply).</summary>
    public int PolicyId { get; internal set; }

    public string CalendarCode { get; internal set; } = "";

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    /// <summary>From this instant the deadline counts as due-soon (the policy's share of the target is left).</summary>
    public DateTimeOffset DueSoonAt { get; private set; }

    /// <summary>Working time spent waiting for the customer since <see cref="StartedAt"/>; it does not count.</summary>
    public TimeSpan PausedWorkingTime { get; internal set; }

    public DateTimeOffset? MetAt { get; internal set; }

    public bool IsMet => MetAt is not null;

    /// <summary>Met by its deadline (an unmet one is on time until it is overdue).</summary>
    public bool MetOnTime => MetAt is { } met && met <= DueAt;

    internal void Schedule(WorkingCalendar calendar, DateTimeOffset dueAt, SlaTarget target, int dueSoonPercent)
    {
        DueAt = dueAt;
        var dueSoonShare = TimeSpan.FromTicks(target.WorkingTimeOn(calendar).Ticks * dueSoonPercent / 100);
        // Counting the share back from the deadline keeps the threshold right after pauses and target changes.
        DueSoonAt = dueSoonShare > TimeSpan.Zero ? calendar.AddWorkingTime(dueAt, -dueSoonShare) : dueAt;
    }
}
