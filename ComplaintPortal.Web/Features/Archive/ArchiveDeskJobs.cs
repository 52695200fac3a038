using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Persistence;

namespace ComplaintPortal.Web.Features.Archive;

/// <summary>The clerk's desk jobs, run by hand besides their schedule (a leader's approval of the disposal list starts <see cref="Dispose"/>).</summary>
public enum DeskJob
{
    Archive = 0,
    ListDisposals = 1,
    Inspect = 2,

    /// <summary>Carries out the disposals leadership approved with the whole list.</summary>
    Dispose = 3,
}

/// <summary>A desk job in this instance: who started it and when, how far it is, and once it is over what it did.</summary>
/// <param name="StartedBy">The clerk's name; null for a scheduled pass (another instance's, see <see cref="ArchiveDeskJobs.ElsewhereAsync"/>).</param>
/// <param name="Total">The files it will go through, when known (the inspection counts them first).</param>
/// <param name="Waiting">Whether it waits for another archive job that is running (<see cref="ArchiveJobGate"/>).</param>
/// <param name="Elsewhere">The job on another instance that it waits for, as last read.</param>
public sealed record DeskJobState(DeskJob Job, string StartedById, string? StartedBy, DateTimeOffset StartedAt, int Done = 0, int? Total = null,
    DeskJobOutcome? Outcome = null, bool Waiting = false, DeskJobState? Elsewhere = null);

/// <summary>How a desk job ended: the versions written, the files listed or the damaged files found; or that it failed.</summary>
public sealed record DeskJobOutcome(bool Failed, int Count, DateTimeOffset FinishedAt);

/// <summary>
/// Runs the desk's jobs in the background, one at a time, so that an inspection of the whole archive (24 minutes at
/// 944,850 files) or a first archiving of a large backlog neither holds the clerk's page nor ends when they close it.
/// Every open desk shows how far the job is (<see cref="Changed"/>), and the clerk who started it is told how it ended.
/// </summary>
internal sealed partial class ArchiveDeskJobs(IServiceScopeFactory scopes, TimeProvider time, ArchiveJobGate jobGate, ILogger<ArchiveDeskJobs> logger)
    : IProgress<ArchiveJobProgress>, IHostedService, IDisposable
{
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stopping = new();
    private DeskJobState? running;
    private readonly Hosting.ProgressPace pace = new(time);
    private int disposed;

    /// <summary>Raised, on the job's thread, when a job starts, moves on, or ends.</summary>
    public event Action? Changed;

    public DeskJobState? Running
    {
        get
        {
            lock (gate)
            {
                return running;
            }
        }
    }

    /// <summary>The last job that ended in this instance.</summary>
    public DeskJobState? Last { get; private set; }

    /// <summary>The job started last, to its end (for tests and shutdown).</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>Starts <paramref name="job"/> for <paramref name="clerk"/>; false when a job is running already.</summary>
    public bool TryStart(DeskJob job, Domain.Workflow.ActingUser clerk)
    {
        ArgumentNullException.ThrowIfNull(clerk);
        DeskJobState state;
        lock (gate)
        {
            if (running is not null)
            {
                return false;
            }

            running = state = new DeskJobState(job, clerk.UserId, clerk.Name, time.GetUtcNow(), Waiting: jobGate.Busy);
        }

        Changed?.Invoke();
        Completion = Task.Run(() => RunAsync(state, stopping.Token));
        return true;
    }

    private async Task RunAsync(DeskJobState state, CancellationToken cancellationToken)
    {
        DeskJobOutcome outcome;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            // After an archive job that is running here or on another instance, if any: the desk says it waits until then.
            var (_, count) = await jobGate.RunAsync(new ArchiveWork(state.Job, state.StartedBy), async (progress, ct) => Started() switch
            {
                DeskJob.Archive => await services.GetRequiredService<Archiver>().RunOnceAsync(time.GetUtcNow(), progress, ct),
                DeskJob.ListDisposals => await services.GetRequiredService<ArchiveDisposals>().ListDueAsync(ct),
                DeskJob.Inspect => (await services.GetRequiredService<ArchiveInspector>().RunAsync(state.StartedBy!, progress, ct)).DamagedFiles,
                DeskJob.Dispose => await services.GetRequiredService<ArchiveDisposals>().DisposeApprovedAsync(progress, ct),
                _ => throw new InvalidOperationException("Unknown desk job."),
            }, this, WaitsFor, cancellationToken);
            outcome = new(false, count, time.GetUtcNow());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogStopped(state.Job);
            outcome = new(true, 0, time.GetUtcNow());
        }
        catch (Exception e)
        {
            // Archiving commits batch by batch and the others write at their end, so what was done stays and a new run goes on.
            LogFailed(state.Job, e);
            outcome = new(true, 0, time.GetUtcNow());
        }

        DeskJobState ended;
        lock (gate)
        {
            ended = (running ?? state) with { Outcome = outcome };
            running = null;
        }

        Last = ended;
        Changed?.Invoke();
    }

    /// <summary>The archive job another instance runs now, if any (this instance's own is <see cref="Running"/>).</summary>
    public async Task<DeskJobState?> ElsewhereAsync(CancellationToken cancellationToken = default) =>
        FromLease(await jobGate.HeldElsewhereAsync(cancellationToken));

    private static DeskJobState? FromLease(JobLease? lease) =>
        lease is { StartedAt: { } startedAt } && Enum.TryParse<DeskJob>(lease.Work, out var job)
            ? new DeskJobState(job, string.Empty, lease.StartedBy, startedAt, lease.Done, lease.Total, Waiting: false)
            : null;

    /// <summary>The job waits for another instance's, which is as last read.</summary>
    private void WaitsFor(JobLease? lease)
    {
        lock (gate)
        {
            if (running is null)
            {
                return;
            }

            running = running with { Waiting = true, Elsewhere = FromLease(lease) };
        }

        Changed?.Invoke();
    }

    /// <summary>The job has the gate: it no longer waits.</summary>
    private DeskJob Started()
    {
        DeskJob job;
        lock (gate)
        {
            running = running! with { Waiting = false, Elsewhere = null };
            job = running.Job;
        }

        Changed?.Invoke();
        return job;
    }

    void IProgress<ArchiveJobProgress>.Report(ArchiveJobProgress value)
    {
        lock (gate)
        {
            if (running is null)
            {
                return;
            }

            running = running with { Done = value.Done, Total = value.Total };
        }

        if (pace.IsDue())
        {
            Changed?.Invoke();
        }
    }

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// At shutdown, with the other hosted services and before the services are disposed: a running job stops at its next batch
    /// (what it finished is kept) and gives up the archive's lease, so a restarted instance need not wait for it to run out.
    /// </summary>
    async Task IHostedService.StopAsync(CancellationToken cancellationToken)
    {
        // A host may be stopped after its services were disposed (the test factory's Dispose does): nothing is left to stop then.
        if (Volatile.Read(ref disposed) == 1)
        {
            return;
        }

        await stopping.CancelAsync();
        await Completion.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>
    /// Where no host stops it first (tests): the same, given a few seconds. Once only: the container disposes it as the singleton and
    /// again as the hosted service it also is.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        stopping.Cancel();
        Completion.Wait(TimeSpan.FromSeconds(10));
        stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The desk's {Job} job stopped with the portal; what it finished is kept")]
    private partial void LogStopped(DeskJob job);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The desk's {Job} job failed")]
    private partial void LogFailed(DeskJob job, Exception exception);
}
