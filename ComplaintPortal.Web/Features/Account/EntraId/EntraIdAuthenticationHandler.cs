using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace ComplaintPortal.Web.Features.Account.EntraId;

/// <summary>
/// Sign-in with Entra ID on the framework's remote-authentication machinery: the state parameter is
/// the framework's protected <see cref="AuthenticationProperties"/> (holding the return address, the
/// correlation id and the PKCE verifier), the correlation cookie ties the callback to the browser
/// that started it, and a successful callback signs in to the Identity application cookie (the same
/// session a password sign-in gets). The protocol itself is <see cref="IEntraTokenRedeemer"/>.
/// </summary>
public sealed class EntraIdAuthenticationHandler(
    IOptionsMonitor<EntraIdAuthenticationOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IEntraTokenRedeemer redeemer,
    IOptions<EntraIdSettings> settings,
    EntraIdUserLink userLink)
    : RemoteAuthenticationHandler<EntraIdAuthenticationOptions>(options, loggerFactory, encoder)
{
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        properties.RedirectUri = AccountRoutes.SafeReturnUrl(properties.RedirectUri);
        GenerateCorrelationId(properties);
        var redirectUri = new Uri(BuildRedirectUri(Options.CallbackPath));
        var request = await redeemer.CreateAuthorizationRequestAsync(redirectUri, Context.RequestAborted);

        // The verifier travels encrypted inside the state and comes back only to this browser's callback.
        properties.Items[EntraIdDefaults.CodeVerifierKey] = request.CodeVerifier;
        var state = Options.StateDataFormat.Protect(properties);
        Response.Redirect(WithState(request.AuthorizeUrl, state).AbsoluteUri);
    }

    protected override async Task<HandleRequestResult> HandleRemoteAuthenticateAsync()
    {
        var parameters = await ReadParametersAsync();
        var state = Value(parameters, "state");
        var properties = string.IsNullOrEmpty(state) ? null : Options.StateDataFormat.Unprotect(state);
        if (properties is null)
        {
            return HandleRequestResult.Fail("The state was missing or invalid.");
        }

        if (!ValidateCorrelationId(properties))
        {
            return HandleRequestResult.Fail("Correlation failed.", properties);
        }

        var error = Value(parameters, "error");
        if (!string.IsNullOrEmpty(error))
        {
            // access_denied: the user is not assigned to the application (or declined consent).
            return error == "access_denied"
                ? await HandleAccessDeniedErrorAsync(properties)
                : HandleRequestResult.Fail($"Entra ID answered {error}: {Value(parameters, "error_description")}", properties);
        }

        var code = Value(parameters, "code");
        if (string.IsNullOrEmpty(code)
            || !properties.Items.Remove(EntraIdDefaults.CodeVerifierKey, out var codeVerifier) || string.IsNullOrEmpty(codeVerifier))
        {
            return HandleRequestResult.Fail("The callback carried no code, or the state no PKCE verifier.", properties);
        }

        var claims = await redeemer.RedeemCodeAsync(code, codeVerifier, new Uri(BuildRedirectUri(Options.CallbackPath)), Context.RequestAborted);
        if (EntraIdClaimMapping.ProblemWith(claims, settings.Value) is { } problem)
        {
            return HandleRequestResult.Fail(problem, properties);
        }

        var outcome = await userLink.SignInAsync(EntraIdClaimMapping.Map(claims, settings.Value), Context.RequestAborted);
        if (outcome.Status == EntraIdSignInStatus.SignedIn && outcome.Principal is { } principal)
        {
            return HandleRequestResult.Success(new AuthenticationTicket(principal, properties, Scheme.Name));
        }

        // Not an error: a clear page, and no session.
        Response.Redirect(outcome.Status == EntraIdSignInStatus.LockedOut ? AccountRoutes.Lockout : AccountRoutes.NoAccess);
        return HandleRequestResult.Handle();
    }

    /// <summary>Entra ID answers by query (response_mode=query) or by form post (response_mode=form_post).</summary>
    private async Task<Dictionary<string, StringValues>> ReadParametersAsync()
    {
        var values = Request.Query.ToDictionary(StringComparer.Ordinal);
        if (HttpMethods.IsPost(Request.Method) && Request.HasFormContentType)
        {
            foreach (var (key, value) in await Request.ReadFormAsync(Context.RequestAborted))
            {
                values[key] = value;
            }
        }

        return values;
    }

    /// <summary>The state is ours (the framework's protected properties), whatever the client library put there.</summary>
    internal static Uri WithState(Uri url, string state)
    {
        var query = QueryHelpers.ParseQuery(url.Query);
        query["state"] = state;
        var withoutQuery = new UriBuilder(url) { Query = "" }.Uri.AbsoluteUri;
        return new Uri(QueryHelpers.AddQueryString(withoutQuery, query));
    }

    private static string? Value(Dictionary<string, StringValues> parameters, string name) =>
        parameters.TryGetValue(name, out var value) ? value.ToString() : null;
}
