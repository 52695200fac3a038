namespace ComplaintPortal.Domain.Sla;

public enum SlaTargetUnit
{
    /// <summary>Working hours on the calendar.</summary>
    Hours,

    /// <summary>Working days, each <see cref="WorkingCalendar.StandardWorkingDay"/> long.</summary>
    Days,
}
