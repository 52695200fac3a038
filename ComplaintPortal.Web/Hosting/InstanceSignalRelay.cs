using System.Threading.Channels;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Web.Hosting;

/// <summary>One kind of change the instances of the portal tell each other, for their live pages.</summary>
internal interface IInstanceSignalTopic
{
    /// <summary>Its name in <see cref="InstanceSignal.Topic"/>.</summary>
    string Topic { get; }

    /// <summary>Passes each change made in this instance to <paramref name="tell"/>, in the topic's short form, until disposed.</summary>
    IDisposable Watch(Action<string> tell);

    /// <summary>Publishes here a change another instance made.</summary>
    void Hear(string data);
}

public sealed class InstanceSignalOptions
{
    public const string SectionName = "InstanceSignals";

    /// <summary>How often each instance reads the changes made through the other instances (its own reach its pages at once).</summary>
    public TimeSpan RelayInterval { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// Keeps the live pages right on every instance that shares the database, for the changes the board's ledger relay does
/// not carry (the archive's, the rectification notices'). This instance's changes are appended as <see cref="InstanceSignal"/>s
/// at once; the other instances' are read every <see cref="InstanceSignalOptions.RelayInterval"/> (with the ledger relay's
/// cursor, so one committed out of id order is not skipped) and handed to their topic here. Signals are kept a day.
/// </summary>
internal sealed partial class InstanceSignalRelay(IServiceScopeFactory scopes, IEnumerable<IInstanceSignalTopic> topics, PortalInstance instance,
    TimeProvider time, IOptions<InstanceSignalOptions> options, ILogger<InstanceSignalRelay> logger) : RecordRelay(scopes, TimeSpan.FromSeconds(30))
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);
    private const int BatchSize = 500;

    private readonly Dictionary<string, IInstanceSignalTopic> byName = topics.ToDictionary(t => t.Topic, StringComparer.Ordinal);
    private readonly Channel<(string Topic, string Data)> ours = Channel.CreateUnbounded<(string, string)>(new UnboundedChannelOptions { SingleReader = true });
    private DateTimeOffset prunedAt = DateTimeOffset.MinValue;

    protected override async Task<long> EndAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        await db.InstanceSignals.MaxAsync(s => (long?)s.Id, cancellationToken) ?? 0;

    /// <summary>This instance's changes, queued to be told (a change wakes the relay).</summary>
    protected override IReadOnlyList<IDisposable> Listen() => [.. byName.Values.Select(t => t.Watch(data => ours.Writer.TryWrite((t.Topic, data))))];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var cursor = Cursor;
        try
        {
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
    }

    /// <summary>Appends this instance's changes (a change wakes the relay, so they are told at once).</summary>
    private async Task TellAsync(CancellationToken cancellationToken)
    {
        if (!ours.Reader.TryPeek(out _))
        {
            return;
        }

        var changes = new List<(string Topic, string Data)>();
        while (changes.Count < BatchSize && ours.Reader.TryRead(out var change))
        {
            changes.Add(change);
        }

        var now = time.GetUtcNow();
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.InstanceSignals.AddRange(changes.Distinct().Select(c => new InstanceSignal(c.Topic, c.Data, instance.Id, now)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // Told at the next round instead.
            changes.ForEach(c => ours.Writer.TryWrite(c));
            throw;
        }
    }

    /// <summary>Hands the other instances' changes appended since the last read to their topics.</summary>
    private async Task HearAsync(LedgerCursor cursor, CancellationToken cancellationToken)
    {
        await using var scope = Scopes.CreateAsyncScope();
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
            foreach (var signal in signals.Where(s => fresh.Contains(s.Id) && s.Origin != instance.Id))
            {
                if (byName.TryGetValue(signal.Topic, out var topic))
                {
                    topic.Hear(signal.Data);
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
        await using var scope = Scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().InstanceSignals.Where(s => s.At < before).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task WaitAsync(CancellationToken cancellationToken)
    {
        using var interval = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        interval.CancelAfter(options.Value.RelayInterval);
        try
        {
            await ours.Reader.WaitToReadAsync(interval.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The interval passed with nothing of ours to tell: read the others'.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relaying changes between instances failed; the next round retries")]
    private partial void LogFailed(Exception exception);
}
