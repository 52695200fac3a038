using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Web.Features.Deadlines;
using ComplaintPortal.Web.Hosting;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Web.Features.Reports;

/// <summary>
/// Runs <see cref="ImprovementMonitor"/> (the improvement actions still open after their date, told once) at start-up and
/// with the deadline monitor's interval, in the organisation's calendar.
/// </summary>
internal sealed class ImprovementMonitorService(
    IServiceScopeFactory scopes, TimeProvider time, OrganisationClock clock, IOptions<DeadlineMonitorOptions> options, ILogger<ImprovementMonitorService> logger)
    : PeriodicScan(scopes, time, logger)
{
    protected override bool Enabled => options.Value.MonitorEnabled;

    protected override TimeSpan Interval => options.Value.MonitorInterval;

    /// <summary>One instance scans; the others leave it to that one.</summary>
    protected override string? ScanLease => "improvement-monitor";

    protected override Task<int> ScanAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken) =>
        new ImprovementMonitor(db).RunOnceAsync(now, clock.TimeZone, cancellationToken);
}
