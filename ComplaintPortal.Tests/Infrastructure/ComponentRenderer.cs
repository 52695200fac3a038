using System.Globalization;
using AngleSharp;
using AngleSharp.Dom;
using ComplaintPortal.Web.Features.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ComplaintPortal.Tests.Infrastructure;

/// <summary>
/// Renders a Razor component to HTML with the framework's <see cref="HtmlRenderer"/> under a pinned
/// culture and parses it with AngleSharp (bUnit cannot run on .NET 10 with the packages here).
/// </summary>
public static class ComponentRenderer
{
    /// <summary>
    /// The culture a component test pins: the portal's own instance of a language (24-hour times), as the request
    /// localization hands it out, or the framework's for any other name.
    /// </summary>
    public static CultureInfo Culture(string name) =>
        PortalCultures.IsSupported(name) ? PortalCultures.Get(name) : CultureInfo.GetCultureInfo(name);

    public static async Task<IDocument> RenderAsync<TComponent>(
        string culture,
        Action<IServiceCollection>? services = null,
        IDictionary<string, object?>? parameters = null)
        where TComponent : IComponent
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        collection.AddLogging();
        services?.Invoke(collection);
        await using var provider = collection.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, provider.GetRequiredService<ILoggerFactory>());

        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var pinned = Culture(culture);
        CultureInfo.CurrentCulture = pinned;
        CultureInfo.CurrentUICulture = pinned;
        try
        {
            var html = await renderer.Dispatcher.InvokeAsync(async () =>
            {
                var output = await renderer.RenderComponentAsync<TComponent>(
                    parameters is null ? ParameterView.Empty : ParameterView.FromDictionary(parameters));
                return output.ToHtmlString();
            });
            var context = BrowsingContext.New(Configuration.Default);
            return await context.OpenAsync(req => req.Content(html));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }
}
