using ComplaintPortal.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Infrastructure;

/// <summary>
/// What the portal's layout needs beyond the page's own services in bUnit (the app bar's user summary, the page shell,
/// the sign-in settings and the circuit's antiforgery token), and the layout rendered around a page.
/// </summary>
public static class PortalLayoutTesting
{
    /// <summary>The token the layout's sign-out form carries in these tests.</summary>
    public static readonly AntiforgeryRequestToken Token = new("token-of-this-circuit", "__RequestVerificationToken");

    public static void AddLayoutServices(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddScoped<CurrentUserSummary>();
        services.AddScoped<PageShell>();
        services.AddOptions();
        services.AddSingleton<AntiforgeryStateProvider>(new OneToken());
    }

    /// <summary>
    /// <see cref="MainLayout"/> (with MudBlazor's providers) around <paramref name="page"/>, or <see cref="BoardLayout"/>
    /// (the same markup without them) when <paramref name="withProviders"/> is false.
    /// </summary>
    public static IRenderedComponent<IComponent> RenderLayout(this BunitContext ctx, RenderFragment page, bool withProviders = true)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return ctx.Render(builder =>
        {
            builder.OpenComponent(0, withProviders ? typeof(MainLayout) : typeof(BoardLayout));
            builder.AddComponentParameter(1, nameof(LayoutComponentBase.Body), page);
            builder.CloseComponent();
        });
    }

    private sealed class OneToken : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => Token;
    }
}
