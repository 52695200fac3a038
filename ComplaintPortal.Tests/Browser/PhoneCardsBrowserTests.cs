using ComplaintPortal.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ComplaintPortal.Tests.Browser;

/// <summary>Plain tables shown as cards on a phone and a tablet held upright (app.css, portal-narrow-cards): each value beside its column's title.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneCardsBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IDisposable
{
    private readonly PortalAppFactory app = new();

    [Fact]
    public async Task A_long_english_column_title_wraps_beside_its_value_and_its_card_line_grows_to_hold_it()
    {
        var root = app.StartOnLoopback();
        var page = await new PortalWalk(browser, root, app.Record).SignInAsync("admin", new ViewportSize { Width = 390, Height = 844 }, phone: true);
        await page.GotoAsync("/culture/set?culture=en&returnUrl=%2F");
        await PortalWalk.OpenAsync(page, "/admin/retention");
        var cells = page.Locator("[data-test=retention-rules] td[data-label]");
        await cells.First.WaitForAsync();

        // Each title's width in its own font against the room beside the value: a longer one needs more lines, and the
        // card's line must be at least that tall, or the title was cut off (it used to end in "…") or ran into the next line.
        var measured = await cells.EvaluateAllAsync<Measured[]>(
            """
            tds => tds.map(td => {
              const s = getComputedStyle(td, '::before');
              const pen = document.createElement('canvas').getContext('2d');
              pen.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
              const lines = Math.ceil(pen.measureText(td.dataset.label).width / parseFloat(s.width));
              return { title: td.dataset.label, lines, needed: lines * parseFloat(s.fontSize) * 1.2, height: td.getBoundingClientRect().height };
            })
            """);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath("retention-phone-en.png"), FullPage = true });

        Assert.Contains(measured, m => m.Lines > 1); // "Complaint type" is wider than the titles' column here
        Assert.All(measured, m => Assert.True(m.Height >= m.Needed, $"\"{m.Title}\" needs {m.Lines} lines ({m.Needed:0.#} px); its line is {m.Height:0.#} px"));
    }

    public void Dispose()
    {
        app.Record.WriteTo(output);
        app.Dispose();
    }

    /// <summary>A card line: its column's title, the lines the title needs, their height and the line's own.</summary>
    public sealed class Measured
    {
        public string Title { get; set; } = "";

        public int Lines { get; set; }

        public double Needed { get; set; }

        public double Height { get; set; }
    }
}
