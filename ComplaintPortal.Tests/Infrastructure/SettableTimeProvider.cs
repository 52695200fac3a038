namespace ComplaintPortal.Tests.Infrastructure;

/// <summary>A clock the test sets and advances, so deadlines and ledger times are exact.</summary>
public sealed class SettableTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public SettableTimeProvider()
        : this(new DateTimeOffset(2026, 3, 2, 1, 30, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => now;

    public void Set(DateTimeOffset value) => now = value;

    public void Advance(TimeSpan by) => now += by;
}
