namespace ComplaintPortal.Tests.Infrastructure;

/// <summary>A clock the test moves by hand (the framework's FakeTimeProvider package is not on the source here).</summary>
public sealed class SettableTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock gate = new();
    private DateTimeOffset now = start;

    public SettableTimeProvider()
        : this(new DateTimeOffset(2026, 3, 2, 1, 30, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Set(DateTimeOffset value)
    {
        lock (gate)
        {
            now = value;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (gate)
        {
            now += by;
        }
    }
}
