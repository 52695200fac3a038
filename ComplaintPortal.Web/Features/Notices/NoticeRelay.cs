using System.Collections.Concurrent;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Web.Features.Notices;

public sealed class NoticeOptions
{
    public const string SectionName = "Notices";

    /// <summary>How often each instance reads the notices committed through other instances (its own reach its bells at once).</summary>
    public TimeSpan RelayInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a notice id missing below the newest one read is waited for (another instance's transaction still open).</summary>
    public TimeSpan GapPatience { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether people who asked for it get their new notices by e-mail too (<see cref="NoticeMailer"/>).</summary>
    public bool MailEnabled { get; set; } = true;

    /// <summary>How often new notices are mailed: a person gets at most one mail per round, listing all that came.</summary>
    public TimeSpan MailInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The portal's address as people open it (<c>https://complaints.example.com</c>): the mail's links start with it. Without it they are paths.</summary>
    public string? PortalAddress { get; set; }
}

/// <summary>
/// Publishes to this instance's <see cref="INoticeFeed"/> the notices committed through other instances that share the
/// database, so that every open bell and notices list is told within <see cref="NoticeOptions.RelayInterval"/>, whichever
/// instance its page is on. It reads the notices added since its last read (by id, with the ledger relay's
/// <see cref="LedgerCursor"/>, so one committed out of id order is not skipped) and leaves out those this instance
/// committed itself, which the save interceptor has published already.
/// </summary>
public sealed partial class NoticeRelay(IServiceScopeFactory scopes, INoticeFeed feed, TimeProvider time, IOptions<NoticeOptions> options,
    ILogger<NoticeRelay> logger) : RecordRelay(scopes, options.Value.GapPatience)
{
    private const int BatchSize = 500;
    private readonly ConcurrentDictionary<long, bool> ours = new();

    /// <summary>The newest notice read so far (this instance's own included).</summary>
    public long Highest => Cursor.Highest;

    protected override async Task<long> EndAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        await db.Notifications.MaxAsync(n => (int?)n.Id, cancellationToken) ?? 0;

    protected override IReadOnlyList<IDisposable> Listen() => [feed.Subscribe(OnPublished)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var cursor = Cursor;
        using var timer = new PeriodicTimer(options.Value.RelayInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RelayAsync(cursor, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A busy or briefly unreachable database: the next tick reads from the same place.
                    LogFailed(e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>This instance's own notices, published by its save interceptor: the relay will not publish them again.</summary>
    private void OnPublished(NoticesChanged change)
    {
        foreach (var id in change.NoticeIds ?? [])
        {
            ours.TryAdd(id, true);
        }
    }

    private async Task RelayAsync(LedgerCursor cursor, CancellationToken cancellationToken)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        int read;
        do
        {
            var after = (int)cursor.ReadAfter;
            var notices = await db.Notifications.AsNoTracking()
                .Where(n => n.Id > after).OrderBy(n => n.Id).Take(BatchSize)
                .Select(n => new { n.Id, n.RecipientUserId, n.RecipientRole, n.RecipientDepartmentId })
                .ToListAsync(cancellationToken);
            read = notices.Count;
            var fresh = cursor.Accept(notices.Select(n => (long)n.Id), time.GetUtcNow()).ToHashSet();
            var addresses = notices
                .Where(n => fresh.Contains(n.Id) && !ours.TryRemove(n.Id, out _))
                .Select(n => n.RecipientUserId is { } user ? new NoticeAddress(user, null, null) : new NoticeAddress(null, n.RecipientRole, n.RecipientDepartmentId))
                .Distinct().ToList();
            if (addresses.Count > 0)
            {
                feed.Publish(new NoticesChanged(addresses, [], FromElsewhere: true));
            }
        }
        while (read == BatchSize);

        // Own notices the relay has passed are no longer needed to tell apart.
        foreach (var id in ours.Keys.Where(id => id <= cursor.ReadAfter))
        {
            ours.TryRemove(id, out _);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relaying other instances' notices failed; the next tick retries")]
    private partial void LogFailed(Exception exception);
}
