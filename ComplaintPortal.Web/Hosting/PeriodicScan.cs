using System.Threading.Channels;
using ComplaintPortal.Domain.Persistence;

namespace ComplaintPortal.Web.Hosting;

/// <summary>
/// A background scan of the database: once at start-up (catching up on whatever fell due while the portal
/// was down), then every <see cref="Interval"/> on the injected clock. Each pass gets its own scope; a failed
/// pass is logged and retried at the next tick, which finds whatever it missed. Several instances may scan at
/// once: each scan records what it finds once, whoever gets there first; a scan with a <see cref="ScanLease"/> runs on
/// one of them only. <see cref="Wake"/> runs a pass now instead of at the next tick, for work a person has just asked for.
/// </summary>
internal abstract partial class PeriodicScan(IServiceScopeFactory scopes, TimeProvider time, ILogger logger) : BackgroundService
{
    // One waiting wake is enough: a pass finds everything that was asked before it started.
    private readonly Channel<bool> wakes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    protected abstract bool Enabled { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>How long after start-up the first pass waits (none unless a scan says so), so start-up is not hit by a heavy pass.</summary>
    protected virtual TimeSpan InitialDelay => TimeSpan.Zero;

    /// <summary>
    /// The lease that keeps this scan to one instance at a time among those sharing the database (null: every instance
    /// scans, each recording what it finds once, whoever gets there first). The instance that holds it keeps it from pass
    /// to pass; the others skip their passes, and one of them takes over once the holder has not scanned for two intervals.
    /// </summary>
    protected virtual string? ScanLease => null;

    /// <summary>One pass; returns how many things it recorded (logged when above zero).</summary>
    protected abstract Task<int> ScanAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        if (InitialDelay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(InitialDelay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        try
        {
            using var timer = new PeriodicTimer(Interval, time);
            var tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
            var woken = wakes.Reader.WaitToReadAsync(stoppingToken).AsTask();
            while (true)
            {
                await RunOnceAsync(stoppingToken);
                if (await Task.WhenAny(tick, woken) == tick)
                {
                    if (!await tick)
                    {
                        return;
                    }

                    tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
                }
                else
                {
                    await woken;
                    wakes.Reader.TryRead(out _);
                    woken = wakes.Reader.WaitToReadAsync(stoppingToken).AsTask();
                }
            }
        }
        finally
        {
            await GiveUpLeaseAsync();
        }
    }

    /// <summary>At shutdown: the scan's lease goes at once, so the next instance (or this one restarted) scans without waiting for it to run out.</summary>
    private async Task GiveUpLeaseAsync()
    {
        if (ScanLease is not { } lease)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (scope.ServiceProvider.GetService<LeasedWork>() is { } leases)
            {
                await leases.ReleaseAsync(lease);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // It runs out by itself.
            LogFailed(GetType().Name, e);
        }
    }

    /// <summary>Asks for a pass as soon as the current one (if any) is over.</summary>
    public void Wake() => wakes.Writer.TryWrite(true);

    private long passes;

    /// <summary>How many passes have ended, whatever they found (or failed on).</summary>
    public long Passes => Interlocked.Read(ref passes);

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (ScanLease is { } lease && scope.ServiceProvider.GetService<LeasedWork>() is { } leases
                && !await leases.TryTakeAsync(lease, GetType().Name, null, new LeaseTerms(Interval * 2, Interval), stoppingToken))
            {
                // Another instance scans.
                return;
            }

            var started = time.GetTimestamp();
            var recorded = await ScanAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), time.GetUtcNow(), stoppingToken);
            if (recorded > 0)
            {
                LogRecorded(GetType().Name, recorded, (long)time.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(GetType().Name, e);
        }
        finally
        {
            Interlocked.Increment(ref passes);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Scan} recorded {Count} changes in {Milliseconds} ms")]
    private partial void LogRecorded(string scan, int count, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Scan} pass failed; the next tick retries")]
    private partial void LogFailed(string scan, Exception exception);
}
