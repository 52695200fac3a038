using System.Threading.Channels;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Web.Hosting;
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
    ILogger<CaseChangeRelay> logger) : RecordRelay(scopes, options.Value.GapPatience)
{
    private const int BatchSize = 500;
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    // Changes read and accepted but not yet handed to the feed; kept when the feed fails, sent at the next round.
    private List<CaseChange> unsent = [];

    /// <summary>Called after this instance committed ledger events.</summary>
    public void Wake() => wake.Writer.TryWrite(true);

    protected override async Task<long> EndAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        await LedgerFeed.LatestEventIdAsync(db, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var cursor = Cursor;
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

        await using var scope = Scopes.CreateAsyncScope();
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
