using ComplaintPortal.Domain.Persistence;

namespace ComplaintPortal.Web.Hosting;

/// <summary>
/// Refreshes the query planner's statistics (<see cref="PlannerStatistics"/>) at start-up, so a new index is planned by its
/// figures from the first page, and then every hour, as the cases grow. Usually it finds nothing to do (a few milliseconds).
/// A database never analyzed takes longer the first time: 8 s at 1,000,000 cases, one table at a time (the ledger's 2.6 s the
/// longest), in which readers go on and writers wait (the busy timeout).
/// </summary>
internal sealed class PlannerStatisticsService(IServiceScopeFactory scopes, TimeProvider time, DatabaseOptions database, ILogger<PlannerStatisticsService> logger)
    : PeriodicScan(scopes, time, logger)
{
    protected override bool Enabled => database.Provider == DatabaseProvider.Sqlite;

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override Task<int> ScanAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken) =>
        PlannerStatistics.RefreshAsync(db, cancellationToken);
}
