namespace ComplaintPortal.Domain;

/// <summary>A listener's hold on a feed or signal: disposing it (once; later calls do nothing) stops the calls.</summary>
public sealed class Subscription(Action dispose) : IDisposable
{
    private Action? dispose = dispose;

    public void Dispose() => Interlocked.Exchange(ref dispose, null)?.Invoke();
}
