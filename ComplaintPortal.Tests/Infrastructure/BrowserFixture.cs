using Microsoft.Playwright;

namespace ComplaintPortal.Tests.Infrastructure;

/// <summary>
/// One headless Debian Chromium for all browser tests, driven by Playwright's bundled driver
/// (never `playwright install`: no browser download is possible here). scripts/test.sh installs Chromium.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run scripts/test.sh, which installs Chromium and a CJK font.");
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                // As a person who asked their system for less motion: the portal's animations end at once (app.css), so the
                // walks do not wait for them, and Chromium draws fewer frames.
                "--force-prefers-reduced-motion",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
    }

    /// <summary>Where screenshots go: TestResults/screenshots at the repository root (kept by CI as artifacts).</summary>
    public static string ArtifactPath(string fileName)
    {
        var folder = Path.Combine(RepositoryFolder.Find() ?? AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, fileName);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>
/// A second browser collection, with its own Chromium: a long walk placed here runs beside the first collection's tests
/// (xunit runs a collection's tests one after another, collections side by side).
/// </summary>
[CollectionDefinition(Name)]
public sealed class LayoutBrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser-layout";
}
