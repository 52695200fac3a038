using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Persistence;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Web.Features.Deadlines;

/// <summary>
/// Runs <see cref="DeadlineMonitor"/> at start-up (catching up on anything that fell due while the portal
/// was down) and then every <see cref="DeadlineMonitorOptions.MonitorInterval"/>. Several instances may
/// run at once: the monitor records each transition once whoever gets there first.
/// </summary>
internal sealed partial class DeadlineMonitorService(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<DeadlineMonitorOptions> options, ILogger<DeadlineMonitorService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.MonitorEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.MonitorInterval, time);
        do
        {
            await RunOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var recorded = await new DeadlineMonitor(db).RunOnceAsync(time.GetUtcNow(), stoppingToken);
            if (recorded > 0)
            {
                LogRecorded(recorded);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failed pass is retried at the next tick; the scan finds whatever it missed.
            LogFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline monitor recorded {Count} transitions")]
    private partial void LogRecorded(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deadline monitor pass failed")]
    private partial void LogFailed(Exception exception);
}
