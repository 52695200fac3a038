using ComplaintPortal.Domain.Persistence;

namespace ComplaintPortal.Web.Hosting;

/// <summary>How long a lease lasts unless renewed, and how often its holder renews it (and others look at it).</summary>
internal sealed record LeaseTerms(TimeSpan Duration, TimeSpan Interval);

/// <summary>
/// Background work that one instance at a time should do, across every instance that shares the database: the work takes
/// its <see cref="JobLease"/>, renews it every <see cref="LeaseTerms.Interval"/> with how far it is (what the other
/// instances' pages show), and gives it up at its end. Work whose lease was taken over (its instance stalled for longer
/// than <see cref="LeaseTerms.Duration"/> and another instance took the lease) is cancelled at its next step.
/// </summary>
internal sealed partial class LeasedWork(IServiceScopeFactory scopes, TimeProvider time, PortalInstance instance, ILogger<LeasedWork> logger)
{
    /// <summary>Takes the lease <paramref name="name"/> for this instance; false while another instance holds it.</summary>
    public async Task<bool> TryTakeAsync(string name, string work, string? startedBy, LeaseTerms terms, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<JobLeases>()
            .TryTakeAsync(name, instance.Id, work, startedBy, time.GetUtcNow(), terms.Duration, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> holding the lease <paramref name="name"/> (taken by <see cref="TryTakeAsync"/>), renewing
    /// it with what the work reports, and gives it up at the end.
    /// </summary>
    public async Task<T> HoldWhileAsync<T>(string name, LeaseTerms terms, Func<LeaseReport, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(work);
        var report = new LeaseReport();
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var over = new CancellationTokenSource();
        var renewing = RenewAsync(name, terms, report, lost, over.Token);
        try
        {
            return await work(report, lost.Token);
        }
        finally
        {
            await over.CancelAsync();
            await renewing;
            await ReleaseAsync(name);
        }
    }

    /// <summary>The lease <paramref name="name"/> while an instance (this one or another) holds it.</summary>
    public async Task<JobLease?> HeldAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<JobLeases>().HeldAsync(name, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>The lease <paramref name="name"/> while another instance holds it.</summary>
    public async Task<JobLease?> HeldElsewhereAsync(string name, CancellationToken cancellationToken = default) =>
        await HeldAsync(name, cancellationToken) is { } lease && !IsOurs(lease) ? lease : null;

    /// <summary>Whether a lease is this instance's own.</summary>
    public bool IsOurs(JobLease lease) => lease is not null && lease.Holder == instance.Id;

    private async Task RenewAsync(string name, LeaseTerms terms, LeaseReport report, CancellationTokenSource lost, CancellationToken over)
    {
        try
        {
            while (true)
            {
                await Task.Delay(terms.Interval, time, over);
                var (work, done, total) = report.Last;
                bool held;
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    held = await scope.ServiceProvider.GetRequiredService<JobLeases>()
                        .RenewAsync(name, instance.Id, time.GetUtcNow(), terms.Duration, work, done, total, over);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A busy database: the lease lasts several intervals, so the next one tries again.
                    LogRenewalFailed(name, e);
                    continue;
                }

                if (!held)
                {
                    LogLeaseLost(name);
                    await lost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (over.IsCancellationRequested)
        {
            // The work is over.
        }
    }

    /// <summary>Gives the lease <paramref name="name"/> up, if this instance holds it.</summary>
    public async Task ReleaseAsync(string name)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<JobLeases>().ReleaseAsync(name, instance.Id);
        }
        catch (Exception e)
        {
            // The lease runs out by itself.
            LogReleaseFailed(name, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lease {Lease} could not be renewed; the next interval tries again")]
    private partial void LogRenewalFailed(string lease, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lease {Lease} was taken over by another instance; its work stops at its next step")]
    private partial void LogLeaseLost(string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lease {Lease} could not be given up; it runs out by itself")]
    private partial void LogReleaseFailed(string lease, Exception exception);
}

/// <summary>What leased work tells the other instances at its lease's next renewal: what it is on (null: as taken), and how far.</summary>
internal sealed class LeaseReport
{
    private readonly Lock gate = new();
    private (string? Work, int Done, int? Total) last;

    public (string? Work, int Done, int? Total) Last
    {
        get
        {
            lock (gate)
            {
                return last;
            }
        }
    }

    public void Set(string? work, int done, int? total)
    {
        lock (gate)
        {
            last = (work, done, total);
        }
    }
}
