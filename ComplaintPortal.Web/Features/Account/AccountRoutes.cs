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

    /// <summary>Only a path on this site may be a return target (no open redirects).</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl[0] == '/'
        && (returnUrl.Length == 1 || (returnUrl[1] != '/' && returnUrl[1] != '\\'))
            ? returnUrl
            : "/";
}
