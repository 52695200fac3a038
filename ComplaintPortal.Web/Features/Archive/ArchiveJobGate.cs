namespace ComplaintPortal.Web.Features.Archive;

/// <summary>
/// One archive job at a time in this instance. The scheduled passes and the desk's buttons would otherwise archive or list
/// the same cases at once, and one of them would fail on the cases' version check (or list a file twice).
/// </summary>
internal sealed class ArchiveJobGate : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private int waiting;

    /// <summary>How many jobs wait for the one running.</summary>
    public int Waiting => Volatile.Read(ref waiting);

    /// <summary>Runs <paramref name="job"/> once no other archive job is running.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> job, CancellationToken cancellationToken)
    {
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
            return await job();
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}
