using System.Net;
using System.Text.Json;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Board;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Board;

/// <summary><c>/board/diagnostics</c> with the probe (Board:Diagnostics on): what it shows, who may read and reset it.</summary>
public sealed class BoardDiagnosticsTests : IClassFixture<BoardDiagnosticsTests.App>
{
    private readonly App app;

    public BoardDiagnosticsTests(App app) => this.app = app;

    [Fact]
    public async Task Commit_through_the_portal_stamps_its_ledger_events_for_the_probe()
    {
        var complaint = await new AppActions(app.Services).RegisterAsync();

        var events = await app.WithDbAsync(db => db.LedgerEvents.Where(e => e.ComplaintId == complaint.Id).Select(e => e.Id).ToListAsync());
        var probe = app.Services.GetRequiredService<BoardProbe>();
        Assert.NotEmpty(events);
        Assert.All(events, id => Assert.NotEqual(0, probe.CommitOf(id)));
    }

    [Fact]
    public async Task Administrator_reads_the_probes_render_and_acknowledgement_figures()
    {
        Record(app.Services.GetRequiredService<BoardProbe>());
        var admin = await app.SignedInAsync("admin");

        var probe = await ProbeAsync(admin);

        Assert.True(probe.GetProperty("enabled").GetBoolean());
        Assert.True(probe.GetProperty("rendered").GetProperty("count").GetInt64() >= 1);
        Assert.True(probe.GetProperty("acknowledged").GetProperty("count").GetInt64() >= 1);
        Assert.Equal(JsonValueKind.Number, probe.GetProperty("acknowledged").GetProperty("p99Ms").ValueKind);
    }

    [Fact]
    public async Task Reset_needs_the_antiforgery_token_and_then_clears_the_figures()
    {
        Record(app.Services.GetRequiredService<BoardProbe>());
        var admin = await app.SignedInAsync("admin");

        var refused = await admin.PostAsync("/board/diagnostics/reset", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await ProbeAsync(admin)).GetProperty("rendered").GetProperty("count").GetInt64() >= 1);

        var token = PortalClient.AntiforgeryToken(await admin.GetStringAsync("/"));
        var reset = await admin.PostAsync("/board/diagnostics/reset", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(0, (await ProbeAsync(admin)).GetProperty("rendered").GetProperty("count").GetInt64());
    }

    [Theory]
    [InlineData("intake")]
    [InlineData("supervisor")]
    public async Task Nobody_but_an_administrator_reads_or_resets_the_diagnostics(string userName)
    {
        var client = await app.SignedInAsync(userName);
        var token = PortalClient.AntiforgeryToken(await client.GetStringAsync("/"));

        var read = await client.GetAsync("/board/diagnostics");
        var reset = await client.PostAsync("/board/diagnostics/reset", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.All(new[] { read, reset }, r => Assert.True(
            r.StatusCode == HttpStatusCode.Forbidden || r.Headers.Location?.AbsolutePath == "/account/access-denied", $"{r.RequestMessage?.RequestUri}: {(int)r.StatusCode}"));
    }

    private static void Record(BoardProbe probe)
    {
        var marks = BoardProbeMarks.For(probe)!;
        probe.Committed([long.MaxValue - 1]);
        marks.Delivered(probe.CommitOf(long.MaxValue - 1));
        marks.Rendered();
        marks.Acknowledged();
    }

    private static async Task<JsonElement> ProbeAsync(HttpClient admin)
    {
        var response = await admin.GetAsync("/board/diagnostics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("probe");
    }

    public sealed class App : PortalAppFactory
    {
        public App() => Settings["Board:Diagnostics"] = "true";
    }
}
