using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Persistence;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Web.Features.Ledger;

/// <summary>Bound from the <c>Ledger</c> configuration section.</summary>
public sealed class LedgerOptions
{
    public const string SectionName = "Ledger";

    /// <summary>
    /// Folder of the signed digests; give the database's account no right to it (on a deployment, a share
    /// or mount the database server cannot write). Relative paths are anchored at the content root.
    /// </summary>
    public string DigestPath { get; set; } = "App_Data/ledger-digests";

    /// <summary>The PEM file of the signing key; never in the database, readable by the portal's account only.</summary>
    public string DigestKeyPath { get; set; } = "App_Data/ledger-key/digest-signing-key.pem";

    /// <summary>How often new events are sealed: the most an insider could rewrite unseen is this much of the ledger.</summary>
    public TimeSpan DigestInterval { get; set; } = TimeSpan.FromMinutes(5);

    public bool DigestEnabled { get; set; } = true;
}

public static class LedgerFeature
{
    public static IServiceCollection AddLedgerDigests(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<LedgerOptions>(configuration.GetSection(LedgerOptions.SectionName));
        services.AddSingleton(sp => new LedgerDigestArchive(
            Path.Combine(environment.ContentRootPath, sp.GetRequiredService<IOptions<LedgerOptions>>().Value.DigestPath)));
        services.AddSingleton(sp => LedgerDigestKey.LoadOrCreate(
            Path.Combine(environment.ContentRootPath, sp.GetRequiredService<IOptions<LedgerOptions>>().Value.DigestKeyPath)));
        services.AddHostedService<LedgerDigestService>();
        return services;
    }
}

/// <summary>Seals the ledger at start-up and every <see cref="LedgerOptions.DigestInterval"/> (<see cref="LedgerSealer"/>).</summary>
internal sealed partial class LedgerDigestService(
    IServiceScopeFactory scopes, LedgerDigestArchive archive, IServiceProvider services, TimeProvider time,
    IOptions<LedgerOptions> options, ILogger<LedgerDigestService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DigestEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.DigestInterval, time);
        do
        {
            await SealOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SealOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var key = services.GetRequiredService<LedgerDigestKey>();
            foreach (var digest in await new LedgerSealer(db, archive, key).SealAsync(time.GetUtcNow(), stoppingToken))
            {
                LogSealed(digest.From, digest.To, digest.Root);
                if (digest.MissingCount > 0)
                {
                    // Positions are handed out without gaps: an empty one was removed behind the portal's back.
                    LogMissing(digest.MissingCount, digest.From, digest.To);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ledger positions {From}-{To} sealed, root {Root}")]
    private partial void LogSealed(long from, long to, string root);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Ledger: {Count} positions in {From}-{To} held no event when sealed; events were removed from the database")]
    private partial void LogMissing(int count, long from, long to);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sealing the ledger failed; retrying at the next interval")]
    private partial void LogFailed(Exception exception);
}
