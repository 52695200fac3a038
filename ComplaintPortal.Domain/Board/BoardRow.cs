using ComplaintPortal.Domain.Cases;

namespace ComplaintPortal.Domain.Board;

/// <summary>One open case as the live board shows it. No personal data: the board is on wall displays.</summary>
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
    DateTimeOffset? DueSoonAt)
{
    public DeadlineState DeadlineStateAt(DateTimeOffset now) => NextDeadline switch
    {
        null => DeadlineState.None,
        { } deadline when now >= deadline => DeadlineState.Overdue,
        _ when DueSoonAt is { } soon && now >= soon => DeadlineState.DueSoon,
        _ => DeadlineState.OnTrack,
    };
}

public sealed record BoardTask(int DepartmentId, string? OwnerName, DepartmentTaskStatus Status, DateTimeOffset Deadline);
