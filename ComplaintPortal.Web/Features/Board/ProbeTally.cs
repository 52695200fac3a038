namespace ComplaintPortal.Web.Features.Board;

/// <summary>Adds up timed pieces of work (thread CPU and wall time) from any thread, for <see cref="BoardProbe"/>.</summary>
internal sealed class ProbeTally
{
    private long count;
    private long cpuNanoseconds;
    private long wallTicks;
    private long movedThread;

    /// <param name="cpuClock">Whether <paramref name="work"/> started with a reading of the thread's CPU clock.</param>
    public void Add(ProbeWork work, TimeProvider time, bool cpuClock)
    {
        var cpu = cpuClock ? ThreadCpu.Nanoseconds() - work.CpuNanoseconds : 0;
        Interlocked.Add(ref wallTicks, time.GetElapsedTime(work.Timestamp).Ticks);
        Interlocked.Increment(ref count);
        if (work.Thread == Environment.CurrentManagedThreadId)
        {
            Interlocked.Add(ref cpuNanoseconds, cpu);
        }
        else
        {
            // Resumed on another thread after an await: the two CPU clocks do not compare.
            Interlocked.Increment(ref movedThread);
        }
    }

    public void Reset()
    {
        Interlocked.Exchange(ref count, 0);
        Interlocked.Exchange(ref cpuNanoseconds, 0);
        Interlocked.Exchange(ref wallTicks, 0);
        Interlocked.Exchange(ref movedThread, 0);
    }

    public ProbeCost Figures()
    {
        var n = Interlocked.Read(ref count);
        var cpuMs = Interlocked.Read(ref cpuNanoseconds) / 1_000_000.0;
        var wallMs = Interlocked.Read(ref wallTicks) / (double)TimeSpan.TicksPerMillisecond;
        return new ProbeCost(n, Math.Round(cpuMs, 3), Math.Round(wallMs, 3), Interlocked.Read(ref movedThread),
            n == 0 ? null : Math.Round(cpuMs / n, 4), n == 0 ? null : Math.Round(wallMs / n, 4));
    }
}

/// <summary>Timed work of one kind: how many pieces, their thread CPU and wall time (pieces that changed thread add no CPU).</summary>
public sealed record ProbeCost(long Count, double CpuMs, double WallMs, long MovedThread, double? CpuMsEach, double? WallMsEach);
