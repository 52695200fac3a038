namespace ComplaintPortal.Domain.Sla;

/// <summary>Machine-readable reasons a <see cref="WorkingCalendarDefinition"/> cannot be compiled.</summary>
public enum CalendarDefinitionProblemCode
{
    MissingCode,
    MissingName,
    UnknownTimeZone,
    UnknownWeekday,
    ReversedPeriod,
    OverlappingPeriods,
    NoStandardWorkingDay,
    DuplicateSpecialDay,
    RoundTheClockWithSchedule,
}
