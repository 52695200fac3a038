using ComplaintPortal.Domain.Cases;

namespace ComplaintPortal.Domain.Board;

public enum BoardSort
{
    Deadline = 0,
    Received = 1,
    CaseNumber = 2,
    TimeInStage = 3,
}

public enum DeadlineState
{
    None = 0,
    OnTrack = 1,
    DueSoon = 2,
    Overdue = 3,
}

/// <summary>What the viewer chose to see; kept in the page's URL so it survives a reload.</summary>
public sealed record BoardFilter
{
    public int? DepartmentId { get; init; }

    public CaseStage? Stage { get; init; }

    public Priority? Priority { get; init; }

    public bool DueSoonOnly { get; init; }

    public bool OverdueOnly { get; init; }

    public BoardSort Sort { get; init; } = BoardSort.Deadline;

    public static BoardFilter None { get; } = new();
}

/// <summary>Whose board it is: everything, or one department's cases.</summary>
public sealed record BoardViewer(bool SeesEveryCase, int? DepartmentId)
{
    public bool SeesNothing => !SeesEveryCase && DepartmentId is null;
}
