using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Components.Layout;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace ComplaintPortal.Tests.Components;

/// <summary>Snackbars show at the bottom right, never over the app bar or a page's title (<see cref="PortalSnackbars"/>).</summary>
public sealed class PortalSnackbarsTests(PortalSnackbarsTests.App app) : IClassFixture<PortalSnackbarsTests.App>
{
    [Fact]
    public void Portal_configures_snackbars_at_the_bottom_right()
    {
        var configuration = app.Services.GetRequiredService<IOptions<SnackbarConfiguration>>().Value;

        Assert.Equal(Defaults.Classes.Position.BottomRight, configuration.PositionClass);
    }

    [Fact]
    public async Task Shown_message_sits_in_the_bottom_right_container()
    {
        await using var ctx = new PortalComponentContext("zh-Hans", s => s.Configure<SnackbarConfiguration>(PortalSnackbars.Configure));
        var providers = ctx.RenderWithProviders(_ => { });

        await providers.InvokeAsync(() => ctx.Services.GetRequiredService<ISnackbar>().Add("已创建用户 liu.yang。", MudBlazor.Severity.Success));

        providers.WaitForAssertion(() =>
        {
            var container = providers.Find("#mud-snackbar-container");
            Assert.Contains("mud-snackbar-location-bottom-right", container.ClassList);
            Assert.DoesNotContain(container.ClassList, c => c.StartsWith("mud-snackbar-location-top", StringComparison.Ordinal));
            Assert.Contains("liu.yang", container.QuerySelector(".mud-snackbar")!.TextContent, StringComparison.Ordinal);
        });
    }

    public sealed class App : PortalAppFactory;
}
