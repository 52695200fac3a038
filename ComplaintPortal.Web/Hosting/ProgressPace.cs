namespace ComplaintPortal.Web.Hosting;

/// <summary>
/// How often the pages watching a background job are told of its progress: at most every quarter second, however
/// quickly the job moves on (each telling re-draws every watching page).
/// </summary>
internal sealed class ProgressPace(TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private long lastTold;

    /// <summary>Whether to tell now: always when <paramref name="anyway"/> (a start or an end), else once the interval has passed.</summary>
    public bool IsDue(bool anyway = false)
    {
        var now = time.GetTimestamp();
        if (!anyway && time.GetElapsedTime(Interlocked.Read(ref lastTold), now) < Interval)
        {
            return false;
        }

        Interlocked.Exchange(ref lastTold, now);
        return true;
    }
}
