using System.Net.Mail;

namespace ComplaintPortal.Domain.Cases;

/// <summary>
/// Whether a complainant's phone and e-mail could reach anyone. Lenient on purpose: a clerk types what the caller says,
/// so a phone may be a mobile, a landline with its area code and extension (0755-8888 6666 转 123), a short service
/// number (95588) or two numbers (13800138000 / 0755-88886666); what it refuses is a phone with no number in it.
/// </summary>
public static class ContactForms
{
    /// <summary>The fewest digits a phone number has (short service numbers such as 10086 have five).</summary>
    public const int MinPhoneDigits = 5;

    private static readonly string[] ExtensionWords = ["转", "轉", "ext.", "ext", "分机", "分機"];

    public static bool IsPhone(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var rest = value.Trim();
        foreach (var word in ExtensionWords)
        {
            rest = rest.Replace(word, " ", StringComparison.OrdinalIgnoreCase);
        }

        var digits = 0;
        foreach (var c in rest)
        {
            if (char.IsDigit(c))
            {
                digits++;
            }
            else if (!char.IsWhiteSpace(c) && "+-()（）.#*/,;、，；＋－．＃＊／".IndexOf(c, StringComparison.Ordinal) < 0)
            {
                return false;
            }
        }

        return digits >= MinPhoneDigits;
    }

    /// <summary>How many digits a <see cref="PhoneKey"/> keeps: a mainland mobile's eleven.</summary>
    public const int PhoneKeyLength = 11;

    private static readonly char[] NumberSeparators = ['/', ',', ';', '、', '，', '；', '／'];

    /// <summary>
    /// The phone as a key to find the same caller's other cases however the number was typed: the first number's
    /// digits (full-width ones too) before any extension, the last <see cref="PhoneKeyLength"/> of them, so
    /// "138 0013 8000", "+86 13800138000" and "１３８００１３８０００" are one key, and "0755-8888 6666 转 123" is the
    /// switchboard's. Null when there is no phone or fewer than <see cref="MinPhoneDigits"/> digits.
    /// </summary>
    public static string? PhoneKey(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var first = phone.Split(NumberSeparators)[0];
        foreach (var word in ExtensionWords)
        {
            var at = first.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                first = first[..at];
            }
        }

        var digits = new System.Text.StringBuilder(first.Length);
        foreach (var c in first)
        {
            if (char.IsDigit(c))
            {
                digits.Append((char)('0' + (int)char.GetNumericValue(c)));
            }
        }

        if (digits.Length < MinPhoneDigits)
        {
            return null;
        }

        return digits.Length > PhoneKeyLength ? digits.ToString(digits.Length - PhoneKeyLength, PhoneKeyLength) : digits.ToString();
    }

    /// <summary>
    /// The e-mail address as a key to find the same complainant's other cases however its letters were cased: trimmed
    /// and in lower case (Wang.Fang@Example.com and wang.fang@example.com are one key). Null when there is no address.
    /// </summary>
    public static string? EmailKey(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            return null;
        }

        var key = email.Trim().ToLowerInvariant();
        return key.Length > Complainant.EmailMaxLength ? null : key;
    }

    /// <summary>One plain address (name@domain.tld), without a display name or angle brackets.</summary>
    public static bool IsEmail(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim();
        return MailAddress.TryCreate(trimmed, out var address)
            && address.Address == trimmed
            && address.Host.Contains('.', StringComparison.Ordinal)
            && !address.Host.EndsWith('.');
    }
}
