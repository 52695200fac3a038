namespace ComplaintPortal.Tests.Infrastructure;

/// <summary>
/// What an attacker or a careless system sends in a text field: over-long values, control characters,
/// broken UTF-16, direction overrides, HTML and script, spreadsheet formulas, SQL, path traversal, and
/// addresses that leave the site. The tests send every value to every form, API, import and domain door
/// and expect: never a 500 or an exception, either the value kept whole or the field named, nothing stored
/// half-way.
/// </summary>
public static class HostileCorpus
{
    public static IReadOnlyList<(string Name, string Value)> Texts { get; } =
    [
        ("empty", ""),
        ("blank", "   "),
        ("ideographic-blank", "\u3000\u3000"),
        ("over-long-100k", new string('长', 100_000)),
        ("over-long-4001", new string('x', 4001)),
        ("nul", "a\0b"),
        ("bell-and-escape", "\u0007\u001b[31mred"),
        ("line-break", "line1\r\nline2"),
        ("tab", "a\tb"),
        ("del-and-c1", "a\u007f\u0085b"),
        ("lone-surrogate", "a\uD800b"),
        ("non-character", "a\uFFFEb"),
        ("direction-override", "photo\u202Egpj.exe"),
        ("zero-width", "ad\u200Bmin"),
        ("html-script", "<script>alert(1)</script>"),
        ("html-attribute", "\"><img src=x onerror=alert(1)>"),
        ("formula-equals", "=HYPERLINK(\"http://evil.example\",\"x\")"),
        ("formula-plus", "+1+cmd|' /C calc'!A0"),
        ("formula-minus", "-2+3"),
        ("formula-at", "@SUM(A1:A9)"),
        ("sql", "'; DROP TABLE Complaints; --"),
        ("sql-like-wildcards", "%_[]\\"),
        ("path-traversal", "../../../../etc/passwd"),
        ("path-traversal-windows", "..\\..\\windows\\win.ini"),
        ("path-traversal-encoded", "%2e%2e%2f%2e%2e%2fetc%2fpasswd"),
        ("javascript-url", "javascript:alert(1)"),
        ("protocol-relative-url", "//evil.example/"),
        ("backslash-host-url", "/\\evil.example"),
        ("absolute-url", "https://evil.example/"),
        ("emoji", "投诉😀"),
    ];

    /// <summary>
    /// An <c>application/x-www-form-urlencoded</c> body built by hand, so values a browser-side encoder would
    /// refuse (broken UTF-16) still go over the wire, as UTF-8 with replacement characters.
    /// </summary>
    public static HttpContent FormBody(IEnumerable<KeyValuePair<string, string>> fields) =>
        new StringContent(string.Join('&', fields.Select(f => Encode(f.Key) + "=" + Encode(f.Value))), System.Text.Encoding.ASCII,
            "application/x-www-form-urlencoded");

    /// <summary>Percent-encodes the UTF-8 bytes of <paramref name="value"/> (a lone surrogate becomes U+FFFD).</summary>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var bytes = new System.Text.UTF8Encoding(false, false).GetBytes(value);
        var text = new System.Text.StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
