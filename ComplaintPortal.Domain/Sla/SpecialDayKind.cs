namespace ComplaintPortal.Domain.Sla;

/// <summary>What a special date does to a calendar's weekly pattern.</summary>
public enum SpecialDayKind
{
    /// <summary>A public holiday or 補假: no working time, even on a weekday.</summary>
    DayOff,

    /// <summary>A make-up working day (調休): worked like the calendar's standard weekday, even on a weekend.</summary>
    WorkingDay,
}
