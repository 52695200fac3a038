using System.Globalization;

namespace ComplaintPortal.Domain.Workflow;

/// <summary>
/// A text inside a ledger line that carries its length (<c>told#12=…</c>), so it may hold the separators around it: the
/// callback's suggestion, the people a work note told.
/// </summary>
internal static class LengthPrefixed
{
    public static string Write(string key, string value) => string.Create(CultureInfo.InvariantCulture, $"{key}#{value.Length}={value}");

    /// <summary>The value of a text opening with <c>key#N=</c>, and what follows it; false when it does not open so.</summary>
    public static bool TryRead(string text, string key, out string value, out string rest)
    {
        (value, rest) = ("", text);
        var prefix = key + "#";
        if (!text.StartsWith(prefix, StringComparison.Ordinal) || text.IndexOf('=', StringComparison.Ordinal) is not (var equals and > 0)
            || !int.TryParse(text.AsSpan(prefix.Length, equals - prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            || equals + 1 + length > text.Length)
        {
            return false;
        }

        (value, rest) = (text.Substring(equals + 1, length), text[(equals + 1 + length)..]);
        return true;
    }
}
