using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Archive;

/// <summary>
/// Keeps the archive's record whole: an archived version is never changed or deleted (disposal may only
/// remove its content once), and access-register lines and retention-rule changes are append-only.
/// </summary>
public sealed class AppendOnlyArchiveInterceptor : SavingCheck
{
    private static readonly HashSet<string> PurgeProperties = [nameof(ArchiveFileVersion.Content), nameof(ArchiveFileVersion.PurgedAt)];

    public static AppendOnlyArchiveInterceptor Instance { get; } = new();

    protected override void Saving(DbContext context)
    {
        foreach (var entry in context.ChangeTracker.AsDetected())
        {
            if (entry.State is not (EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var refused = entry.Entity switch
            {
                ArchiveAccessLogEntry or RetentionRuleChange => true,
                ArchiveFileVersion version => entry.State == EntityState.Deleted || !IsPurge(entry, version),
                _ => false,
            };
            if (refused)
            {
                throw new ArchiveRecordFrozenException();
            }
        }
    }

    /// <summary>The one change allowed: content removed, once, by disposal.</summary>
    private static bool IsPurge(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, ArchiveFileVersion version) =>
        version.Content is null && entry.Property(nameof(ArchiveFileVersion.PurgedAt)).OriginalValue is null
        && entry.Properties.Where(p => p.IsModified).All(p => PurgeProperties.Contains(p.Metadata.Name));
}

public sealed class ArchiveRecordFrozenException : InvalidOperationException
{
    public ArchiveRecordFrozenException()
        : base("Archived versions, the access register and retention changes cannot be changed or deleted.")
    {
    }

    public ArchiveRecordFrozenException(string message)
        : base(message)
    {
    }

    public ArchiveRecordFrozenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
