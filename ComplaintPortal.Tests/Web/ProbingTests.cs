using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Web.Features.Account;
using ComplaintPortal.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ComplaintPortal.Tests.Web;

/// <summary>What a prober learns: nothing about which names, cases or files exist.</summary>
public sealed partial class ProbingTests : IClassFixture<ProbingTests.App>
{
    private const string WrongPassword = "Wrong#Pass2026";

    private readonly App app;

    public ProbingTests(App app) => this.app = app;

    [Fact]
    public async Task Unknown_and_real_user_names_get_the_same_answer_and_both_lock_out_after_five_tries()
    {
        var real = new List<(HttpStatusCode, string?)>();
        var unknown = new List<(HttpStatusCode, string?)>();
        for (var i = 0; i < 6; i++)
        {
            real.Add(await TrySignInAsync("leader", WrongPassword));
            unknown.Add(await TrySignInAsync("no.such.person", WrongPassword));
        }

        Assert.Equal(real, unknown);
        Assert.Equal((HttpStatusCode.OK, (string?)null), real[0]);
        Assert.Equal((HttpStatusCode.Redirect, AccountRoutes.Lockout), real[^1]);
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "leader");
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Failed_sign_ins_are_logged_with_name_address_and_time_but_never_the_password()
    {
        app.Log.Clear();
        const string secret = "Secret#Guess2026";

        await TrySignInAsync("handler.qa", secret);
        await TrySignInAsync("ghost\nforged entry", secret);

        var lines = app.Log.Where(l => l.Category == typeof(PasswordSignIn).FullName).Select(l => l.Message).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Contains(lines, l => l.Contains("handler.qa", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("ghost forged entry", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Matches(@"from \S+ at \d{4}-\d{2}-\d{2}T", l));
        Assert.DoesNotContain(app.Log, l => l.Message.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_case_that_exists_but_is_forbidden_answers_exactly_like_one_that_does_not()
    {
        var number = (await new AppActions(app.Services).RegisterAsync()).CaseNumber;
        var missing = number[..^6] + "999999";
        var engineer = await app.SignedInAsync("handler.eng");

        var forbidden = await engineer.GetAsync("/cases/" + number);
        var absent = await engineer.GetAsync("/cases/" + missing);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (forbidden.StatusCode, absent.StatusCode));
        Assert.Equal(Normalize(await absent.Content.ReadAsStringAsync(), missing), Normalize(await forbidden.Content.ReadAsStringAsync(), number));
    }

    [Fact]
    public async Task Evidence_of_a_forbidden_case_answers_404_like_missing_evidence()
    {
        // Case steps have no address of their own any more: they run in the case page's circuit, which a
        // forbidden viewer never gets (the page answers as for a missing case, above).
        var actions = new AppActions(app.Services);
        var complaint = await actions.RegisterAsync();
        var number = complaint.CaseNumber;
        var saved = await app.Services.GetRequiredService<EvidenceStore>().SaveAsync(new MemoryStream("%PDF-1.4 x"u8.ToArray()));
        await actions.DoAsync(complaint.Id, WorkflowAction.AttachEvidence, new() { Evidence = new("x.pdf", "application/pdf", saved.Size, saved.StoredName, saved.Sha256) }, "intake");
        var evidenceId = await app.WithDbAsync(db => db.Evidence.Where(e => e.ComplaintId == complaint.Id).Select(e => e.Id).SingleAsync());
        var engineer = await app.SignedInAsync("handler.eng");

        var forbiddenFile = await engineer.GetAsync($"/cases/{number}/evidence/{evidenceId}");
        var missingFile = await engineer.GetAsync($"/cases/{number}/evidence/{evidenceId + 1000}");

        Assert.Equal(HttpStatusCode.NotFound, forbiddenFile.StatusCode);
        Assert.Equal(missingFile.StatusCode, forbiddenFile.StatusCode);
        // Both are the portal's not-found page; only the address asked for (in the language links) differs.
        var missingId = (evidenceId + 1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(
            Normalize(await missingFile.Content.ReadAsStringAsync(), "evidence%2F" + missingId),
            Normalize(await forbiddenFile.Content.ReadAsStringAsync(), "evidence%2F" + evidenceId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync("intake")).GetAsync($"/cases/{number}/evidence/{evidenceId}")).StatusCode);
    }

    private async Task<(HttpStatusCode, string?)> TrySignInAsync(string userName, string password)
    {
        var response = await app.CreatePortalClient().PostFormAsync("/account/login", "login", new()
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        var location = response.Headers.Location;
        return (response.StatusCode, location is null ? null : location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString);
    }

    /// <summary>
    /// The page without what differs between any two requests: antiforgery tokens, the ids MudBlazor draws
    /// for each render (popovers), and the number asked for.
    /// </summary>
    private static string Normalize(string html, string number) =>
        RenderId().Replace(TokenValue().Replace(html, "value=\"token\""), "ID")
            .Replace(number, "NUMBER", StringComparison.Ordinal).Replace(Uri.EscapeDataString(number), "NUMBER", StringComparison.Ordinal);

    [GeneratedRegex("value=\"CfDJ8[^\"]+\"|content=\"CfDJ8[^\"]+\"")]
    private static partial Regex TokenValue();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex RenderId();

    public sealed class App : PortalAppFactory
    {
        public ConcurrentQueue<(string Category, string Message)> Log { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Log)));
        }
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<(string, string)> log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, log);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<(string, string)> log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log.Enqueue((category, formatter(state, exception)));
    }
}
