using System.Net;
using System.Text.RegularExpressions;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Components.Shared;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Web;

/// <summary>
/// The report pages through the real pipeline hand their figures to the circuit on the server, not through the page: the
/// persisted state goes back up in the circuit's first message, SignalR refuses that message over 32 KB, and a page whose
/// figures did not fit never became interactive (the statistics of 100,000 cases came to 47 KB).
/// </summary>
public sealed partial class ReportPrerenderStateTests : IDisposable
{
    private readonly PortalAppFactory app = new();

    [Theory]
    [InlineData("/reports/statistics?period=Month&year=2026&number=3", "data-figure=\"received\"")]
    [InlineData("/reports/timeliness?period=Month&year=2026&number=3", "data-figure=\"headline-all\"")]
    public async Task A_report_page_shows_its_figures_at_once_and_persists_only_a_token_for_its_circuit(string page, string figure)
    {
        var actions = new AppActions(app.Services);
        var first = await actions.AcknowledgedCaseAsync();
        await actions.AcknowledgedCaseAsync();
        await actions.DispatchAsync(first.Id, "QA");
        var client = await app.SignedInAsync("leader");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var response = await client.GetAsync(page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        // The prerender shows the figures.
        Assert.Contains(figure, html, StringComparison.Ordinal);
        // Its state is the token beside the framework's own entries (the signed-in user), protected: 1.4 KB whatever the
        // figures, where two complaints' figures made it 5 to 6 KB and a real organisation's month 47 KB.
        var state = Assert.Single(StateComment().Matches(html)).Groups[1].Value;
        Assert.InRange(state.Length, 1, 2048);
    }

    [Fact]
    public void A_kept_value_is_taken_once_by_its_token_and_only_as_its_own_type()
    {
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var handoff = new PrerenderHandoff(cache);
        var token = handoff.Keep(new List<int> { 1, 2 });

        handoff.Keep("other");
        Assert.Null(handoff.Take<string>("00000000000000000000000000000000"));
        Assert.Equal([1, 2], handoff.Take<List<int>>(token));
        // Taken: gone.
        Assert.Null(handoff.Take<List<int>>(token));
        Assert.Null(handoff.Take<List<int>>(null));
        Assert.Null(handoff.Take<string>(handoff.Keep(new List<int>())));
        Assert.NotEqual(handoff.Keep("a"), handoff.Keep("a"));
        Assert.NotNull(app.Services.GetRequiredService<PrerenderHandoff>());
    }

    [GeneratedRegex("<!--Blazor-Server-Component-State:([^-]*)-->")]
    private static partial Regex StateComment();

    public void Dispose() => app.Dispose();
}
