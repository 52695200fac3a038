namespace ComplaintPortal.Domain.Reporting.Excel;

/// <summary>Excel's rules for sheet names: at most 31 characters, none of []:*?/\, no leading or trailing apostrophe, unique.</summary>
internal static class SheetName
{
    private const int MaxLength = 31;
    private const string Fallback = "Sheet";

    public static string Unique(string title, IEnumerable<string> taken)
    {
        var existing = taken.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var name = Of(title);
        for (var n = 2; existing.Contains(name); n++)
        {
            var suffix = $" ({n.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
            name = Cut(Of(title), MaxLength - suffix.Length) + suffix;
        }

        return name;
    }

    private static string Of(string title)
    {
        var clean = new string(SpreadsheetText.Clean(title)
            .Where(c => !char.IsControl(c) && c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\'))
            .ToArray()).Trim().Trim('\'');
        var cut = Cut(clean, MaxLength).Trim();
        return cut.Length == 0 ? Fallback : cut;
    }

    private static string Cut(string text, int length) =>
        text.Length <= length ? text : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];
}
