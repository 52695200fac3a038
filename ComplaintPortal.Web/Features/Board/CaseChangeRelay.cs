using System.Threading.Channels;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Persistence;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>
/// Relays new ledger events from the database to this instance's <see cref="BoardChangeFeed"/>. A commit in
/// this instance wakes it at once (<see cref="LedgerCommitSignal"/>); changes committed through other
/// instances sharing the database are picked up by polling. <see cref="LedgerCursor"/> makes sure no event
/// is skipped or sent twice. Reading the ledger after the commit, rather than publishing from the saving
/// context, means a board never reads a row of a transaction that has not committed yet.
/// </summary>
public sealed class CaseChangeRelay(
    IServiceScopeFactory scopes,
    BoardChangeFeed feed,
    TimeProvider time,
    IOptions<BoardOptions> options,
    ILogger<CaseChangeRelay> logger) : BackgroundService
{
    private const int BatchSize = 500;
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the relay has read where the ledger ends at start: every change committed after that reaches the boards.</summary>
    public Task Started => started.Task;

    private LedgerCursor? cursor;

    // Changes read and accepted but not yet handed to the feed; kept when the feed fails, sent at the next round.
    private List<CaseChange> unsent = [];

    /// <summary>Called after this instance committed ledger events.</summary>
    public void Wake() => wake.Writer.TryWrite(true);

    /// <summary>
    /// Finds where the ledger ends before the host has started, so every change committed once the portal is up reaches
    /// the boards. Read in <see cref="ExecuteAsync"/>, which runs in the background, the end could be read after the
    /// first changes were committed, and those never reached a board.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            cursor = new LedgerCursor(await LedgerFeed.LatestEventIdAsync(db, cancellationToken), options.Value.GapPatience);
        }

        started.TrySetResult();
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var cursor = this.cursor ?? throw new InvalidOperationException("The relay runs only once started.");
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RelayAsync(cursor, stoppingToken);
                await feed.RefreshTotalsAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A busy or briefly unreachable database must not stop live updates for good.
                logger.LogWarning(ex, "Relaying ledger events failed; retrying");
            }

            await WaitForWorkAsync(stoppingToken);
        }
    }

    private async Task RelayAsync(LedgerCursor cursor, CancellationToken cancellationToken)
    {
        // The cursor has moved past a batch the feed could not publish (reading the viewers failed): it goes first.
        if (unsent.Count > 0)
        {
            await feed.PublishAsync(unsent, cancellationToken);
            unsent = [];
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        IReadOnlyList<CaseChange> changes;
        do
        {
            changes = await LedgerFeed.ReadAfterAsync(db, cursor.ReadAfter, BatchSize, cancellationToken);
            var fresh = cursor.Accept(changes.Select(c => c.EventId), time.GetUtcNow()).ToHashSet();
            unsent = changes.Where(c => fresh.Contains(c.EventId)).ToList();
            await feed.PublishAsync(unsent, cancellationToken);
            unsent = [];
        }
        while (changes.Count == BatchSize);
    }

    private async Task WaitForWorkAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.PollInterval);
        try
        {
            await wake.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a local commit: look for other instances' changes.
        }
    }
}
