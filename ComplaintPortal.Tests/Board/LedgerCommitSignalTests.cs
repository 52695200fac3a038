using System.Security.Claims;
using ComplaintPortal.Domain.Board;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Board;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Tests.Board;

/// <summary>
/// A local commit wakes the ledger relay, so open boards hear of it at once rather than at the next poll. The poll is
/// set to an hour here: only the wake can deliver within the test.
/// </summary>
public sealed class LedgerCommitSignalTests : IDisposable
{
    private readonly PortalAppFactory app = new();

    public LedgerCommitSignalTests()
    {
        app.Settings["Board:PollInterval"] = "01:00:00";
        _ = app.Services; // running: the relay reads where the ledger ends, then waits to be woken
    }

    [Fact]
    public async Task Case_registered_in_the_intakes_transaction_reaches_the_feed_when_that_transaction_commits()
    {
        await RelayStartedAsync();
        using var board = app.Services.GetRequiredService<BoardChangeFeed>().Subscribe(() => Task.FromResult(Clerk));

        var complaint = await new AppActions(app.Services).RegisterAsync();

        Assert.Equal(complaint.Id, (await NextRowAsync(board)).ComplaintId);
    }

    [Fact]
    public async Task Workflow_step_saved_without_an_explicit_transaction_reaches_the_feed_at_once()
    {
        await RelayStartedAsync();
        var actions = new AppActions(app.Services);
        var complaint = await actions.AcknowledgedCaseAsync();
        using var board = app.Services.GetRequiredService<BoardChangeFeed>().Subscribe(() => Task.FromResult(Clerk));

        await actions.DispatchAsync(complaint.Id, DepartmentCatalog.Quality);

        BoardRowChanged change;
        do
        {
            change = await NextRowAsync(board); // earlier steps of the case may still be on their way
        }
        while (change.Row?.Stage != CaseStage.InDepartments);

        Assert.Equal(complaint.Id, change.ComplaintId);
    }

    private static ClaimsPrincipal Clerk { get; } = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "clerk"), new Claim(ClaimTypes.Role, PortalRoles.IntakeClerk)], "test"));

    // The relay has read where the ledger ends by the time the host has started; a case committed before that read
    // would be taken for history and (with the hour-long poll) never relayed.
    private Task RelayStartedAsync()
    {
        Assert.True(app.Services.GetRequiredService<CaseChangeRelay>().Started.IsCompletedSuccessfully);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_relay_reads_where_the_ledger_ends_as_it_starts_not_later_in_the_background()
    {
        // .NET 10 runs a background service's whole ExecuteAsync on the thread pool: read there, the end could come
        // after the first cases committed once the portal was up, and those never reached a board.
        using var relay = new CaseChangeRelay(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Services.GetRequiredService<BoardChangeFeed>(),
            TimeProvider.System, Options.Create(new BoardOptions { PollInterval = TimeSpan.FromHours(1) }), NullLogger<CaseChangeRelay>.Instance);
        await relay.StartAsync(CancellationToken.None);
        Assert.True(relay.Started.IsCompletedSuccessfully);
        await relay.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_change_the_feed_could_not_publish_reaches_the_board_at_the_next_round()
    {
        var actions = new AppActions(app.Services);
        var complaint = await actions.AcknowledgedCaseAsync();
        // A feed of its own over the portal's row source, whose reading of the viewers' departments fails once when armed.
        var source = new FailsOnceArmed(app.Services.GetRequiredService<IBoardRowSource>());
        var feed = new BoardChangeFeed(source, TimeProvider.System, Options.Create(new BoardOptions()), NullLogger<BoardChangeFeed>.Instance);
        using var relay = new CaseChangeRelay(app.Services.GetRequiredService<IServiceScopeFactory>(), feed, TimeProvider.System,
            Options.Create(new BoardOptions { PollInterval = TimeSpan.FromMilliseconds(100) }), NullLogger<CaseChangeRelay>.Instance);
        await relay.StartAsync(CancellationToken.None);
        var handler = await actions.UserAsync("handler.qa");
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, handler.UserId), .. handler.Roles.Select(r => new Claim(ClaimTypes.Role, r))], "test"));
        using var board = feed.Subscribe(() => Task.FromResult(principal));

        source.Arm();
        await actions.DispatchAsync(complaint.Id, DepartmentCatalog.Quality);

        // The dispatch's batch fails to publish; the relay sends it again at its next round, not never.
        BoardRowChanged change;
        do
        {
            change = await NextRowAsync(board);
        }
        while (change.ComplaintId != complaint.Id || change.Row?.Stage != CaseStage.InDepartments);

        Assert.True(source.Failed);
        await relay.StopAsync(CancellationToken.None);
    }

    private sealed class FailsOnceArmed(IBoardRowSource portal) : IBoardRowSource
    {
        private int armed;

        public bool Failed { get; private set; }

        public void Arm() => Interlocked.Exchange(ref armed, 1);

        public Task<BoardRow?> RowAsync(BoardViewer viewer, int complaintId, DateTimeOffset now, CancellationToken cancellationToken) =>
            portal.RowAsync(viewer, complaintId, now, cancellationToken);

        public Task<BoardTotals> TotalsAsync(BoardViewer viewer, BoardFilter filter, DateTimeOffset now, CancellationToken cancellationToken) =>
            portal.TotalsAsync(viewer, filter, now, cancellationToken);

        public Task<IReadOnlyDictionary<string, int?>> DepartmentsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
        {
            if (Interlocked.Exchange(ref armed, 0) == 1)
            {
                Failed = true;
                throw new InvalidOperationException("database is locked (injected)");
            }

            return portal.DepartmentsAsync(userIds, cancellationToken);
        }
    }

    private static async Task<BoardRowChanged> NextRowAsync(BoardSubscription board)
    {
        // Far below the hour-long poll: a change that waits for the poll never arrives.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (await board.Updates.ReadAsync(timeout.Token) is BoardRowChanged change)
            {
                return change;
            }
        }
    }

    public void Dispose() => app.Dispose();
}
