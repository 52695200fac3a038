using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ComplaintPortal.Domain.Persistence;

/// <summary>
/// A save's tracked entries, read as the change tracker last detected them. A plain <c>ChangeTracker.Entries()</c>
/// first compares every tracked entity with its snapshot; the save interceptors read the entries many times, so they read
/// them through these, as detected once (<see cref="Detect"/>).
/// </summary>
/// <remarks>
/// A save's changes are detected once, by the first of its interceptors (<see cref="SaveDetection"/>); the others read the
/// entries as detected, and one that sets properties detects again after it has (the next one reads the entries as
/// detected). A save made with automatic detection turned off (the archiver's batches) detected its changes itself before
/// saving, so <see cref="Detect"/> does not detect them again then.
/// </remarks>
public static class TrackedEntries
{
    /// <summary>Detects the changes made since the last detection (an entity added through a navigation, a property set).</summary>
    public static ChangeTracker Detect(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tracker = context.ChangeTracker;
        if (tracker.AutoDetectChangesEnabled)
        {
            tracker.DetectChanges();
        }

        return tracker;
    }

    /// <summary>Every tracked entry, without detecting changes again.</summary>
    public static List<EntityEntry> AsDetected(this ChangeTracker tracker) => WithoutDetecting(tracker, t => t.Entries());

    /// <summary>The tracked entries of <typeparamref name="T"/>, without detecting changes again.</summary>
    public static List<EntityEntry<T>> AsDetected<T>(this ChangeTracker tracker)
        where T : class => WithoutDetecting(tracker, t => t.Entries<T>());

    // Entries() detects first while automatic detection is on: off for the read, then as it was.
    private static List<TEntry> WithoutDetecting<TEntry>(ChangeTracker tracker, Func<ChangeTracker, IEnumerable<TEntry>> entries)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return [.. entries(tracker)];
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }
}
