using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ComplaintPortal.Web.Components.Shared;
using ComplaintPortal.Web.Features.Account;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ComplaintPortal.Web.Components.Layout;

/// <summary>
/// The app bar's fixed parts as shared markup with MudBlazor's classes: the drawer switch and brand, the department chip, the
/// theme switch, the user menu's button, links and sign-out button. One string per language (and name or choice), built
/// once and shared by every circuit, so the layout every open page holds keeps one render-tree frame for each instead of
/// dozens (under 64 frames in all: two frame buffers of 64 instead of 128; bench/README.md, memory per circuit). Only the
/// sign-out form and its antiforgery token, which differ per circuit, stay elements of the layout.
/// </summary>
public static class AppBarMarkup
{
    private const string MenuIcon = "mud-icon-root mud-svg-icon mud-icon-size-medium portal-menu-icon";
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly MarkupMemo<(string Culture, string Part, string? Value)> Made = new(1024);

    /// <summary>The drawer switch, the brand linking home and the space that pushes the rest to the right.</summary>
    public static MarkupString Start() => Built("start", null, _ =>
        "<button type=\"button\" class=\"" + AppBarIcons.IconButton + " mud-icon-button-edge-start\" data-drawer-toggle aria-label=\""
        + Encode(UiText.Nav_Toggle) + "\" aria-expanded=\"true\" aria-controls=\"portal-drawer\" data-test=\"drawer-toggle\">"
        + "<span class=\"mud-icon-button-label\">" + AppBarIcons.Icon(Icons.Material.Filled.Menu).Value + "</span></button>"
        + "<a href=\"/\" class=\"mud-typography mud-link mud-inherit-text mud-link-underline-none mud-typography-body1 d-flex align-center gap-2 ml-1\">"
        + AppBarIcons.Icon(Icons.Material.Outlined.SupportAgent).Value
        + "<h6 class=\"mud-typography mud-typography-h6 portal-brand\">" + Encode(UiText.App_Name) + "</h6></a>"
        + "<div class=\"flex-grow-1\"></div>");

    /// <summary>The signed-in person's department (MudChip's markup), hidden on phones.</summary>
    public static MarkupString DepartmentChip(string department) => Built("chip", department, name =>
        "<div class=\"mud-chip-container d-none d-sm-flex\">"
        + "<div class=\"mud-chip mud-chip-outlined mud-chip-size-small mud-chip-color-inherit portal-appbar-chip\" title=\"" + Encode(name!) + "\" data-test=\"appbar-department\">"
        + AppBarIcons.ChipIcon(Icons.Material.Outlined.Apartment).Value + "<span class=\"mud-chip-content\">" + Encode(name!) + "</span></div></div>");

    /// <summary>
    /// The light/dark switch, labelled for the palette the page opened with; switched in the browser (portal.js), which
    /// keeps its label current: no round trip, nothing kept in the circuit.
    /// </summary>
    public static MarkupString ThemeToggle(bool dark) => Built("theme", dark ? "dark" : "light", _ =>
    {
        var label = Encode(dark ? UiText.Theme_Light : UiText.Theme_Dark);
        return "<button type=\"button\" class=\"" + AppBarIcons.IconButton + " portal-theme-toggle\" data-theme-toggle data-test=\"theme-toggle\""
            + " data-label-light=\"" + Encode(UiText.Theme_Light) + "\" data-label-dark=\"" + Encode(UiText.Theme_Dark) + "\""
            + " aria-label=\"" + label + "\" title=\"" + label + "\"><span class=\"mud-icon-button-label\">"
            + AppBarIcons.Icon(Icons.Material.Outlined.LightMode, "portal-when-dark").Value
            + AppBarIcons.Icon(Icons.Material.Outlined.DarkMode, "portal-when-light").Value + "</span></button>";
    });

    /// <summary>The user menu's button (the <c>&lt;summary&gt;</c> of its <c>&lt;details&gt;</c>): icon and name.</summary>
    public static MarkupString UserButton(string? name) => Built("user", name ?? "", shown =>
        "<summary class=\"mud-button-root mud-button mud-button-text mud-button-text-inherit mud-button-text-size-medium mud-ripple\""
        + " aria-label=\"" + Encode(UiText.Nav_UserMenu) + "\"><span class=\"mud-button-label\">"
        + "<span class=\"mud-button-icon-start mud-button-icon-size-medium\">" + AppBarIcons.Icon(Icons.Material.Outlined.AccountCircle).Value + "</span>"
        + "<span class=\"d-none d-sm-inline\">" + Encode(shown!) + "</span></span></summary>");

    /// <summary>The menu's links above sign-out: changing the password, except for Entra ID users (no portal password).</summary>
    public static MarkupString MenuLinks(bool usesEntraId) => Built("links", usesEntraId ? "entra" : "portal", _ => usesEntraId
        ? ""
        : "<a class=\"portal-menu-item mud-ripple\" href=\"" + Encode(AccountRoutes.ChangePassword) + "\" data-enhance-nav=\"false\" target=\"_top\">"
          + SvgIcons.Markup(Icons.Material.Outlined.Password, MenuIcon).Value + "<span>" + Encode(UiText.ChangePassword_Title) + "</span></a>"
          + "<hr class=\"mud-divider\" />");

    /// <summary>The sign-out form's button (the form itself, with the circuit's antiforgery token, is the layout's).</summary>
    public static MarkupString SignOutButton() => Built("sign-out", null, _ =>
        "<button type=\"submit\" class=\"portal-menu-item mud-ripple\" data-test=\"logout\">"
        + SvgIcons.Markup(Icons.Material.Outlined.Logout, MenuIcon).Value + "<span>" + Encode(UiText.Nav_SignOut) + "</span></button>");

    private static MarkupString Built(string part, string? value, Func<string?, string> build) =>
        Made.Get((CultureInfo.CurrentUICulture.Name, part, value), key => new MarkupString(build(key.Value)));

    private static string Encode(string text) => Encoder.Encode(text);
}
