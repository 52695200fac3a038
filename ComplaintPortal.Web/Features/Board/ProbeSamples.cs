namespace ComplaintPortal.Web.Features.Board;

/// <summary>
/// The last <see cref="Capacity"/> durations of one kind, written by any thread without a lock (each writer takes
/// the next slot); percentiles are worked out when asked. Part of <see cref="BoardProbe"/>, diagnostics only.
/// </summary>
internal sealed class ProbeSamples
{
    public const int Capacity = 1 << 16;
    private readonly int[] microseconds = new int[Capacity];
    private long written;
    private long maxMicroseconds;

    public void Add(TimeSpan duration)
    {
        var value = (int)Math.Clamp(duration.Ticks / TimeSpan.TicksPerMicrosecond, 0, int.MaxValue);
        var slot = Interlocked.Increment(ref written) - 1;
        microseconds[slot & (Capacity - 1)] = value;
        long max;
        while (value > (max = Interlocked.Read(ref maxMicroseconds)) && Interlocked.CompareExchange(ref maxMicroseconds, value, max) != max)
        {
        }
    }

    public void Reset()
    {
        Interlocked.Exchange(ref written, 0);
        Interlocked.Exchange(ref maxMicroseconds, 0);
    }

    public ProbeLatency Figures()
    {
        var count = Interlocked.Read(ref written);
        var kept = (int)Math.Min(count, Capacity);
        if (kept == 0)
        {
            return new ProbeLatency(0, null, null, null, null);
        }

        var sorted = microseconds[..kept];
        Array.Sort(sorted);
        return new ProbeLatency(count, Milliseconds(Rank(sorted, 50)), Milliseconds(Rank(sorted, 95)), Milliseconds(Rank(sorted, 99)),
            Milliseconds(Interlocked.Read(ref maxMicroseconds)));
    }

    /// <summary>Nearest rank, as the benchmark scripts compute it.</summary>
    private static int Rank(int[] sorted, int percent) => sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Milliseconds(long micros) => Math.Round(micros / 1000.0, 3);
}

/// <summary>One kind of latency: how many were recorded and their percentiles (of the last <see cref="ProbeSamples.Capacity"/>), in milliseconds.</summary>
public sealed record ProbeLatency(long Count, double? P50Ms, double? P95Ms, double? P99Ms, double? MaxMs);
