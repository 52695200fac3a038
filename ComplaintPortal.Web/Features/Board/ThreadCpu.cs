using System.Runtime.InteropServices;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>
/// CPU time of the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>), in nanoseconds. Unlike wall time it does
/// not count the time the thread waited for a core, so a loaded machine does not inflate it. Zero elsewhere.
/// </summary>
internal static class ThreadCpu
{
    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID

    public static bool Measured { get; } = OperatingSystem.IsLinux() && Probe();

    public static long Nanoseconds() => Measured && ClockGetTime(ThreadCpuClock, out var now) == 0 ? (now.Seconds * 1_000_000_000) + now.Nanoseconds : 0;

    private static bool Probe()
    {
        try
        {
            return ClockGetTime(ThreadCpuClock, out _) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec value);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
