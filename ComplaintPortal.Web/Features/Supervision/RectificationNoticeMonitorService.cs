using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Supervision;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Web.Features.Supervision;

/// <summary>
/// Runs <see cref="RectificationNoticeMonitor"/> at start-up (catching up on notices that fell overdue while the
/// portal was down) and then every <see cref="SupervisionOptions.MonitorInterval"/>.
/// </summary>
internal sealed partial class RectificationNoticeMonitorService(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<SupervisionOptions> options, ILogger<RectificationNoticeMonitorService> logger)
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
            var escalated = await new RectificationNoticeMonitor(db).RunOnceAsync(time.GetUtcNow(), stoppingToken);
            if (escalated > 0)
            {
                LogEscalated(escalated);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The next tick scans again and finds whatever this pass missed.
            LogFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rectification monitor escalated {Count} overdue notices")]
    private partial void LogEscalated(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rectification monitor pass failed")]
    private partial void LogFailed(Exception exception);
}
