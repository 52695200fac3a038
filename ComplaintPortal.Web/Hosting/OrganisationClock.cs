using System.Globalization;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Web.Hosting;

/// <summary>The organisation's "now" and its wall-clock view of stored UTC instants.</summary>
public sealed class OrganisationClock(TimeProvider timeProvider, IOptions<OrganisationOptions> options)
{
    public TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTimeOffset UtcNow => timeProvider.GetUtcNow();

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    /// <summary>Formats an instant in the organisation's zone with the current UI culture.</summary>
    public string Format(DateTimeOffset instant, string format = "g") =>
        ToLocal(instant).ToString(format, CultureInfo.CurrentCulture);
}
