using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Web.Hosting;

namespace ComplaintPortal.Web.Features.Archive;

/// <summary>What an archive job is, as the other instances read it from its lease: its kind and who started it (null: the schedule).</summary>
internal sealed record ArchiveWork(DeskJob Job, string? StartedBy);

/// <summary>
/// One archive job at a time, in this instance and across every instance that shares the database. The scheduled passes
/// and the desk's buttons would otherwise archive or list the same cases at once, and one of them would fail on the cases'
/// version check (or list a file twice). In this instance a semaphore orders them; across instances the job takes the
/// archive's <see cref="JobLease"/>, renews it every <see cref="ArchiveOptions.LeaseInterval"/> with how far it is (which
/// the other instances' desks show), and gives it up at its end. A job that loses its lease (its instance stalled for
/// longer than <see cref="ArchiveOptions.LeaseDuration"/> and another took over) stops at its next batch.
/// </summary>
internal sealed partial class ArchiveJobGate(IServiceScopeFactory scopes, TimeProvider time, ArchiveOptions options, PortalInstance instance,
    ILogger<ArchiveJobGate> logger) : IDisposable
{
    /// <summary>The archive's lease: one for its three jobs, as they touch the same files.</summary>
    public const string LeaseName = "archive";

    private readonly SemaphoreSlim gate = new(1, 1);
    private int waiting;

    /// <summary>How many jobs wait for the one running in this instance.</summary>
    public int Waiting => Volatile.Read(ref waiting);

    /// <summary>
    /// Runs <paramref name="job"/> once no other archive job is running here or elsewhere. With <paramref name="elsewhere"/>
    /// it waits for another instance's job, telling what that job is each time it looks; without, it gives up at once
    /// (a scheduled pass: the other instance is doing the same work) and returns false.
    /// </summary>
    public async Task<(bool Ran, T Result)> RunAsync<T>(ArchiveWork work, Func<IProgress<ArchiveJobProgress>, CancellationToken, Task<T>> job,
        IProgress<ArchiveJobProgress>? progress, Action<JobLease?>? elsewhere, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(job);
        Interlocked.Increment(ref waiting);
        try
        {
            await gate.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }

        try
        {
            while (!await TryTakeAsync(work, cancellationToken))
            {
                if (elsewhere is null)
                {
                    LogSkipped(work.Job);
                    return (false, default!);
                }

                elsewhere(await HeldAsync(cancellationToken));
                await Task.Delay(options.LeaseInterval, time, cancellationToken);
            }

            return (true, await RunHoldingAsync(job, progress, cancellationToken));
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The archive job another instance (or this one) runs now, if any.</summary>
    public async Task<JobLease?> HeldAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<JobLeases>().HeldAsync(LeaseName, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>Whether a lease is this instance's own.</summary>
    public bool IsOurs(JobLease lease) => lease is not null && lease.Holder == instance.Id;

    private async Task<bool> TryTakeAsync(ArchiveWork work, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<JobLeases>()
            .TryTakeAsync(LeaseName, instance.Id, work.Job.ToString(), work.StartedBy, time.GetUtcNow(), options.LeaseDuration, cancellationToken);
    }

    private async Task<T> RunHoldingAsync<T>(Func<IProgress<ArchiveJobProgress>, CancellationToken, Task<T>> job, IProgress<ArchiveJobProgress>? progress,
        CancellationToken cancellationToken)
    {
        var told = new LastProgress(progress);
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var over = new CancellationTokenSource();
        var renewing = RenewAsync(told, lost, over.Token);
        try
        {
            return await job(told, lost.Token);
        }
        finally
        {
            await over.CancelAsync();
            await renewing;
            await ReleaseAsync();
        }
    }

    private async Task RenewAsync(LastProgress told, CancellationTokenSource lost, CancellationToken over)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.LeaseInterval, time, over);
                var last = told.Last;
                bool held;
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    held = await scope.ServiceProvider.GetRequiredService<JobLeases>()
                        .RenewAsync(LeaseName, instance.Id, time.GetUtcNow(), options.LeaseDuration, last.Done, last.Total, over);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A busy database: the lease lasts several intervals, so the next one tries again.
                    LogRenewalFailed(e);
                    continue;
                }

                if (!held)
                {
                    LogLeaseLost();
                    await lost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (over.IsCancellationRequested)
        {
            // The job is over.
        }
    }

    private async Task ReleaseAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<JobLeases>().ReleaseAsync(LeaseName, instance.Id);
        }
        catch (Exception e)
        {
            // The lease runs out by itself.
            LogReleaseFailed(e);
        }
    }

    public void Dispose() => gate.Dispose();

    /// <summary>Passes the job's progress on, and keeps the last for the lease's renewal.</summary>
    private sealed class LastProgress(IProgress<ArchiveJobProgress>? next) : IProgress<ArchiveJobProgress>
    {
        private ArchiveJobProgress last = new(0, null);

        public ArchiveJobProgress Last => Volatile.Read(ref last);

        public void Report(ArchiveJobProgress value)
        {
            Volatile.Write(ref last, value);
            next?.Report(value);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Another instance runs an archive job; this instance's scheduled {Job} pass is left to it")]
    private partial void LogSkipped(DeskJob job);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The archive job's lease could not be renewed; the next interval tries again")]
    private partial void LogRenewalFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The archive job's lease was taken over by another instance; the job stops at its next batch")]
    private partial void LogLeaseLost();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The archive job's lease could not be given up; it runs out by itself")]
    private partial void LogReleaseFailed(Exception exception);
}
