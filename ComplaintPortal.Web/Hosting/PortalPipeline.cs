using ComplaintPortal.Web.Components;
using ComplaintPortal.Web.Components.Layout;
using ComplaintPortal.Web.Features.Account;
using ComplaintPortal.Web.Features.Archive;
using ComplaintPortal.Web.Features.Board;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Features.Organisation;
using ComplaintPortal.Web.Features.Health;
using ComplaintPortal.Web.Features.Localization;
using ComplaintPortal.Web.Features.Privacy;
using ComplaintPortal.Web.Features.Reports;
using ComplaintPortal.Web.Features.Supervision;

namespace ComplaintPortal.Web.Hosting;

public static class PortalPipeline
{
    public static WebApplication UseComplaintPortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Configuration.GetValue<bool>("ForwardedHeaders:Enabled"))
        {
            // Behind a TLS-terminating reverse proxy: take scheme and client address from it, so
            // redirects (Entra ID callback, HTTPS redirection) use the public https address.
            var forwarded = new ForwardedHeadersOptions
            {
                ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor
                    | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto
                    | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedHost,
            };
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            app.UseForwardedHeaders(forwarded);
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        if (app.Configuration.GetValue("Security:RequireHttps", true))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // Friendly pages are for people browsing; API, hub and form-post callers keep the plain status
        // code (re-executing a POST against a page would turn a 403 into a misleading 400).
        app.Use((context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method)
                || context.Request.Path.StartsWithSegments("/api")
                || context.Request.Path.StartsWithSegments("/hubs"))
            {
                context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>()?.Enabled = false;
            }

            return next(context);
        });
        app.UsePortalLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        // Reads an oversized form before antiforgery could mistake it for a missing token.
        app.UseBadRequestResponses();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapPortalTheme();
        // Circuits are not compressed unless a site asks for it: per-message deflate keeps about 300 KB of zlib state (native
        // memory, outside the managed heap) for every open circuit and deflates every render batch, while a live board's
        // change is a few hundred bytes on an intranet (bench/README.md). A site whose browsers sit behind a slow link
        // can turn it on with Circuits:CompressWebSockets=true.
        var compressCircuits = app.Configuration.GetValue("Circuits:CompressWebSockets", false);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.DisableWebSocketCompression = !compressCircuits);
        app.MapAccountEndpoints();
        app.MapCaseEndpoints();
        app.MapBoardFeature();
        app.MapSupervisionFeature();
        app.MapPrivacyFeature();
        app.MapStatisticsExport();
        app.MapArchive();
        app.MapCultureEndpoints();
        app.MapHealthEndpoints();
        app.MapConfigurationEndpoints();
        return app;
    }
}
