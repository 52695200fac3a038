using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ComplaintPortal.Domain.Deadlines;

/// <summary>
/// Keeps <see cref="Complaint.NextDueAt"/> and <see cref="Complaint.NextDueSoonAt"/> equal to the case's earliest
/// unmet deadline. Every save that adds, changes or removes a deadline works it out again for those cases from
/// the deadlines as they will be stored (the tracked ones as changed, the rest as stored) and sets it on the case
/// in the same save, so the two never disagree in the database. A case not loaded by the save is loaded for it;
/// its version is not raised (a deadline moving is not a step someone took on the case).
/// </summary>
public sealed class NextDeadlineKeeper : SaveChangesInterceptor
{
    public static NextDeadlineKeeper Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is PortalDbContext db)
        {
            KeepAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is PortalDbContext db)
        {
            await KeepAsync(db, cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// Works the kept next deadline out again for every case with an unmet deadline, in SQL (SQLite): the
    /// migration that added the columns, and a bulk loader that writes deadlines without the model, run it.
    /// </summary>
    public const string RecomputeSqlite = """
        UPDATE "Complaints" SET
            "NextDueAt" = (SELECT "d"."DueAt" FROM "CaseDeadlines" AS "d"
                WHERE "d"."ComplaintId" = "Complaints"."Id" AND "d"."MetAt" IS NULL ORDER BY "d"."DueAt", "d"."DueSoonAt" LIMIT 1),
            "NextDueSoonAt" = (SELECT "d"."DueSoonAt" FROM "CaseDeadlines" AS "d"
                WHERE "d"."ComplaintId" = "Complaints"."Id" AND "d"."MetAt" IS NULL ORDER BY "d"."DueAt", "d"."DueSoonAt" LIMIT 1)
        WHERE "Id" IN (SELECT "ComplaintId" FROM "CaseDeadlines" WHERE "MetAt" IS NULL);
        """;

    /// <summary>The same as <see cref="RecomputeSqlite"/> for SQL Server.</summary>
    public const string RecomputeSqlServer = """
        UPDATE [c] SET
            [NextDueAt] = [n].[DueAt],
            [NextDueSoonAt] = [n].[DueSoonAt]
        FROM [Complaints] AS [c]
        CROSS APPLY (SELECT TOP (1) [d].[DueAt], [d].[DueSoonAt] FROM [CaseDeadlines] AS [d]
            WHERE [d].[ComplaintId] = [c].[Id] AND [d].[MetAt] IS NULL ORDER BY [d].[DueAt], [d].[DueSoonAt]) AS [n];
        """;

    /// <summary>The earliest of the unmet deadlines given (due instant, then due-soon instant), or none.</summary>
    public static (DateTimeOffset? DueAt, DateTimeOffset? DueSoonAt) Earliest(IEnumerable<(DateTimeOffset DueAt, DateTimeOffset DueSoonAt)> unmet)
    {
        ArgumentNullException.ThrowIfNull(unmet);
        var first = unmet.OrderBy(d => d.DueAt).ThenBy(d => d.DueSoonAt).Select(d => ((DateTimeOffset, DateTimeOffset)?)d).FirstOrDefault();
        return first is { } d ? (d.Item1, d.Item2) : (null, null);
    }

    private static async Task KeepAsync(PortalDbContext db, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        var deadlines = tracker.AsDetected<CaseDeadline>();
        var touched = deadlines.Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(ComplaintOf).ToHashSet();
        if (touched.Count == 0)
        {
            return;
        }

        // Deadlines of these cases the save does not hold: as stored.
        var trackedIds = deadlines.Select(e => e.Property(d => d.Id).CurrentValue).Where(id => id > 0).ToHashSet();
        var stored = touched.Where(id => id > 0).ToList();
        var untracked = (await db.CaseDeadlines.AsNoTracking()
                .Where(d => stored.Contains(d.ComplaintId) && d.MetAt == null)
                .Select(d => new { d.Id, d.ComplaintId, d.DueAt, d.DueSoonAt })
                .ToListAsync(ct))
            .Where(d => !trackedIds.Contains(d.Id))
            .ToLookup(d => d.ComplaintId, d => (d.DueAt, d.DueSoonAt));
        var held = deadlines.Where(e => e.State != EntityState.Deleted && e.Entity.MetAt is null)
            .ToLookup(ComplaintOf, e => (e.Entity.DueAt, e.Entity.DueSoonAt));

        var cases = tracker.AsDetected<Complaint>().ToDictionary(e => e.Property(c => c.Id).CurrentValue, e => e.Entity);
        // Cases the save did not load (a holiday import moves many), loaded together and tracked.
        var notLoaded = stored.Where(id => !cases.ContainsKey(id)).ToList();
        if (notLoaded.Count > 0)
        {
            foreach (var loaded in await db.Complaints.Where(c => notLoaded.Contains(c.Id)).ToListAsync(ct))
            {
                cases[loaded.Id] = loaded;
            }
        }

        var moved = false;
        foreach (var id in touched)
        {
            if (!cases.TryGetValue(id, out var complaint) || db.Entry(complaint).State == EntityState.Deleted)
            {
                continue;
            }

            var (dueAt, dueSoonAt) = Earliest(held[id].Concat(untracked[id]));
            if (complaint.NextDueAt != dueAt || complaint.NextDueSoonAt != dueSoonAt)
            {
                complaint.NextDueAt = dueAt;
                complaint.NextDueSoonAt = dueSoonAt;
                moved = true;
            }
        }

        if (moved)
        {
            tracker.DetectChanges();
        }
    }

    // Read from the entry: a new case's temporary key lives there, not on the entity.
    private static int ComplaintOf(EntityEntry<CaseDeadline> entry) => entry.Property(d => d.ComplaintId).CurrentValue;
}
