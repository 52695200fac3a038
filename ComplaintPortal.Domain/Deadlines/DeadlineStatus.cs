namespace ComplaintPortal.Domain.Deadlines;

/// <summary>Where one deadline stands at an instant, for countdowns and flags on case pages and boards.</summary>
public enum DeadlineState
{
    Running = 0,
    DueSoon = 1,
    Overdue = 2,
    Met = 3,
    MetLate = 4,

    /// <summary>The case is waiting for the customer: the clock is stopped and the deadline will move.</summary>
    Paused = 5,
}

public static class DeadlineStatus
{
    public static DeadlineState Of(CaseDeadline deadline, DateTimeOffset now, bool casePaused)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        if (deadline.MetAt is { } met)
        {
            return met <= deadline.DueAt ? DeadlineState.Met : DeadlineState.MetLate;
        }

        if (casePaused)
        {
            return DeadlineState.Paused;
        }

        return now >= deadline.DueAt ? DeadlineState.Overdue
            : now >= deadline.DueSoonAt ? DeadlineState.DueSoon
            : DeadlineState.Running;
    }
}
