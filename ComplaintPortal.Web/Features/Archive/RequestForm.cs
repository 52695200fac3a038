using System.Globalization;

namespace ComplaintPortal.Web.Features.Archive;

/// <summary>The request form's fields; dates are whole days in the organisation's time zone.</summary>
public sealed class RequestForm
{
    public string? Purpose { get; set; }

    public string? Numbers { get; set; }

    public int? CategoryId { get; set; }

    public int? DepartmentId { get; set; }

    public int? Year { get; set; }

    public string? From { get; set; }

    public string? Until { get; set; }

    /// <summary>The UTC instant a yyyy-MM-dd day begins in <paramref name="zone"/>, or null.</summary>
    public static DateTimeOffset? StartOfDay(string? day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null;
        }

        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>A yyyy-MM-dd day as the date field holds it, or null.</summary>
    public static DateTime? AsDate(string? day) =>
        DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified)
            : null;

    /// <summary>The date field's day as yyyy-MM-dd, or null when it was cleared.</summary>
    public static string? AsDay(DateTime? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Day(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
