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

    /// <summary>
    /// A period from <paramref name="from"/> up to (not including) <paramref name="until"/>: as days with the last one
    /// included (2026/12/3 – 2026/12/10) when both ends are midnights in the organisation's zone, as a person chose the
    /// days; to the minute otherwise. Midnight-to-midnight shown to the minute would name the day after the last.
    /// </summary>
    public string FormatPeriod(DateTimeOffset from, DateTimeOffset until) =>
        ToLocal(from).TimeOfDay == TimeSpan.Zero && ToLocal(until).TimeOfDay == TimeSpan.Zero
            ? $"{Format(from, "d")} – {Format(until.AddTicks(-1), "d")}"
            : $"{Format(from, "g")} – {Format(until, "g")}";

    /// <summary>
    /// The end of such a period on its own: the last day included (2026/12/10) when it is a midnight in the organisation's
    /// zone, to the minute otherwise.
    /// </summary>
    public string FormatEnd(DateTimeOffset until) =>
        ToLocal(until).TimeOfDay == TimeSpan.Zero ? Format(until.AddTicks(-1), "d") : Format(until, "g");
}
