using System.Security.Claims;

namespace ComplaintPortal.Web.Features.Account.EntraId;

/// <summary>
/// The two protocol steps that talk to Entra ID: the authorize address (with a PKCE challenge) and
/// the redemption of the returned code (with the matching verifier). <see cref="MsalTokenRedeemer"/>
/// does them with MSAL; tests substitute an in-process identity provider.
/// </summary>
public interface IEntraTokenRedeemer
{
    /// <summary>
    /// The authorize address and its PKCE verifier. The caller sets the <c>state</c> parameter
    /// afterwards, because the state it sends carries the verifier.
    /// </summary>
    /// <param name="redirectUri">The portal's callback address Entra ID sends the code to.</param>
    Task<EntraAuthorizationRequest> CreateAuthorizationRequestAsync(Uri redirectUri, CancellationToken cancellationToken);

    /// <summary>Redeems the code; returns the claims of the ID token that came back (already validated by the client library).</summary>
    Task<IReadOnlyList<Claim>> RedeemCodeAsync(string code, string codeVerifier, Uri redirectUri, CancellationToken cancellationToken);
}

/// <param name="AuthorizeUrl">Where to send the browser.</param>
/// <param name="CodeVerifier">The PKCE secret to keep (in the protected state) until the code comes back.</param>
public sealed record EntraAuthorizationRequest(Uri AuthorizeUrl, string CodeVerifier);
