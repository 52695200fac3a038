using System.Globalization;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Features.Admin.Calendars;

/// <summary>
/// Time zones as an administrator reads them: "(UTC+08:00) 北京时间" rather than the stored IANA id "Asia/Shanghai".
/// The zones this portal's customers work in have a name in each language; any other shows its id after its offset.
/// (.NET's own <see cref="TimeZoneInfo.DisplayName"/> comes from ICU in the culture of whichever request first loaded
/// the zone, so it cannot follow each person's language.)
/// </summary>
public static class TimeZoneNames
{
    /// <summary>How the zone reads in the current language; an id no system zone has is shown as it is.</summary>
    public static string Label(string? id) =>
        string.IsNullOrWhiteSpace(id) || !TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? id ?? "" : Label(zone, Name(zone.Id));

    /// <summary>
    /// Zone ids whose label, id or offset contains the text, the named ones first and then by offset: what the
    /// calendar form offers as the administrator types.
    /// </summary>
    public static IEnumerable<string> Search(string? text)
    {
        var wanted = text?.Trim() ?? "";
        return TimeZoneInfo.GetSystemTimeZones()
            .Select(z => (Zone: z, Name: Name(z.Id)))
            .Where(z => wanted.Length == 0 || Label(z.Zone, z.Name).Contains(wanted, StringComparison.OrdinalIgnoreCase)
                || z.Zone.Id.Contains(wanted, StringComparison.OrdinalIgnoreCase))
            .OrderBy(z => z.Name is null)
            .ThenBy(z => z.Zone.BaseUtcOffset)
            .ThenBy(z => z.Zone.Id, StringComparer.Ordinal)
            .Select(z => z.Zone.Id);
    }

    private static string Label(TimeZoneInfo zone, string? name) => $"({Offset(zone.BaseUtcOffset)}) {name ?? zone.Id}";

    private static string? Name(string id) =>
        DeadlineText.ResourceManager.GetString("Zone_" + id.Replace("/", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal),
            CultureInfo.CurrentUICulture);

    private static string Offset(TimeSpan offset) =>
        "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
