using MudBlazor;

namespace ComplaintPortal.Web.Components.Layout;

/// <summary>
/// Where and how long the portal's snackbars show, set once for MudBlazor's snackbar service. Bottom right, so a
/// message never covers the app bar or the page's title and actions at the top; on a phone app.css spreads the same
/// corner across the bottom edge, where it is read and dismissed with the thumb.
/// </summary>
public static class PortalSnackbars
{
    public static void Configure(SnackbarConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.PositionClass = Defaults.Classes.Position.BottomRight;
        configuration.PreventDuplicates = false;
        configuration.VisibleStateDuration = 6000;
    }
}
