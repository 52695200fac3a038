namespace ComplaintPortal.Domain.Sla;

public enum SlaTargetUnit
{
    /// <summary>Working hours on the calendar: elapsed working time.</summary>
    Hours,

    /// <summary>Working days, counted as <see cref="SlaTarget.Counting"/> says.</summary>
    Days,
}
