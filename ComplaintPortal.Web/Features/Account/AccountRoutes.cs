using System.Text;

namespace ComplaintPortal.Web.Features.Account;

public static class AccountRoutes
{
    public const string Login = "/account/login";
    public const string Logout = "/account/logout";
    public const string AccessDenied = "/account/access-denied";
    public const string Lockout = "/account/lockout";
    public const string ChangePassword = "/account/password";
    public const string NoAccess = "/account/no-access";

    /// <summary>Starts the Entra ID sign-in (EntraId mode only).</summary>
    public const string EntraIdSignIn = "/account/sign-in/entra";

    /// <summary>Query flag on the login page after an Entra ID sign-in failed.</summary>
    public const string EntraIdFailedFlag = "failed";

    /// <summary>
    /// Only a path on this site may be a return target (no open redirects). Whitespace and control
    /// characters are refused, because browsers drop tabs and line breaks (<c>/\t/evil.example</c> would
    /// become <c>//evil.example</c>); other non-ASCII text is percent-encoded so it fits a Location header.
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl[0] != '/'
            || (returnUrl.Length > 1 && (returnUrl[1] == '/' || returnUrl[1] == '\\')))
        {
            return "/";
        }

        var safe = new StringBuilder(returnUrl.Length);
        foreach (var rune in returnUrl.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || Rune.IsWhiteSpace(rune) || rune.Value == '\\' || rune == Rune.ReplacementChar)
            {
                return "/";
            }

            if (rune.IsAscii)
            {
                safe.Append((char)rune.Value);
            }
            else
            {
                safe.Append(Uri.EscapeDataString(rune.ToString()));
            }
        }

        return safe.ToString();
    }
}
