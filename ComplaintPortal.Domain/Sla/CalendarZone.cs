namespace ComplaintPortal.Domain.Sla;

/// <summary>Turns the calendar's local wall-clock times into UTC instants through the zone's own rules.</summary>
internal sealed class CalendarZone(TimeZoneInfo zone)
{
    // No zone's offset reaches 15 hours, so the answer lies within this distance of the wall-clock value.
    private static readonly long SearchReach = TimeSpan.FromHours(15).Ticks;

    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>
    /// The earliest UTC instant whose local time is at or after <paramref name="local"/>. A repeated hour
    /// (clocks going back) takes its first occurrence and a skipped hour (clocks going forward) collapses
    /// onto the transition, so the mapping never runs backwards and working periods keep their order.
    /// </summary>
    public long ToUtcTicks(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            return TransitionAfter(local.Ticks);
        }

        if (Zone.IsAmbiguousTime(local))
        {
            return local.Ticks - Zone.GetAmbiguousTimeOffsets(local).Max().Ticks;
        }

        return local.Ticks - Zone.GetUtcOffset(local).Ticks;
    }

    public DateTime ToLocal(long utcTicks) =>
        TimeZoneInfo.ConvertTimeFromUtc(new DateTime(utcTicks, DateTimeKind.Utc), Zone);

    // Only reached for times inside a spring-forward gap: a rare, one-off cost while a year is compiled.
    private long TransitionAfter(long localTicks)
    {
        long before = localTicks - SearchReach;
        long after = localTicks + SearchReach;
        while (after - before > 1)
        {
            long middle = before + ((after - before) / 2);
            if (LocalTicksOf(middle) >= localTicks)
            {
                after = middle;
            }
            else
            {
                before = middle;
            }
        }

        return after;
    }

    private long LocalTicksOf(long utcTicks) =>
        utcTicks + Zone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc)).Ticks;
}
