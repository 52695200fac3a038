using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Features.Archive;

/// <summary>Archives the cases whose quiet period has passed, after <see cref="ArchiveOptions.InitialDelay"/> and every <see cref="ArchiveOptions.ArchiveInterval"/>.</summary>
internal sealed class ArchivingService(IServiceScopeFactory scopes, TimeProvider time, ArchiveOptions options, ArchiveJobGate gate, ILogger<ArchivingService> logger)
    : PeriodicScan(scopes, time, logger)
{
    private readonly IServiceScopeFactory scopes = scopes;

    protected override bool Enabled => options.JobsEnabled;

    protected override TimeSpan InitialDelay => options.InitialDelay;

    protected override TimeSpan Interval => options.ArchiveInterval;

    protected override async Task<int> ScanAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (_, archived) = await gate.RunAsync(new ArchiveWork(DeskJob.Archive, null),
            (progress, ct) => scope.ServiceProvider.GetRequiredService<Archiver>().RunOnceAsync(now, progress, ct), null, null, cancellationToken);
        return archived;
    }
}

/// <summary>Lists the files past retention for leadership's decision, monthly (<see cref="ArchiveOptions.DisposalListInterval"/>).</summary>
internal sealed class DisposalListingService(IServiceScopeFactory scopes, TimeProvider time, ArchiveOptions options, ArchiveJobGate gate,
    ILogger<DisposalListingService> logger)
    : PeriodicScan(scopes, time, logger)
{
    private readonly IServiceScopeFactory scopes = scopes;

    protected override bool Enabled => options.JobsEnabled;

    protected override TimeSpan InitialDelay => options.InitialDelay;

    protected override TimeSpan Interval => options.DisposalListInterval;

    protected override async Task<int> ScanAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (_, listed) = await gate.RunAsync(new ArchiveWork(DeskJob.ListDisposals, null),
            (_, ct) => scope.ServiceProvider.GetRequiredService<ArchiveDisposals>().ListDueAsync(ct), null, null, cancellationToken);
        return listed;
    }
}

/// <summary>
/// Carries out the disposals leadership approved (<see cref="ArchiveDisposals.DisposeApprovedAsync"/>) as often as files are archived, in
/// case the run the approval started was cut short; with nothing approved a pass reads one count.
/// </summary>
internal sealed class DisposalService(IServiceScopeFactory scopes, TimeProvider time, ArchiveOptions options, ArchiveJobGate gate, ILogger<DisposalService> logger)
    : PeriodicScan(scopes, time, logger)
{
    private readonly IServiceScopeFactory scopes = scopes;

    protected override bool Enabled => options.JobsEnabled;

    protected override TimeSpan InitialDelay => options.InitialDelay;

    protected override TimeSpan Interval => options.ArchiveInterval;

    protected override async Task<int> ScanAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await db.ArchiveDisposals.AnyAsync(d => d.Status == DisposalStatus.Approved, cancellationToken))
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var (_, disposed) = await gate.RunAsync(new ArchiveWork(DeskJob.Dispose, null),
            (progress, ct) => scope.ServiceProvider.GetRequiredService<ArchiveDisposals>().DisposeApprovedAsync(progress, ct), null, null, cancellationToken);
        return disposed;
    }
}

/// <summary>Re-verifies every archived file (<see cref="ArchiveOptions.InspectionInterval"/>); the clerk's button runs the same pass.</summary>
internal sealed class ArchiveInspectionService(IServiceScopeFactory scopes, TimeProvider time, ArchiveOptions options, ArchiveJobGate gate,
    ILogger<ArchiveInspectionService> logger)
    : PeriodicScan(scopes, time, logger)
{
    private readonly IServiceScopeFactory scopes = scopes;

    protected override bool Enabled => options.JobsEnabled;

    protected override TimeSpan InitialDelay => options.InitialDelay;

    protected override TimeSpan Interval => options.InspectionInterval;

    protected override async Task<int> ScanAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (ran, inspection) = await gate.RunAsync(new ArchiveWork(DeskJob.Inspect, null),
            (progress, ct) => scope.ServiceProvider.GetRequiredService<ArchiveInspector>().RunAsync(ArchiveInspector.ScheduledBy, progress, ct), null, null,
            cancellationToken);
        return ran ? inspection.DamagedFiles : 0;
    }
}
