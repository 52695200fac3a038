using Microsoft.Playwright;

namespace ComplaintPortal.Tests.Browser;

/// <summary>Measures of how a page lays out that several walks take: what a frame holds against its width.</summary>
public static class Layout
{
    /// <summary>The width of what a frame holds (its scroll width) and of the frame itself.</summary>
    public static async Task<(double Content, double Frame)> WidthsAsync(ILocator frame)
    {
        var widths = await frame.EvaluateAsync<double[]>("f => [f.scrollWidth, f.clientWidth]");
        return (widths[0], widths[1]);
    }

    /// <summary>
    /// A table of figures wider than the phone: a hint over it says so in <paramref name="hint"/>'s words, and scrolled to
    /// its last column the rows' names stay pinned at its frame's left edge, so a figure is still read against its row.
    /// </summary>
    public static async Task TablePinnedOnAPhoneAsync(IPage page, string table, string hint)
    {
        var said = page.Locator($"[data-test={table}]").Locator("xpath=preceding-sibling::*[@data-test='table-swipe-hint'][1]");
        Assert.Equal(hint, (await said.InnerTextAsync()).Trim());
        var pinned = await page.Locator($"[data-test={table}] .mud-table-container").EvaluateAsync<double[]>(
            """
            async f => {
              const width = [f.scrollWidth, f.clientWidth];
              f.scrollLeft = f.scrollWidth;
              await new Promise(r => requestAnimationFrame(r));
              const left = f.getBoundingClientRect().left;
              const names = [...f.querySelectorAll('tr > :first-child')].map(c => Math.abs(c.getBoundingClientRect().left - left));
              const last = f.querySelector('thead th:last-child').getBoundingClientRect().right;
              return [...width, Math.max(...names), last - f.getBoundingClientRect().right];
            }
            """);
        Assert.True(pinned[0] > pinned[1], $"{table}: {pinned[0]} px of columns in a frame {pinned[1]} px wide");
        Assert.True(pinned[2] < 1, $"{table}: a row's name moved {pinned[2]:0.#} px from the frame's edge when scrolled");
        Assert.True(pinned[3] <= 1, $"{table}: the last column ends {pinned[3]:0.#} px past the frame scrolled to its end");
    }
}
