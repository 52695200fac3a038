using Microsoft.Playwright;

namespace ComplaintPortal.Tests.Browser;

/// <summary>MudBlazor's snackbars in the browser tests.</summary>
public static class Snackbars
{
    /// <summary>
    /// Waits until the newest snackbar (with <paramref name="text"/>, if given) has finished fading in, so a screenshot
    /// shows it as the person reads it rather than caught mid-fade.
    /// </summary>
    public static async Task<ILocator> ShownAsync(IPage page, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var snackbar = (text is null ? page.Locator(".mud-snackbar") : page.Locator(".mud-snackbar", new() { HasText = text })).Last;
        await snackbar.WaitForAsync();
        // Fading in is a CSS animation on the snackbar itself; once it is over the snackbar stands at its full opacity.
        await page.WaitForFunctionAsync(
            "el => el.isConnected && el.getAnimations().length === 0 && parseFloat(getComputedStyle(el).opacity) > 0.9",
            await snackbar.ElementHandleAsync());
        return snackbar;
    }
}
