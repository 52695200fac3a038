using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Web.Hosting;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Web.Features.Deadlines;

/// <summary>Runs <see cref="DeadlineMonitor"/> at start-up and every <see cref="DeadlineMonitorOptions.MonitorInterval"/>.</summary>
internal sealed class DeadlineMonitorService(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<DeadlineMonitorOptions> options, ILogger<DeadlineMonitorService> logger)
    : PeriodicScan(scopes, time, logger)
{
    protected override bool Enabled => options.Value.MonitorEnabled;

    protected override TimeSpan Interval => options.Value.MonitorInterval;

    /// <summary>One instance scans; the others leave it to that one.</summary>
    protected override string? ScanLease => "deadline-monitor";

    protected override Task<int> ScanAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken) =>
        new DeadlineMonitor(db).RunOnceAsync(now, cancellationToken);
}
