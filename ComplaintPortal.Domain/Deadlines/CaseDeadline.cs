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

    /// <summary>Starts the deadline again from <paramref name="startedAt"/> (a case reopened after an unsatisfied callback).</summary>
    internal void Restart(DateTimeOffset startedAt)
    {
        StartedAt = startedAt;
        PausedWorkingTime = TimeSpan.Zero;
        MetAt = null;
    }

    public DateTimeOffset DueAt { get; private set; }

    /// <summary>From this instant the deadline counts as due-soon (the policy's share of the target is left).</summary>
    public DateTimeOffset DueSoonAt { get; private set; }

    /// <summary>Working time spent waiting for the customer since <see cref="StartedAt"/>; it does not count.</summary>
    public TimeSpan PausedWorkingTime { get; internal set; }

    public DateTimeOffset? MetAt { get; internal set; }

    /// <summary>The target amount the deadline was computed from; 0 when a person set the instant by hand
    /// (a dispatcher's explicit task deadline) or the deadline predates stored rules.</summary>
    public int TargetAmount { get; private set; }

    public SlaTargetUnit TargetUnit { get; private set; }

    public DayCounting TargetCounting { get; private set; }

    /// <summary>The rule behind the deadline, for the case page ("3 working days, whole days"); null when set by hand.</summary>
    public SlaTarget? Target => TargetAmount > 0 ? new SlaTarget(TargetAmount, TargetUnit, TargetCounting) : null;

    /// <summary>
    /// The deadline reaches a year whose holidays the calendar does not know yet, so it was counted on the
    /// weekly pattern and will be re-computed when they are entered (<see cref="ProvisionalDeadlines"/>).
    /// </summary>
    public bool IsProvisional { get; private set; }

    public bool IsMet => MetAt is not null;

    /// <summary>Met by its deadline (an unmet one is on time until it is overdue).</summary>
    public bool MetOnTime => MetAt is { } met && met <= DueAt;

    /// <param name="setByHand">The instant was chosen by a person: no rule is recorded and it is never provisional.</param>
    internal void Schedule(WorkingCalendar calendar, DateTimeOffset dueAt, SlaTarget target, int dueSoonPercent, bool setByHand = false)
    {
        (TargetAmount, TargetUnit, TargetCounting) = setByHand ? (0, target.Unit, target.Counting) : (target.Amount, target.Unit, target.Counting);
        IsProvisional = !setByHand && calendar.IsProvisionalBetween(StartedAt, dueAt);
        DueAt = dueAt;
        var dueSoonShare = TimeSpan.FromTicks(target.WorkingTimeOn(calendar).Ticks * dueSoonPercent / 100);
        // Counting the share back from the deadline keeps the threshold right after pauses and target changes.
        DueSoonAt = dueSoonShare > TimeSpan.Zero ? calendar.AddWorkingTime(dueAt, -dueSoonShare) : dueAt;
    }
}
