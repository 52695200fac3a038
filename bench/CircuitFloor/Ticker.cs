namespace CircuitFloor;

/// <summary>
/// The change feed, reduced to its fan-out: each tick is handed to every open page, which takes it on its own
/// circuit's dispatcher, as the portal's feed hands a changed row to every open board.
/// </summary>
public sealed class Ticker
{
    private readonly Lock gate = new();
    private Action<long>[] subscribers = [];
    private long last;

    public int Count => Volatile.Read(ref subscribers).Length;

    public long Last => Interlocked.Read(ref last);

    public IDisposable Subscribe(Action<long> onTick)
    {
        lock (gate)
        {
            subscribers = [.. subscribers, onTick];
        }
        return new Subscription(this, onTick);
    }

    public long Publish()
    {
        var tick = Interlocked.Increment(ref last);
        foreach (var subscriber in Volatile.Read(ref subscribers))
        {
            subscriber(tick);
        }
        return tick;
    }

    private void Unsubscribe(Action<long> onTick)
    {
        lock (gate)
        {
            subscribers = [.. subscribers.Where(s => s != onTick)];
        }
    }

    private sealed class Subscription(Ticker ticker, Action<long> onTick) : IDisposable
    {
        public void Dispose() => ticker.Unsubscribe(onTick);
    }
}
