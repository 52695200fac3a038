using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Web.Hosting;

namespace ComplaintPortal.Web.Features.Reports;

/// <summary>
/// Folds the rows appended to the kept timeliness and statistics counts by changes into one per cell, at start-up and
/// every <see cref="Interval"/>, after checking again the callers the saves since the last scan counted
/// (<see cref="StatisticsCounts.RecheckCallersAsync"/>). The counts themselves are built before the portal serves
/// (<see cref="DatabaseStartup"/>); this builds them only if they are kept in another zone than this instance's
/// (instances configured with different zones).
/// </summary>
internal sealed class TimelinessCountService(IServiceScopeFactory scopes, TimeProvider time, OrganisationClock clock, ILogger<TimelinessCountService> logger)
    : PeriodicScan(scopes, time, logger)
{
    protected override bool Enabled => true;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(10);

    /// <summary>One instance scans; the others leave it to that one.</summary>
    protected override string? ScanLease => "timeliness-counts";

    protected override async Task<int> ScanAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await TimelinessCounts.EnsureAsync(db, clock.TimeZone, now, cancellationToken);
        await StatisticsCounts.EnsureAsync(db, clock.TimeZone, now, cancellationToken);
        await StatisticsCounts.RecheckCallersAsync(db, cancellationToken);
        return await TimelinessCounts.CompactAsync(db, cancellationToken) + await StatisticsCounts.CompactAsync(db, cancellationToken);
    }
}
