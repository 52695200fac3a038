using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Web.Hosting;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Web.Features.Supervision;

/// <summary>Runs <see cref="RectificationNoticeMonitor"/> (escalation of overdue notices) at start-up and every <see cref="SupervisionOptions.MonitorInterval"/>.</summary>
internal sealed class RectificationNoticeMonitorService(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<SupervisionOptions> options, ILogger<RectificationNoticeMonitorService> logger)
    : PeriodicScan(scopes, time, logger)
{
    protected override bool Enabled => options.Value.MonitorEnabled;

    protected override TimeSpan Interval => options.Value.MonitorInterval;

    /// <summary>One instance scans; the others leave it to that one.</summary>
    protected override string? ScanLease => "rectification-monitor";

    protected override Task<int> ScanAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken) =>
        new RectificationNoticeMonitor(db).RunOnceAsync(now, cancellationToken);
}
