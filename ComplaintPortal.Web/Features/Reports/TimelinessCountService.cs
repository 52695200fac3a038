using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Web.Hosting;

namespace ComplaintPortal.Web.Features.Reports;

/// <summary>
/// Builds the kept timeliness counts at start-up if the database has none (a database from before them, or a
/// generated one), then folds the rows appended by changes into one per cell every <see cref="Interval"/>.
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
        return await TimelinessCounts.CompactAsync(db, cancellationToken);
    }
}
