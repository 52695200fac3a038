using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Web.Hosting;

namespace ComplaintPortal.Web.Features.Archive;

/// <summary>What an archive job is, as the other instances read it from its lease: its kind and who started it (null: the schedule).</summary>
internal sealed record ArchiveWork(DeskJob Job, string? StartedBy);

/// <summary>
/// One archive job at a time, in this instance and across every instance that shares the database. The scheduled passes
/// and the desk's buttons would otherwise archive or list the same cases at once, and one of them would fail on the cases'
/// version check (or list a file twice). In this instance a semaphore orders them; across instances the job holds the
/// archive's lease (<see cref="LeasedWork"/>), renewed every <see cref="ArchiveOptions.LeaseInterval"/> with how far it is,
/// which the other instances' desks show. A job that loses its lease stops at its next batch.
/// </summary>
internal sealed partial class ArchiveJobGate(LeasedWork leases, TimeProvider time, ArchiveOptions options, ILogger<ArchiveJobGate> logger) : IDisposable
{
    /// <summary>The archive's lease: one for its three jobs, as they touch the same files.</summary>
    public const string LeaseName = "archive";

    private readonly SemaphoreSlim gate = new(1, 1);
    private int waiting;

    /// <summary>How many jobs wait for the one running in this instance.</summary>
    public int Waiting => Volatile.Read(ref waiting);

    /// <summary>Whether an archive job runs in this instance now (a job asked for would wait for it).</summary>
    public bool Busy => gate.CurrentCount == 0;

    private LeaseTerms Terms => new(options.LeaseDuration, options.LeaseInterval);

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
            while (!await leases.TryTakeAsync(LeaseName, work.Job.ToString(), work.StartedBy, Terms, cancellationToken))
            {
                if (elsewhere is null)
                {
                    LogSkipped(work.Job);
                    return (false, default!);
                }

                elsewhere(await leases.HeldAsync(LeaseName, cancellationToken));
                await Task.Delay(options.LeaseInterval, time, cancellationToken);
            }

            return (true, await leases.HoldWhileAsync(LeaseName, Terms, (report, ct) => job(new Reported(report, progress), ct), cancellationToken));
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The archive job that runs now, here or on another instance, if any.</summary>
    public Task<JobLease?> HeldAsync(CancellationToken cancellationToken = default) => leases.HeldAsync(LeaseName, cancellationToken);

    /// <summary>The archive job another instance runs now, if any.</summary>
    public Task<JobLease?> HeldElsewhereAsync(CancellationToken cancellationToken = default) => leases.HeldElsewhereAsync(LeaseName, cancellationToken);

    /// <summary>Whether a lease is this instance's own.</summary>
    public bool IsOurs(JobLease lease) => leases.IsOurs(lease);

    public void Dispose() => gate.Dispose();

    /// <summary>Passes the job's progress on, and to its lease for the other instances.</summary>
    private sealed class Reported(LeaseReport report, IProgress<ArchiveJobProgress>? next) : IProgress<ArchiveJobProgress>
    {
        public void Report(ArchiveJobProgress value)
        {
            report.Set(null, value.Done, value.Total);
            next?.Report(value);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Another instance runs an archive job; this instance's scheduled {Job} pass is left to it")]
    private partial void LogSkipped(DeskJob job);
}
