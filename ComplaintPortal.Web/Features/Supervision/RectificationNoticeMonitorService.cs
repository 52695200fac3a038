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

    protected override Task<int> ScanAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken) =>
        new RectificationNoticeMonitor(db).RunOnceAsync(now, cancellationToken);
}
