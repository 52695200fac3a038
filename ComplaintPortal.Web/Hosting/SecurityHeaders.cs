using ComplaintPortal.Web.Features.Account.EntraId;

namespace ComplaintPortal.Web.Hosting;

/// <summary>Headers every response carries: no framing, no sniffing, scripts and styles only from the portal itself.</summary>
internal static class SecurityHeaders
{
    // MudBlazor positions popovers and sizes components with inline style attributes, so styles allow
    // 'unsafe-inline'; scripts never do (no inline script, no eval).
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self' ws: wss:; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        // In EntraId mode the sign-out form is answered by a redirect to Entra ID, which form-action must allow.
        var policy = EntraIdRegistration.SignOutOrigin(app.ApplicationServices) is { } origin
            ? ContentSecurityPolicy.Replace("form-action 'self'", "form-action 'self' " + origin, StringComparison.Ordinal)
            : ContentSecurityPolicy;
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                // Evidence files are previewed in a frame on the case page: the portal itself may frame them.
                var sameOrigin = context.GetEndpoint()?.Metadata.GetMetadata<SameOriginFraming>() is not null;
                headers.XFrameOptions = sameOrigin ? "SAMEORIGIN" : "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers.ContentSecurityPolicy = sameOrigin
                    ? policy.Replace("frame-ancestors 'none'", "frame-ancestors 'self'", StringComparison.Ordinal)
                    : policy;
                return Task.CompletedTask;
            });
            await next(context);
        });
    }
}

/// <summary>Endpoint metadata: the response may be shown in a frame of a portal page (never of another site).</summary>
internal sealed class SameOriginFraming;
