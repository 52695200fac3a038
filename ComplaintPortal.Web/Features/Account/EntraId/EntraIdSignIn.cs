using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Web.Features.Account.EntraId;

/// <summary>
/// The portal's part of the OpenID Connect sign-in. The framework's handler (configured by
/// Microsoft.Identity.Web) does the protocol: protected state, correlation and nonce cookies, PKCE,
/// code redemption, ID-token signature, issuer, audience and lifetime. Only when all of that has
/// passed (<see cref="OnTicketReceivedAsync"/>) is the person linked to their portal user, and the
/// ticket becomes the same principal a password sign-in gets, written to Identity's application
/// cookie. People without a portal role or locked by an administrator get a page, not a session.
/// </summary>
internal static class EntraIdSignIn
{
    /// <summary>Adds the portal's handlers, keeping the ones Microsoft.Identity.Web set before.</summary>
    public static void Attach(OpenIdConnectEvents events)
    {
        var redirectToIdentityProvider = events.OnRedirectToIdentityProvider;
        events.OnRedirectToIdentityProvider = context =>
        {
            // Whoever started the challenge, the return address stays on this site.
            context.Properties.RedirectUri = AccountRoutes.SafeReturnUrl(context.Properties.RedirectUri);
            return redirectToIdentityProvider(context);
        };

        var authorizationCodeReceived = events.OnAuthorizationCodeReceived;
        events.OnAuthorizationCodeReceived = async context =>
        {
            await UseCertificateIfConfiguredAsync(context);
            await authorizationCodeReceived(context);
        };

        events.OnTicketReceived = OnTicketReceivedAsync;
        events.OnRemoteFailure = OnRemoteFailureAsync;
    }

    /// <summary>With a certificate instead of a secret, the code is redeemed with a signed client assertion.</summary>
    private static async Task UseCertificateIfConfiguredAsync(AuthorizationCodeReceivedContext context)
    {
        var certificate = context.HttpContext.RequestServices.GetRequiredService<EntraIdClientCertificate>();
        if (!certificate.IsConfigured || context.TokenEndpointRequest is not { } request)
        {
            return;
        }

        var configuration = await context.Options.ConfigurationManager!.GetConfigurationAsync(context.HttpContext.RequestAborted);
        request.ClientSecret = null;
        request.ClientAssertionType = EntraIdClientCertificate.AssertionType;
        request.ClientAssertion = certificate.CreateAssertion(new Uri(configuration.TokenEndpoint));
    }

    private static async Task OnTicketReceivedAsync(TicketReceivedContext context)
    {
        var services = context.HttpContext.RequestServices;
        var settings = services.GetRequiredService<IOptions<EntraIdSettings>>().Value;
        var claims = context.Principal?.Claims.ToList() ?? [];
        if (EntraIdClaimMapping.ProblemWith(claims, settings) is { } problem)
        {
            Logger(services).LogWarning("Entra ID sign-in refused: {Reason}", problem);
            context.Response.Redirect(FailedSignIn);
            context.HandleResponse();
            return;
        }

        var link = services.GetRequiredService<EntraIdUserLink>();
        var outcome = await link.SignInAsync(EntraIdClaimMapping.Map(claims, settings), context.HttpContext.RequestAborted);
        if (outcome.Status == EntraIdSignInStatus.SignedIn && outcome.Principal is { } principal)
        {
            // The framework now signs this principal in to Identity's cookie and redirects to ReturnUri.
            EntraIdSession.Mark(principal, services.GetRequiredService<TimeProvider>().GetUtcNow());
            context.Principal = principal;
            context.ReturnUri = AccountRoutes.SafeReturnUrl(context.ReturnUri);
            return;
        }

        // Not an error: a clear page, and no session.
        context.Response.Redirect(outcome.Status == EntraIdSignInStatus.LockedOut ? AccountRoutes.Lockout : AccountRoutes.NoAccess);
        context.HandleResponse();
    }

    /// <summary>A tampered or stale callback, a refused code or token, an Entra ID error: logged, and the login page says so.</summary>
    private static Task OnRemoteFailureAsync(RemoteFailureContext context)
    {
        Logger(context.HttpContext.RequestServices).LogWarning(context.Failure, "Entra ID sign-in refused: {Reason}", context.Failure?.Message);
        context.Response.Redirect(FailedSignIn);
        context.HandleResponse();
        return Task.CompletedTask;
    }

    private static string FailedSignIn => $"{AccountRoutes.Login}?{AccountRoutes.EntraIdFailedFlag}=1";

    private static ILogger Logger(IServiceProvider services) =>
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EntraIdSignIn));
}
