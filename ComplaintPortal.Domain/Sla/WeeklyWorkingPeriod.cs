namespace ComplaintPortal.Domain.Sla;

/// <summary>
/// A stretch of working hours on a weekday, in the calendar's local wall-clock time, half-open
/// [<see cref="Start"/>, <see cref="End"/>). A day may hold several periods; the gaps between them
/// (a lunch break) do not count.
/// </summary>
/// <remarks>
/// <see cref="End"/> = 00:00 means midnight at the end of the day (24:00), because <see cref="TimeOnly"/>
/// cannot hold 24:00. A period never crosses midnight: split a night shift over two weekdays.
/// </remarks>
public sealed record WeeklyWorkingPeriod(DayOfWeek Day, TimeOnly Start, TimeOnly End)
{
    internal long StartTicks => Start.Ticks;

    internal long EndTicks => End == TimeOnly.MinValue ? TimeSpan.TicksPerDay : End.Ticks;
}
