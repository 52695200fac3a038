using System.Text;

namespace ComplaintPortal.Domain.Reporting.Excel;

/// <summary>
/// Text as a spreadsheet cell can hold it safely: characters XML 1.0 cannot carry are cleaned, text that a
/// spreadsheet program would read as a formula is recognised, and its on-screen width is estimated.
/// </summary>
public static class SpreadsheetText
{
    /// <summary>The most characters one Excel cell holds.</summary>
    public const int MaxCellLength = 32_767;

    private const char Replacement = '\uFFFD';

    /// <summary>
    /// Removes control characters other than tab, CR and LF, replaces lone surrogates and the
    /// non-characters U+FFFE/U+FFFF with U+FFFD, and cuts text longer than a cell holds (ending in "…").
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (IsClean(text))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                clean.Append(Replacement);
            }
            else if (c >= ' ' || c is '\t' or '\r' or '\n')
            {
                clean.Append(c);
            }
        }

        if (clean.Length > MaxCellLength)
        {
            // Cut before the last kept character, never between the halves of a surrogate pair.
            var keep = MaxCellLength - 1;
            clean.Length = char.IsLowSurrogate(clean[keep]) ? keep - 1 : keep;
            clean.Append('…');
        }

        return clean.ToString();
    }

    /// <summary>
    /// True when a spreadsheet program could take the text for a formula or a command (CSV/formula
    /// injection): it starts, after any leading white space, with =, +, - or @.
    /// </summary>
    public static bool LooksLikeFormula(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = text.AsSpan().TrimStart();
        return !start.IsEmpty && start[0] is '=' or '+' or '-' or '@';
    }

    /// <summary>
    /// Width in the units of a column (about one Latin character): East Asian wide and full-width
    /// characters count 2. For several lines, the longest line.
    /// </summary>
    public static int DisplayWidth(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int widest = 0, line = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == '\n')
            {
                line = 0;
                continue;
            }

            line += IsWide(rune.Value) ? 2 : rune.Value is '\r' ? 0 : 1;
            widest = Math.Max(widest, line);
        }

        return widest;
    }

    private static bool IsClean(string text)
    {
        if (text.Length > MaxCellLength)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' && c is not ('\t' or '\r' or '\n'))
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                return false;
            }
        }

        return true;
    }

    // East Asian Wide (W) and Fullwidth (F) blocks, enough for Chinese, Japanese and Korean text.
    private static bool IsWide(int code) =>
        code is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0x303E) or (>= 0x3041 and <= 0x33FF)
            or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xA000 and <= 0xA4CF)
            or (>= 0xAC00 and <= 0xD7A3) or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE30 and <= 0xFE4F)
            or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6) or (>= 0x20000 and <= 0x3FFFD);
}
