using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Persistence;

/// <summary>
/// The first of a save's interceptors: detects the save's changes once (<see cref="TrackedEntries.Detect"/>), so that the
/// keepers, guards and counters after it read the entries as detected (<see cref="TrackedEntries.AsDetected{T}"/>) instead of
/// each comparing every tracked entity with its snapshot again. It must stay first (<see cref="PortalDatabase"/>): a guard
/// before it would miss a change made to an entity's properties, and the append-only guards' tests would say so.
/// </summary>
public sealed class SaveDetection : SavingCheck
{
    public static SaveDetection Instance { get; } = new();

    protected override void Saving(DbContext context) => TrackedEntries.Detect(context);
}
