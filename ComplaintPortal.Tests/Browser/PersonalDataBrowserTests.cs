using System.Globalization;
using ComplaintPortal.Domain.Privacy;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ComplaintPortal.Tests.Browser;

/// <summary>A look at a case page with personal data, prerendered and then live over the circuit, is one line of the log; the clerk reads it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PersonalDataBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IDisposable
{
    private readonly PortalAppFactory app = new();

    [Fact]
    public async Task Opening_a_case_page_over_a_circuit_logs_one_look_from_the_browser_s_address_and_the_archive_clerk_reads_it()
    {
        var root = app.StartOnLoopback();
        var complaint = await new AppActions(app.Services).AcknowledgedCaseAsync();

        var clerk = await SignInAsync(root, "intake");
        await clerk.GotoAsync("/cases/" + complaint.CaseNumber);
        await clerk.Locator("[data-test=complainant-name]").WaitForAsync();
        await clerk.WaitForFunctionAsync("() => window.Blazor && document.querySelector('[data-test=drawer-toggle]')");
        // The interactive run has loaded the case again by the time its step menu reacts.
        await clerk.Locator("[data-test=case-stage]").WaitForAsync();
        await clerk.WaitForTimeoutAsync(1500);

        var line = Assert.Single(await app.WithDbAsync(db => db.PersonalDataViews.AsNoTracking().ToListAsync()));
        Assert.Equal((PersonalDataViewKind.CasePage, complaint.CaseNumber), (line.Kind, line.CaseNumber));
        Assert.Equal("127.0.0.1", line.Address);

        var archivist = await SignInAsync(root, "archivist");
        await archivist.GotoAsync("/privacy/views");
        await archivist.Locator("[data-test=log-case]", new() { HasTextString = complaint.CaseNumber }).WaitForAsync();
        await archivist.WaitForFunctionAsync("() => window.Blazor && document.querySelector('[data-test=drawer-toggle]')");
        await archivist.Locator("[data-test=log-export]").WaitForAsync();
        // The time reads as Chinese dates do, in the organisation's zone, to the second.
        var zone = app.Services.GetRequiredService<OrganisationClock>().TimeZone;
        Assert.Equal(TimeZoneInfo.ConvertTime(line.At, zone).ToString("G", CultureInfo.GetCultureInfo("zh-Hans")),
            await archivist.InnerTextAsync("[data-test=log-at]"));
        await archivist.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ArtifactPath("privacy-1-log.png"), FullPage = true });
    }

    public void Dispose()
    {
        app.Record.WriteTo(output);
        app.Dispose();
    }

    private Task<IPage> SignInAsync(Uri root, string userName) =>
        PortalWalk.SignInAsync(browser, root, userName, new() { ViewportSize = new() { Width = 1400, Height = 900 } }, app.Record);
}
