using ComplaintPortal.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace ComplaintPortal.Web.Components.Layout;

/// <summary>MudBlazor's icon-button and icon markup for the app bar, written without the components.</summary>
public static class AppBarIcons
{
    /// <summary>The classes <c>MudIconButton Color="Color.Inherit"</c> writes.</summary>
    public const string IconButton = "mud-button-root mud-icon-button mud-inherit-text hover:mud-inherit-hover mud-ripple mud-ripple-icon";

    private const string IconClass = "mud-icon-root mud-svg-icon mud-icon-size-medium";

    public static MarkupString Icon(string icon) => SvgIcons.Markup(icon, IconClass);

    public static MarkupString Icon(string icon, string extraClass) => SvgIcons.Markup(icon, IconClass + " " + extraClass);

    public static MarkupString ChipIcon(string icon) => SvgIcons.Markup(icon, "mud-icon-root mud-svg-icon mud-inherit-text mud-icon-size-small mud-chip-icon");
}
