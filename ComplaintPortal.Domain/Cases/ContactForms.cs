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
