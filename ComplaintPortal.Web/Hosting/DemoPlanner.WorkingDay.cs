namespace ComplaintPortal.Web.Hosting;

/// <summary>
/// The demo's working day (Monday to Friday, 9:00 to 18:00 in the organisation's zone): when its complaints come in and
/// when its people act on them.
/// </summary>
internal sealed partial class DemoPlanner
{
    private static readonly TimeSpan DayStarts = TimeSpan.FromHours(9);
    private static readonly TimeSpan DayEnds = TimeSpan.FromHours(18);

    /// <summary>A working moment on the day <paramref name="daysAgo"/> before today; the newest ones a few minutes apart before the last working moment.</summary>
    private DateTimeOffset RegisteredAt(double daysAgo, int fromTheEnd)
    {
        var today = TimeZoneInfo.ConvertTime(now, zone).Date;
        var at = Working(At(today.AddDays(-Math.Round(daysAgo)) + DayStarts + TimeSpan.FromMinutes(random.Next(0, 510))));
        return at < now.AddMinutes(-5) ? at : LastWorkingMoment(LastWorkingMoment(now.AddMinutes(-5)).AddMinutes(-7 * fromTheEnd));
    }

    /// <summary>The latest working moment at or before <paramref name="instant"/> (the end of the last working day when it is not one).</summary>
    private DateTimeOffset LastWorkingMoment(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var (day, clockTime) = (local.Date, local.TimeOfDay);
        var lastMinute = DayEnds - TimeSpan.FromMinutes(1);
        if (clockTime >= DayEnds)
        {
            clockTime = lastMinute;
        }
        else if (clockTime < DayStarts)
        {
            (day, clockTime) = (day.AddDays(-1), lastMinute);
        }

        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            (day, clockTime) = (day.AddDays(-1), lastMinute);
        }

        return At(day + clockTime);
    }

    /// <summary>The working moment <paramref name="hours"/> after <paramref name="from"/> (later the same day, or carried on to the next working morning).</summary>
    private DateTimeOffset After(DateTimeOffset from, double hours) => Working(from.AddHours(hours));

    /// <summary>The instant itself in working hours on a working day, otherwise the next working morning at the same minute.</summary>
    private DateTimeOffset Working(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var day = local.Date;
        var clockTime = local.TimeOfDay;
        if (clockTime >= DayEnds)
        {
            (day, clockTime) = (day.AddDays(1), DayStarts + TimeSpan.FromMinutes(local.Minute));
        }
        else if (clockTime < DayStarts)
        {
            clockTime = DayStarts + TimeSpan.FromMinutes(local.Minute);
        }

        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            (day, clockTime) = (day.AddDays(1), DayStarts + TimeSpan.FromMinutes(local.Minute));
        }

        return At(day + clockTime);
    }

    private DateTimeOffset At(DateTime wallClock) => new DateTimeOffset(wallClock, zone.GetUtcOffset(wallClock)).ToUniversalTime();
}
