using ComplaintPortal.Domain.Cases;

namespace ComplaintPortal.Domain.Board;

/// <summary>
/// One open case as the live board shows it. No personal data: the board is on wall displays.
/// <see cref="Version"/> is the case's concurrency token, so a screen can tell which change it shows.
/// <see cref="HasProvisionalDeadline"/>: an unmet deadline reaches a year whose holidays the calendar does not know yet.
/// </summary>
public sealed record BoardRow(
    int ComplaintId,
    string CaseNumber,
    int? CategoryId,
    Priority Priority,
    CaseStage Stage,
    DateTimeOffset ReceivedAt,
    DateTimeOffset StageEnteredAt,
    IReadOnlyList<BoardTask> Tasks,
    DateTimeOffset? NextDeadline,
    DateTimeOffset? DueSoonAt,
    int Version = 0,
    bool HasProvisionalDeadline = false)
{
    public DeadlineState DeadlineStateAt(DateTimeOffset now) => NextDeadline switch
    {
        null => DeadlineState.None,
        { } deadline when now >= deadline => DeadlineState.Overdue,
        _ when DueSoonAt is { } soon && now >= soon => DeadlineState.DueSoon,
        _ => DeadlineState.OnTrack,
    };

    /// <summary>Waiting for the customer stops the clock: no countdown, shown as paused.</summary>
    public bool Paused => Stage == CaseStage.WaitingForCustomer;

    public bool HasTaskFor(int departmentId) => Tasks.Any(t => t.DepartmentId == departmentId);

    // Value equality including the tasks, so an unchanged row can keep what was rendered for it.
    public bool Equals(BoardRow? other) =>
        other is not null
        && ComplaintId == other.ComplaintId && Version == other.Version && CaseNumber == other.CaseNumber
        && CategoryId == other.CategoryId && Priority == other.Priority && Stage == other.Stage
        && ReceivedAt == other.ReceivedAt && StageEnteredAt == other.StageEnteredAt
        && NextDeadline == other.NextDeadline && DueSoonAt == other.DueSoonAt && HasProvisionalDeadline == other.HasProvisionalDeadline
        && Tasks.SequenceEqual(other.Tasks);

    public override int GetHashCode() => HashCode.Combine(ComplaintId, Version, Stage, NextDeadline, Tasks.Count);
}

public sealed record BoardTask(int DepartmentId, string? OwnerName, DepartmentTaskStatus Status, DateTimeOffset Deadline);
