using Microsoft.Net.Http.Headers;

namespace ComplaintPortal.Web.Components.Layout;

/// <summary>Builds <see cref="ThemeStylesheet"/> once (warmed at start-up) and serves it at <see cref="ThemeStylesheet.Path"/>.</summary>
public sealed class ThemeStylesheetSource(IServiceProvider services)
{
    private readonly Lazy<ThemeStylesheet> sheet = new(
        () => Task.Run(() => ThemeStylesheet.BuildAsync(services, PortalTheme.Theme)).GetAwaiter().GetResult(),
        LazyThreadSafetyMode.ExecutionAndPublication);

    public ThemeStylesheet Sheet => sheet.Value;

    /// <summary>Builds the stylesheet before the first request needs it.</summary>
    internal sealed class Warmer(ThemeStylesheetSource source) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.Run(() => _ = source.Sheet, cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

public static class ThemeStylesheetEndpoint
{
    public static IServiceCollection AddPortalTheme(this IServiceCollection services)
    {
        services.AddSingleton<ThemeStylesheetSource>();
        services.AddScoped<PageShell>();
        services.AddHostedService<ThemeStylesheetSource.Warmer>();
        return services;
    }

    /// <summary>
    /// The theme stylesheet: public (the sign-in page needs it), cached for a year when asked for by its
    /// versioned address, revalidated by ETag otherwise.
    /// </summary>
    public static IEndpointRouteBuilder MapPortalTheme(this IEndpointRouteBuilder app)
    {
        app.MapGet(ThemeStylesheet.Path, (HttpContext context, ThemeStylesheetSource source) =>
        {
            var sheet = source.Sheet;
            var etag = new EntityTagHeaderValue("\"" + sheet.Version + "\"");
            var headers = context.Response.GetTypedHeaders();
            headers.ETag = etag;
            headers.CacheControl = context.Request.Query["v"] == sheet.Version
                ? new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromDays(365), Extensions = { new NameValueHeaderValue("immutable") } }
                : new CacheControlHeaderValue { Public = true, NoCache = true };
            var asked = context.Request.GetTypedHeaders().IfNoneMatch;
            if (asked.Any(e => e.Compare(etag, useStrongComparison: false)))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            return Results.Text(sheet.Css, "text/css; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
