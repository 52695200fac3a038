namespace ComplaintPortal.Domain.Sla;

/// <summary>What a calendar knows about one year's days off.</summary>
public enum CalendarYearStatus
{
    /// <summary>Holidays and make-up days entered (or confirmed to have none): deadlines in it are final.</summary>
    Final = 0,

    /// <summary>No holidays entered: deadlines reaching it count the weekly pattern and are provisional.</summary>
    NoHolidays = 1,

    /// <summary>Holidays entered but no make-up working days, and nobody has confirmed that there are none.</summary>
    AwaitingConfirmation = 2,
}
