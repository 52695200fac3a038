namespace ComplaintPortal.Domain.Board;

/// <summary>How many open cases a board's view holds, and how many of them are in each deadline state.</summary>
public sealed record BoardTotals(int Open, int Overdue, int DueSoon, int OnTrack, int Paused)
{
    public static BoardTotals Empty { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Neither paused nor counting down (no unmet deadline).</summary>
    public int WithoutDeadline => Open - Overdue - DueSoon - OnTrack - Paused;
}
