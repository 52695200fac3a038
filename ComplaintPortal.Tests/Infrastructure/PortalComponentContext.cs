using System.Globalization;
using Bunit;
using Bunit.TestDoubles;
using ComplaintPortal.Web.Features.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace ComplaintPortal.Tests.Infrastructure;

/// <summary>
/// A bUnit context for portal components: MudBlazor's services, loose JS interop (MudBlazor calls into
/// its own script, which is not there), an interactive renderer, and the culture pinned for the test's
/// lifetime so localized text is deterministic.
/// </summary>
public class PortalComponentContext : BunitContext
{
    private readonly (CultureInfo Culture, CultureInfo UiCulture) previous;

    /// <param name="services">The component's own services (e.g. a clock), added before anything is resolved.</param>
    public PortalComponentContext(string culture = "en", Action<IServiceCollection>? services = null)
    {
        previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var pinned = Culture(culture);
        CultureInfo.CurrentCulture = pinned;
        CultureInfo.CurrentUICulture = pinned;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        // MudBlazor's own strings in the portal's languages, as the portal registers them.
        Services.AddTransient<MudBlazor.MudLocalizer, PortalMudLocalizer>();
        Services.AddLogging();
        services?.Invoke(Services);
        Authorization = AddAuthorization();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>
    /// The culture a component test pins: the portal's own instance of a language (24-hour times), as the request
    /// localization hands it out, or the framework's for any other name.
    /// </summary>
    public static CultureInfo Culture(string name) =>
        PortalCultures.IsSupported(name) ? PortalCultures.Get(name) : CultureInfo.GetCultureInfo(name);

    /// <summary>Anonymous until <see cref="SignIn"/>.</summary>
    public BunitAuthorizationContext Authorization { get; }

    /// <summary>Signs a user in with the given roles (none: anonymous).</summary>
    public BunitAuthorizationContext SignIn(string? userName, params string[] roles)
    {
        if (userName is not null)
        {
            Authorization.SetAuthorized(userName);
            Authorization.SetRoles(roles);
        }

        return Authorization;
    }

    /// <summary>Renders <paramref name="fragment"/> inside MudBlazor's providers (popovers, dialogs, snackbars).</summary>
    public IRenderedComponent<IComponent> RenderWithProviders(RenderFragment fragment) =>
        Render(builder =>
        {
            builder.OpenComponent<MudBlazor.MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudBlazor.MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<MudBlazor.MudSnackbarProvider>(2);
            builder.CloseComponent();
            builder.AddContent(3, fragment);
        });

    protected override void Dispose(bool disposing)
    {
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        base.Dispose(disposing);
    }

    /// <summary>MudBlazor registers services that only dispose asynchronously: tests that render them use <c>await using</c>.</summary>
    protected override ValueTask DisposeAsyncCore()
    {
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        return base.DisposeAsyncCore();
    }
}
