using ComplaintPortal.Web.Hosting;

namespace ComplaintPortal.Web.Features.Cases;

/// <summary>Times people type are wall-clock times in the organisation's zone; the domain stores UTC instants.</summary>
public static class WallClock
{
    /// <summary>
    /// The format of a <c>datetime-local</c> field's value as the portal binds it. Blazor hands the server a changed
    /// date-time field's value with seconds (2026-12-03T10:00:00) whatever the browser shows, so a format without them
    /// refused every value a person entered ("不是有效的日期时间"); the browser shows and takes minutes either way.
    /// </summary>
    public const string InputFormat = "yyyy-MM-ddTHH:mm:ss";

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
