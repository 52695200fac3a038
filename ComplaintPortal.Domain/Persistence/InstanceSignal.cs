namespace ComplaintPortal.Domain.Persistence;

/// <summary>
/// A change one instance of the portal tells the others that share the database, for the live pages they serve (for
/// example an archive access revoked, so that an open view of it closes on every instance). Appended after the change
/// has committed; each instance reads the new ones every few seconds and leaves out its own. Kept a day.
/// </summary>
public sealed class InstanceSignal
{
    public const int TopicMaxLength = 40;
    public const int DataMaxLength = 200;

    private InstanceSignal()
    {
        Topic = Data = Origin = string.Empty;
    }

    public InstanceSignal(string topic, string data, string origin, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentException.ThrowIfNullOrEmpty(origin);
        ArgumentNullException.ThrowIfNull(data);
        Topic = topic;
        Data = data;
        Origin = origin;
        At = at;
    }

    public long Id { get; private set; }

    /// <summary>Which feed it is for (e.g. "archive").</summary>
    public string Topic { get; private set; }

    /// <summary>What changed, in the topic's own short form.</summary>
    public string Data { get; private set; }

    /// <summary>The instance that made the change.</summary>
    public string Origin { get; private set; }

    public DateTimeOffset At { get; private set; }
}
