using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Persistence;

namespace ComplaintPortal.Web.Hosting;

/// <summary>
/// A background service that relays what is appended to one table of the shared database (the ledger, the notices, the
/// instances' signals), read by id with a <see cref="LedgerCursor"/>. Where the table ends is read as the host starts:
/// .NET 10 runs all of <see cref="BackgroundService.ExecuteAsync"/> on the thread pool, and read there, the end could come
/// after the first rows committed once the portal was up, which were then never relayed.
/// </summary>
public abstract class RecordRelay(IServiceScopeFactory scopes, TimeSpan gapPatience) : BackgroundService
{
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IReadOnlyList<IDisposable> listening = [];
    private LedgerCursor? cursor;

    /// <summary>Scopes for the relay's own reads and writes.</summary>
    protected IServiceScopeFactory Scopes { get; } = scopes;

    /// <summary>Completes once the relay knows where the table ended at start: everything appended after that is relayed.</summary>
    public Task Started => started.Task;

    /// <summary>Where the relay reads from; set as the host starts.</summary>
    protected LedgerCursor Cursor => cursor ?? throw new InvalidOperationException("The relay runs only once started.");

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        listening = Listen();
        await using (var scope = Scopes.CreateAsyncScope())
        {
            cursor = new LedgerCursor(await EndAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), cancellationToken), gapPatience);
        }

        started.TrySetResult();
        await base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        foreach (var subscription in listening)
        {
            subscription.Dispose();
        }

        base.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The table's newest id (0 when it is empty).</summary>
    protected abstract Task<long> EndAsync(PortalDbContext db, CancellationToken cancellationToken);

    /// <summary>Starts listening to this instance's own changes, before the end is read, so none falls between; disposed with the relay.</summary>
    protected virtual IReadOnlyList<IDisposable> Listen() => [];
}
