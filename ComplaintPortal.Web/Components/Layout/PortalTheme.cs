using MudBlazor;

namespace ComplaintPortal.Web.Components.Layout;

/// <summary>
/// The portal's one theme: calm blue-grey surfaces that stay legible on a control-room wall screen, with
/// state colours (success / warning / error) reserved for deadline states so they carry meaning.
/// </summary>
public static class PortalTheme
{
    public const string CookieName = "cp.theme";

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#00796b",
            AppbarBackground = "#1f4e79",
            Background = "#f4f6f9",
            DrawerBackground = "#ffffff",
            Success = "#2e7d32",
            Warning = "#b26a00",
            Error = "#c62828",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#64b5f6",
            Secondary = "#4db6ac",
            AppbarBackground = "#10243a",
            Background = "#0e1621",
            Surface = "#16202d",
            DrawerBackground = "#121b26",
            Success = "#66bb6a",
            Warning = "#ffb74d",
            Error = "#ef5350",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "system-ui", "sans-serif"],
            },
            // Buttons say what they say: Material's capitals turned 导出 Excel into 导出 EXCEL and shout in English.
            Button = new ButtonTypography { TextTransform = "none" },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "240px" },
    };
}
