namespace ComplaintPortal.Domain.Sla;

/// <summary>A time limit set by policy, e.g. "24 working hours" or "5 working days".</summary>
public readonly record struct SlaTarget
{
    public SlaTarget(int amount, SlaTargetUnit unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        if (!Enum.IsDefined(unit))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown target unit.");
        }

        Amount = amount;
        Unit = unit;
    }

    public int Amount { get; }

    public SlaTargetUnit Unit { get; }

    public static SlaTarget Hours(int amount) => new(amount, SlaTargetUnit.Hours);

    public static SlaTarget Days(int amount) => new(amount, SlaTargetUnit.Days);

    /// <summary>The working time this target allows on a calendar (days depend on the calendar's standard day).</summary>
    public TimeSpan WorkingTimeOn(WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return Unit switch
        {
            SlaTargetUnit.Hours => TimeSpan.FromHours(Amount),
            SlaTargetUnit.Days => calendar.StandardWorkingDay * Amount,
            _ => throw new InvalidOperationException($"Unknown target unit {Unit}."),
        };
    }

    public DateTimeOffset DeadlineFrom(WorkingCalendar calendar, DateTimeOffset startUtc) =>
        calendar.AddWorkingTime(startUtc, WorkingTimeOn(calendar));
}
