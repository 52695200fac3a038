using System.Globalization;
using System.Text.RegularExpressions;
using ComplaintPortal.Web.Resources;
using MudBlazor;

namespace ComplaintPortal.Web.Components.Controls;

/// <summary>
/// A calendar day as the day fields show it (yyyy-MM-dd) and as people type it: year first, with dashes, slashes, dots
/// or 年月日 between the parts, months and days with or without a leading zero, or eight digits (20260305); full-width
/// digits and separators from a Chinese input method count as their ASCII forms. Anything else is not a day, said in the
/// person's language.
/// </summary>
public sealed partial class DayText : IReversibleConverter<DateTime?, string?>
{
    public const string Format = "yyyy-MM-dd";

    public static DayText Instance { get; } = new();

    public string? Convert(DateTime? input) => input?.ToString(Format, CultureInfo.InvariantCulture);

    public DateTime? ConvertBack(string? input) =>
        string.IsNullOrWhiteSpace(input) ? null
        : TryRead(input, out var day) ? day
        : throw new FormatException(UiText.Validation_Day);

    /// <summary>Reads a typed day; false when it is not one (including 2026-02-30).</summary>
    public static bool TryRead(string text, out DateTime day)
    {
        day = default;
        var match = Pattern().Match(text.Normalize(System.Text.NormalizationForm.FormKC).Trim());
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var dayOfMonth = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (year < 1 || month is < 1 or > 12 || dayOfMonth < 1 || dayOfMonth > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        day = new DateTime(year, month, dayOfMonth);
        return true;
    }

    [GeneratedRegex(@"^(?:(?<y>\d{4})\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})\s*日?|(?<y>\d{4})(?<m>\d{2})(?<d>\d{2}))$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
