using System.Net;
using System.Text.RegularExpressions;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Components.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Web;

/// <summary>
/// The report pages through the real pipeline persist no figures for their circuit: the persisted state goes back up in the
/// circuit's first message, SignalR refuses that message over 32 KB, and a page whose figures did not fit never became
/// interactive (the statistics of 100,000 cases came to 47 KB). Both pages hand their figures over on the server; the
/// statistics page reads them at prerender only from the kept counts.
/// </summary>
public sealed partial class ReportPrerenderStateTests : IDisposable
{
    private readonly PortalAppFactory app = new();

    [Fact]
    public async Task The_timeliness_page_shows_its_figures_at_once_and_persists_only_a_token_for_its_circuit()
    {
        var client = await SignedInWithComplaintsAsync();

        var html = await PageAsync(client, "/reports/timeliness?period=Month&year=2026&number=3");

        // The prerender shows the figures (kept counts, quick at any size).
        Assert.Contains("data-figure=\"headline-all\"", html, StringComparison.Ordinal);
        // Its state is the token beside the framework's own entries (the signed-in user), protected: 1.4 KB whatever the
        // figures, where two complaints' figures made it 5 KB and a real organisation's statistics 47 KB.
        Assert.InRange(State(html).Length, 1, 2048);
    }

    [Fact]
    public async Task The_statistics_page_shows_its_kept_figures_at_once_and_persists_only_a_token_for_its_circuit()
    {
        var client = await SignedInWithComplaintsAsync();

        var html = await PageAsync(client, "/reports/statistics?period=Month&year=2026&number=3");

        // The portal keeps the statistics per month, so the prerender reads them (a year of a million cases in 0.1 s) and
        // hands them to the circuit by a token.
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Equal("2", page.QuerySelector("[data-figure=received] [data-test=figure]")?.TextContent.Trim());
        Assert.DoesNotContain("data-test=\"report-loading\"", html, StringComparison.Ordinal);
        Assert.InRange(State(html).Length, 1, 2048);
    }

    [Fact]
    public async Task Without_kept_counts_the_statistics_page_is_sent_at_once_with_its_progress_bar_and_reads_its_figures_in_the_circuit()
    {
        var client = await SignedInWithComplaintsAsync();
        // As while the counts are built afresh (the organisation's zone changed, or a DBA dropped them).
        await app.WithDbAsync(db => db.Set<StatisticsCountState>().ExecuteDeleteAsync());

        var html = await PageAsync(client, "/reports/statistics?period=Month&year=2026&number=3");

        // Counted from the cases, a year of a million cases took 15 s with nothing on screen: no figures before the page is
        // sent, the progress bar, and nothing of the figures persisted for the circuit either.
        Assert.Contains("data-test=\"report-loading\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-figure=\"received\"", html, StringComparison.Ordinal);
        Assert.InRange(State(html).Length, 1, 2048);
    }

    private async Task<HttpClient> SignedInWithComplaintsAsync()
    {
        var actions = new AppActions(app.Services);
        var first = await actions.AcknowledgedCaseAsync();
        await actions.AcknowledgedCaseAsync();
        await actions.DispatchAsync(first.Id, "QA");
        var client = await app.SignedInAsync("leader");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        return client;
    }

    private static async Task<string> PageAsync(HttpClient client, string page)
    {
        var response = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string State(string html) => Assert.Single(StateComment().Matches(html)).Groups[1].Value;

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
