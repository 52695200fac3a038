using System.Collections.Concurrent;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Features.Deadlines;

/// <summary>
/// Re-computes the provisional deadlines of calendars saved since their last re-computation, in the background:
/// at once when a page that saved a calendar wakes it, at start-up (a pass cut short by a restart), and every
/// minute (a calendar saved on another instance). At year end a holiday import can move thousands of cases (about a
/// millisecond a case, saved fifty at a time); the administrator's page shows the progress (<see cref="Progress"/>).
/// One instance at a time does it (<see cref="LeasedWork"/>): the others leave it to that one, and their pages show its
/// progress (<see cref="ElsewhereAsync"/>).
/// </summary>
internal sealed class ProvisionalRecomputeService(IServiceScopeFactory scopes, TimeProvider time, WorkingCalendarCache calendars, LeasedWork leases,
    ILogger<ProvisionalRecomputeService> logger)
    : PeriodicScan(scopes, time, logger), IProgress<ProvisionalProgress>
{
    /// <summary>The re-computation's lease, shared by every instance.</summary>
    public const string LeaseName = "provisional-deadlines";

    private readonly ConcurrentDictionary<string, ProvisionalProgress> running = new(StringComparer.Ordinal);
    private readonly ProgressPace pace = new(time);
    private LeaseReport? report;

    /// <summary>How often a pass renews its lease with how far it is, and how often a calendars page looks at another instance's.</summary>
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A pass's lease lasts a minute unless renewed.</summary>
    private LeaseTerms Terms => new(TimeSpan.FromMinutes(1), LeaseInterval);

    /// <summary>Raised (on the service's thread) when a calendar starts, moves on (<see cref="ProgressPace"/>), or ends.</summary>
    public event Action? Changed;

    /// <summary>The calendars this instance is working through now, by code.</summary>
    public IReadOnlyDictionary<string, ProvisionalProgress> Progress => running;

    protected override bool Enabled => true;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    /// <summary>The calendar another instance re-computes now and how far it is, once it has said (null if none).</summary>
    public async Task<ProvisionalProgress?> ElsewhereAsync(CancellationToken cancellationToken = default) =>
        await leases.HeldElsewhereAsync(LeaseName, cancellationToken) is { Work: { Length: > 0 } code, Total: { } cases } lease
            ? new ProvisionalProgress(code, lease.Done, cases)
            : null;

    protected override async Task<int> ScanAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Nothing saved since the last re-computation (most minutes): no lease is taken, nothing is written.
        if (!await db.WorkingCalendars.AnyAsync(WorkingCalendarRecord.AwaitingRecomputation, cancellationToken)
            || !await leases.TryTakeAsync(LeaseName, string.Empty, null, Terms, cancellationToken))
        {
            // Another instance is at it: its pass, or this instance's next, finds what was saved meanwhile.
            return 0;
        }

        try
        {
            return await leases.HoldWhileAsync(LeaseName, Terms, (leaseReport, ct) =>
            {
                report = leaseReport;
                return new ProvisionalDeadlines(db, calendars).RecomputePendingAsync(now, this, ct);
            }, cancellationToken);
        }
        finally
        {
            report = null;
            if (!running.IsEmpty)
            {
                running.Clear();
                Changed?.Invoke();
            }
        }
    }

    void IProgress<ProvisionalProgress>.Report(ProvisionalProgress value)
    {
        report?.Set(value.CalendarCode, value.Done, value.Cases);
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
