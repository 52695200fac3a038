namespace ComplaintPortal.Domain.Sla;

/// <summary>One change to a time-limit policy: who, when, and the policy before and after (append-only).</summary>
public sealed class SlaPolicyChange
{
    public const int SummaryMaxLength = 200;

    private SlaPolicyChange()
    {
    }

    public SlaPolicyChange(int policyId, string changedByUserId, string changedByName, DateTimeOffset changedAt, string? before, string after)
    {
        PolicyId = policyId;
        ChangedByUserId = changedByUserId;
        ChangedByName = changedByName;
        ChangedAt = changedAt;
        Before = before;
        After = after;
    }

    public int Id { get; private set; }

    public int PolicyId { get; private set; }

    public string ChangedByUserId { get; private set; } = "";

    public string ChangedByName { get; private set; } = "";

    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>Null when the change created the policy.</summary>
    public string? Before { get; private set; }

    public string After { get; private set; } = "";
}
