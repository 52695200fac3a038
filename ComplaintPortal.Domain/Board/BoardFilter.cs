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

    /// <summary>The same choice as <see cref="BoardQuery"/> makes in SQL, for a row that arrives live.</summary>
    public bool Admits(BoardRow row, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(row);
        var state = row.DeadlineStateAt(now);
        return (DepartmentId is not { } department || row.HasTaskFor(department))
            && (Stage is not { } stage || row.Stage == stage)
            && (Priority is not { } priority || row.Priority == priority)
            && (!OverdueOnly || state == DeadlineState.Overdue)
            && (OverdueOnly || !DueSoonOnly || state == DeadlineState.DueSoon);
    }
}

/// <summary>Whose board it is: everything, or one department's cases.</summary>
public sealed record BoardViewer(bool SeesEveryCase, int? DepartmentId)
{
    public bool SeesNothing => !SeesEveryCase && DepartmentId is null;

    /// <summary>Whether this viewer's board may show a case whose tasks are with these departments.</summary>
    public bool MaySeeCaseOf(IEnumerable<int> taskDepartmentIds)
    {
        ArgumentNullException.ThrowIfNull(taskDepartmentIds);
        return SeesEveryCase || (DepartmentId is { } own && taskDepartmentIds.Contains(own));
    }
}
