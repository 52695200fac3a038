using System.Collections.Concurrent;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Web.Hosting;

namespace ComplaintPortal.Web.Features.Deadlines;

/// <summary>
/// Re-computes the provisional deadlines of calendars saved since their last re-computation, in the background:
/// at once when a page that saved a calendar wakes it, at start-up (a pass cut short by a restart), and every
/// minute (a calendar saved on another instance). At year end a holiday import can move thousands of cases (about a
/// millisecond a case, saved fifty at a time); the administrator's page shows the progress (<see cref="Progress"/>).
/// </summary>
internal sealed class ProvisionalRecomputeService(IServiceScopeFactory scopes, TimeProvider time, WorkingCalendarCache calendars,
    ILogger<ProvisionalRecomputeService> logger)
    : PeriodicScan(scopes, time, logger), IProgress<ProvisionalProgress>
{
    private readonly ConcurrentDictionary<string, ProvisionalProgress> running = new(StringComparer.Ordinal);
    private readonly ProgressPace pace = new(time);

    /// <summary>Raised (on the service's thread) when a calendar starts, moves on (<see cref="ProgressPace"/>), or ends.</summary>
    public event Action? Changed;

    /// <summary>The calendars this instance is working through now, by code.</summary>
    public IReadOnlyDictionary<string, ProvisionalProgress> Progress => running;

    protected override bool Enabled => true;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override async Task<int> ScanAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            return await new ProvisionalDeadlines(db, calendars).RecomputePendingAsync(now, this, cancellationToken);
        }
        finally
        {
            if (!running.IsEmpty)
            {
                running.Clear();
                Changed?.Invoke();
            }
        }
    }

    void IProgress<ProvisionalProgress>.Report(ProvisionalProgress value)
    {
        var started = !running.ContainsKey(value.CalendarCode);
        if (value.Finished)
        {
            running.TryRemove(value.CalendarCode, out _);
        }
        else
        {
            running[value.CalendarCode] = value;
        }

        if (pace.IsDue(anyway: started || value.Finished))
        {
            Changed?.Invoke();
        }
    }
}
