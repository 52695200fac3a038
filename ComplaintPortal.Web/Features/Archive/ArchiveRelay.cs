using System.Globalization;
using System.Threading.Channels;
using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Features.Archive;

/// <summary>
/// Keeps the archive's live pages right on every instance that shares the database. This instance's archive changes are
/// appended as <see cref="InstanceSignal"/>s; the other instances' are read every <see cref="ArchiveOptions.RelayInterval"/>
/// and published to this instance's <see cref="ArchiveFeed"/>. So a request filed through one server appears in the
/// clerk's queue on another, and an access revoked through one closes the open views of it on all of them.
/// </summary>
internal sealed partial class ArchiveRelay(IServiceScopeFactory scopes, ArchiveFeed feed, PortalInstance instance, TimeProvider time, ArchiveOptions options,
    ILogger<ArchiveRelay> logger) : BackgroundService
{
    public const string Topic = "archive";
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);
    private const int BatchSize = 500;

    private readonly Channel<ArchiveChange> ours = Channel.CreateUnbounded<ArchiveChange>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DateTimeOffset prunedAt = DateTimeOffset.MinValue;

    /// <summary>Completes once the relay knows where the signals end at start.</summary>
    public Task Started => started.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        feed.Changed += OnChanged;
        try
        {
            LedgerCursor cursor;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                cursor = new LedgerCursor(await db.InstanceSignals.MaxAsync(s => (long?)s.Id, stoppingToken) ?? 0, TimeSpan.FromSeconds(30));
            }

            started.TrySetResult();
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await TellAsync(stoppingToken);
                    await HearAsync(cursor, stoppingToken);
                    await PruneAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A busy or briefly unreachable database: what is left to tell stays queued, and the next round reads on.
                    LogFailed(e);
                }

                await WaitAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            feed.Changed -= OnChanged;
        }
    }

    private void OnChanged(ArchiveChange change)
    {
        if (!change.FromElsewhere)
        {
            ours.Writer.TryWrite(change);
        }
    }

    /// <summary>Appends this instance's changes (told at once: a change wakes the relay).</summary>
    private async Task TellAsync(CancellationToken cancellationToken)
    {
        if (!ours.Reader.TryPeek(out _))
        {
            return;
        }

        var now = time.GetUtcNow();
        var changes = new List<ArchiveChange>();
        while (changes.Count < BatchSize && ours.Reader.TryRead(out var change))
        {
            changes.Add(change);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.InstanceSignals.AddRange(changes.Distinct().Select(c => new InstanceSignal(Topic, Write(c), instance.Id, now)));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Publishes the other instances' changes appended since the last read.</summary>
    private async Task HearAsync(LedgerCursor cursor, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        int read;
        do
        {
            var after = cursor.ReadAfter;
            var signals = await db.InstanceSignals.AsNoTracking()
                .Where(s => s.Id > after).OrderBy(s => s.Id).Take(BatchSize)
                .Select(s => new { s.Id, s.Topic, s.Data, s.Origin })
                .ToListAsync(cancellationToken);
            read = signals.Count;
            var fresh = cursor.Accept(signals.Select(s => s.Id), time.GetUtcNow()).ToHashSet();
            foreach (var signal in signals.Where(s => fresh.Contains(s.Id) && s.Topic == Topic && s.Origin != instance.Id))
            {
                if (Read(signal.Data) is { } change)
                {
                    feed.Publish(change);
                }
            }
        }
        while (read == BatchSize);
    }

    private async Task PruneAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - prunedAt < TimeSpan.FromHours(1))
        {
            return;
        }

        prunedAt = now;
        var before = now - KeptFor;
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().InstanceSignals.Where(s => s.At < before).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task WaitAsync(CancellationToken cancellationToken)
    {
        using var interval = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        interval.CancelAfter(options.RelayInterval);
        try
        {
            await ours.Reader.WaitToReadAsync(interval.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The interval passed with nothing of ours to tell: read the others'.
        }
    }

    private static string Write(ArchiveChange change) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)change.Kind}:{change.RequestId}");

    private static ArchiveChange? Read(string data)
    {
        var parts = data.Split(':');
        return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kind) && Enum.IsDefined((ArchiveChangeKind)kind)
            ? new ArchiveChange((ArchiveChangeKind)kind,
                int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var request) ? request : null, FromElsewhere: true)
            : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relaying archive changes between instances failed; the next round retries")]
    private partial void LogFailed(Exception exception);
}
