namespace ComplaintPortal.Domain.Board;

/// <summary>
/// Where an open case sits in the board's deadline order: cases counting down first (by their next deadline),
/// then cases with no unmet deadline, then cases waiting for the customer (the clock stopped). Kept on the case
/// (<see cref="Cases.Complaint.BoardGroup"/>) so the board pages and counts from one index.
/// </summary>
public enum BoardGroup
{
    CountingDown = 0,
    NoDeadline = 1,
    Paused = 2,
}
