namespace ComplaintPortal.Domain.Sla;

/// <summary>
/// A time limit set by policy, e.g. "24 working hours" or "5 working days"; a target in days says how its
/// days are counted (<see cref="DayCounting"/>, whole days by default).
/// </summary>
public readonly record struct SlaTarget
{
    public SlaTarget(int amount, SlaTargetUnit unit, DayCounting counting = DayCounting.WholeDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        if (!Enum.IsDefined(unit))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown target unit.");
        }

        if (!Enum.IsDefined(counting))
        {
            throw new ArgumentOutOfRangeException(nameof(counting), counting, "Unknown day counting.");
        }

        Amount = amount;
        Unit = unit;
        Counting = counting;
    }

    public int Amount { get; }

    public SlaTargetUnit Unit { get; }

    /// <summary>How days are counted; meaningful only for <see cref="SlaTargetUnit.Days"/>.</summary>
    public DayCounting Counting { get; }

    /// <summary>Whether the deadline falls at the close of a whole working day rather than after elapsed working time.</summary>
    public bool CountsWholeDays => Unit == SlaTargetUnit.Days && Counting == DayCounting.WholeDays;

    public static SlaTarget Hours(int amount) => new(amount, SlaTargetUnit.Hours);

    public static SlaTarget Days(int amount, DayCounting counting = DayCounting.WholeDays) => new(amount, SlaTargetUnit.Days, counting);

    /// <summary>
    /// The nominal working time this target allows on a calendar (days count the calendar's standard day).
    /// Used to compare targets and to size the due-soon share, whatever the day counting.
    /// </summary>
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

    /// <summary>The deadline of something received (or started) at <paramref name="startUtc"/>.</summary>
    public DateTimeOffset DeadlineFrom(WorkingCalendar calendar, DateTimeOffset startUtc)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return CountsWholeDays
            ? calendar.CloseOfWorkingDaysAfter(startUtc, Amount)
            : calendar.AddWorkingTime(startUtc, WorkingTimeOn(calendar));
    }

    /// <summary>Invariant short form for change logs and ledger notes: <c>4h</c>, <c>3d</c>, <c>3d-clock</c> (same clock time).</summary>
    public string ToShortString() => Amount.ToString(System.Globalization.CultureInfo.InvariantCulture) + Unit switch
    {
        SlaTargetUnit.Hours => "h",
        SlaTargetUnit.Days => Counting == DayCounting.SameClockTime ? "d-clock" : "d",
        _ => throw new InvalidOperationException($"Unknown target unit {Unit}."),
    };

    /// <summary>Reads <see cref="ToShortString"/> back (<c>4h</c>, <c>3d</c>, <c>3d-clock</c>); false for anything else.</summary>
    public static bool TryParseShortString(string? text, out SlaTarget target)
    {
        target = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var (digits, unit, counting) = text switch
        {
            _ when text.EndsWith("d-clock", StringComparison.Ordinal) => (text[..^7], SlaTargetUnit.Days, DayCounting.SameClockTime),
            _ when text.EndsWith('d') => (text[..^1], SlaTargetUnit.Days, DayCounting.WholeDays),
            _ when text.EndsWith('h') => (text[..^1], SlaTargetUnit.Hours, DayCounting.WholeDays),
            _ => ("", SlaTargetUnit.Hours, DayCounting.WholeDays),
        };
        if (!int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return false;
        }

        target = new SlaTarget(amount, unit, counting);
        return true;
    }
}
