using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Web.Hosting;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Web.Features.Archive;

/// <summary>Runs <see cref="ArchiveLoanMonitor"/> (readers whose days ran out are asked to confirm finishing) at start-up and every <see cref="ArchiveOptions.LoanReminderInterval"/>.</summary>
internal sealed class ArchiveLoanReminderService(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<ArchiveOptions> options, ILogger<ArchiveLoanReminderService> logger)
    : PeriodicScan(scopes, time, logger)
{
    protected override bool Enabled => options.Value.JobsEnabled;

    protected override TimeSpan Interval => options.Value.LoanReminderInterval;

    /// <summary>One instance scans; the others leave it to that one.</summary>
    protected override string? ScanLease => "archive-loan-reminders";

    protected override Task<int> ScanAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken) =>
        new ArchiveLoanMonitor(db).RunOnceAsync(now, cancellationToken);
}
