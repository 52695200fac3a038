namespace ComplaintPortal.Domain.Deadlines;

/// <summary>
/// A deadline reaching due-soon or overdue, recorded once. The unique (deadline, level, due instant)
/// index is what makes the monitor idempotent across re-runs, restarts and several instances; a deadline
/// moved by a pause or a new priority has a new instant and so can become due-soon again.
/// </summary>
public sealed class DeadlineTransition
{
    private DeadlineTransition()
    {
    }

    public DeadlineTransition(int caseDeadlineId, int complaintId, DeadlineLevel level, DateTimeOffset dueAt, DateTimeOffset recordedAt)
    {
        CaseDeadlineId = caseDeadlineId;
        ComplaintId = complaintId;
        Level = level;
        DueAt = dueAt;
        RecordedAt = recordedAt;
    }

    public long Id { get; private set; }

    public int CaseDeadlineId { get; private set; }

    public int ComplaintId { get; private set; }

    public DeadlineLevel Level { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}
