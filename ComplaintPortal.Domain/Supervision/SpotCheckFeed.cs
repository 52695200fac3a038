namespace ComplaintPortal.Domain.Supervision;

public enum SpotCheckChangeKind
{
    Drawn = 0,
    Discarded = 1,
    Checked = 2,

    /// <summary>Checks of the draw given to another member.</summary>
    Assigned = 3,
}

/// <param name="DrawId">The draw concerned.</param>
/// <param name="SampledCaseId">The check concerned, for <see cref="SpotCheckChangeKind.Checked"/>.</param>
/// <param name="FromElsewhere">Made through another instance of the portal and relayed here (not to be relayed again).</param>
public sealed record SpotCheckChange(SpotCheckChangeKind Kind, int DrawId, int? SampledCaseId = null, bool FromElsewhere = false);

/// <summary>
/// The committee's spot checks as they change (one per instance, a singleton): a draw made or discarded, a check recorded.
/// Published once committed; the open pages that show them (the draws, a draw's cases, the check queue, a check, the home
/// page's tile) read again.
/// </summary>
public sealed class SpotCheckFeed
{
    private event Action<SpotCheckChange>? Changed;

    /// <summary>Calls <paramref name="listener"/> with every later change until the subscription is disposed.</summary>
    public IDisposable Subscribe(Action<SpotCheckChange> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        Changed += listener;
        return new Subscription(() => Changed -= listener);
    }

    public void Publish(SpotCheckChange change) => Changed?.Invoke(change);
}
