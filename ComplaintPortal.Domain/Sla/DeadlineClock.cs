namespace ComplaintPortal.Domain.Sla;

/// <summary>Moves a running deadline when the clock stops (waiting for the customer) or the target changes.</summary>
public static class DeadlineClock
{
    /// <summary>
    /// Time spent waiting for the customer does not count: the working time that was left when the case
    /// paused is granted again from the moment it resumes. A case paused after its deadline stays overdue by
    /// the same working time (the new deadline lies before the resumption).
    /// </summary>
    public static DateTimeOffset DeadlineAfterPause(
        WorkingCalendar calendar, DateTimeOffset deadlineBeforePause, DateTimeOffset pausedAt, DateTimeOffset resumedAt)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (resumedAt < pausedAt)
        {
            throw new ArgumentException("A case cannot resume before it paused.", nameof(resumedAt));
        }

        return calendar.AddWorkingTime(resumedAt, calendar.WorkingTimeBetween(pausedAt, deadlineBeforePause));
    }

    /// <summary>
    /// Working time the case has really used since it started: working time elapsed on the calendar less the
    /// working time it spent paused.
    /// </summary>
    public static TimeSpan WorkingTimeUsed(
        WorkingCalendar calendar, DateTimeOffset startedAt, DateTimeOffset now, TimeSpan pausedWorkingTime = default)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.WorkingTimeBetween(startedAt, now) - pausedWorkingTime;
    }

    /// <summary>
    /// The deadline of a target counted from <paramref name="startedAt"/> when <paramref name="pausedWorkingTime"/>
    /// of working time was spent waiting for the customer: the target's own deadline, moved on by the pause.
    /// Used to re-compute a deadline from its stored rule (e.g. once a year's holidays are entered).
    /// </summary>
    public static DateTimeOffset DeadlineFor(WorkingCalendar calendar, SlaTarget target, DateTimeOffset startedAt, TimeSpan pausedWorkingTime = default)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingTime(target.DeadlineFrom(calendar, startedAt), pausedWorkingTime);
    }

    /// <summary>
    /// The deadline after the target changes mid-way (e.g. the priority is raised to urgent): the new target
    /// counts from the original start, so what is left is the new target less the working time already used,
    /// counted on from <paramref name="changedAt"/>. When the new target is already used up the deadline
    /// lies in the past, by the working time it was exceeded. A target in whole days still falls at the close
    /// of the Nth working day after the start (moved on by any pause), wherever the change happens.
    /// </summary>
    public static DateTimeOffset DeadlineAfterTargetChange(
        WorkingCalendar calendar,
        SlaTarget newTarget,
        DateTimeOffset startedAt,
        DateTimeOffset changedAt,
        TimeSpan pausedWorkingTime = default)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (newTarget.CountsWholeDays)
        {
            return DeadlineFor(calendar, newTarget, startedAt, pausedWorkingTime);
        }

        var remaining = newTarget.WorkingTimeOn(calendar) - WorkingTimeUsed(calendar, startedAt, changedAt, pausedWorkingTime);
        return calendar.AddWorkingTime(changedAt, remaining);
    }
}
