using ComplaintPortal.Web.Hosting;

namespace ComplaintPortal.Web.Features.Cases;

/// <summary>Times people type are wall-clock times in the organisation's zone; the domain stores UTC instants.</summary>
public static class WallClock
{
    public static DateTimeOffset? ToInstant(DateTime? local, OrganisationClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (local is not { } value)
        {
            return null;
        }

        var wall = DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
        return new DateTimeOffset(wall, clock.TimeZone.GetUtcOffset(wall)).ToUniversalTime();
    }

    /// <summary>An instant as the wall-clock time to put in a form field (to the minute).</summary>
    public static DateTime ToLocal(DateTimeOffset instant, OrganisationClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var local = clock.ToLocal(instant);
        return new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified);
    }
}
