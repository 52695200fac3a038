using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ComplaintPortal.Domain.Board;

/// <summary>
/// Keeps what the board pages and counts by equal to what the case says, in the same save as every change:
/// <see cref="Complaint.BoardGroup"/> and <see cref="Complaint.BoardDueAt"/> from the case's stage and kept next
/// deadline (so it runs after <see cref="Deadlines.NextDeadlineKeeper"/>), and <see cref="DepartmentTask.CaseOpen"/>
/// on every task of a case whose stage moved or that was added (tasks the save did not load are loaded for it).
/// </summary>
public sealed class BoardKeysKeeper : SaveChangesInterceptor
{
    public static BoardKeysKeeper Instance { get; } = new();

    /// <summary>The board group of a case at <paramref name="stage"/> whose next unmet deadline is <paramref name="nextDueAt"/>; null when final.</summary>
    public static BoardGroup? GroupOf(CaseStage stage, DateTimeOffset? nextDueAt) =>
        stage.IsFinal() ? null
        : stage == CaseStage.WaitingForCustomer ? BoardGroup.Paused
        : nextDueAt is null ? BoardGroup.NoDeadline
        : BoardGroup.CountingDown;

    /// <summary>
    /// Sets the tasks' flag from their cases' stages, in SQL both providers run (it writes only the rows that
    /// change): the migration that added the flag and a bulk loader that writes tasks without the model run it.
    /// </summary>
    public static string RecomputeTasksSql => $"""
        UPDATE "DepartmentTasks" SET "CaseOpen" = {TaskOpenNow}
        WHERE "CaseOpen" <> {TaskOpenNow};
        """;

    /// <summary>Sets every case's board group and due instant from its stage and kept next deadline, in SQL both providers run.</summary>
    public static string RecomputeCasesSql => $"""
        UPDATE "Complaints" SET
            "BoardGroup" = CASE WHEN "Stage" NOT IN ({OpenStages}) THEN NULL
                WHEN "Stage" = '{CaseStage.WaitingForCustomer}' THEN {(int)BoardGroup.Paused}
                WHEN "NextDueAt" IS NULL THEN {(int)BoardGroup.NoDeadline}
                ELSE {(int)BoardGroup.CountingDown} END,
            "BoardDueAt" = CASE WHEN "Stage" IN ({OpenStages}) AND "Stage" <> '{CaseStage.WaitingForCustomer}' THEN "NextDueAt" END
        WHERE "Stage" IN ({OpenStages}) OR "BoardGroup" IS NOT NULL;
        """;

    private static string OpenStages => string.Join(", ", CaseStages.Open.Select(s => $"'{s}'"));

    private static string TaskOpenNow =>
        $"""CASE WHEN "ComplaintId" IN (SELECT "Id" FROM "Complaints" WHERE "Stage" IN ({OpenStages})) THEN 1 ELSE 0 END""";

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

    private static async Task KeepAsync(PortalDbContext db, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        if (!tracker.Entries<Complaint>().Any() && !tracker.Entries<DepartmentTask>().Any())
        {
            return;
        }

        tracker.DetectChanges();
        KeepGroups(tracker);
        await KeepTaskFlagsAsync(db, tracker, ct);
        tracker.DetectChanges();
    }

    private static void KeepGroups(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries<Complaint>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                var c = entry.Entity;
                var group = GroupOf(c.Stage, c.NextDueAt);
                var dueAt = group == BoardGroup.CountingDown ? c.NextDueAt : null;
                if (c.BoardGroup != group || c.BoardDueAt != dueAt)
                {
                    c.BoardGroup = group;
                    c.BoardDueAt = dueAt;
                }
            }
        }
    }

    private static async Task KeepTaskFlagsAsync(PortalDbContext db, ChangeTracker tracker, CancellationToken ct)
    {
        var moved = tracker.Entries<Complaint>()
            .Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && e.Property(c => c.Stage).IsModified))
            .Select(e => e.Property(c => c.Id).CurrentValue).ToHashSet();
        var added = tracker.Entries<DepartmentTask>().Where(e => e.State == EntityState.Added).ToList();
        if (moved.Count == 0 && added.Count == 0)
        {
            return;
        }

        // Tasks of moved cases the save does not hold, loaded together and tracked.
        var stored = moved.Where(id => id > 0).ToList();
        if (stored.Count > 0)
        {
            await db.DepartmentTasks.Where(t => stored.Contains(t.ComplaintId)).LoadAsync(ct);
        }

        // The stage of a new task's case when the save does not hold the case.
        var stages = tracker.Entries<Complaint>().ToDictionary(e => e.Property(c => c.Id).CurrentValue, e => e.Entity.Stage);
        var missing = added.Select(ComplaintOf).Where(id => id > 0 && !stages.ContainsKey(id)).Distinct().ToList();
        if (missing.Count > 0)
        {
            foreach (var c in await db.Complaints.AsNoTracking().Where(c => missing.Contains(c.Id)).Select(c => new { c.Id, c.Stage }).ToListAsync(ct))
            {
                stages[c.Id] = c.Stage;
            }
        }

        foreach (var entry in tracker.Entries<DepartmentTask>().Where(e => e.State != EntityState.Deleted))
        {
            var complaintId = ComplaintOf(entry);
            if ((moved.Contains(complaintId) || entry.State == EntityState.Added) && stages.TryGetValue(complaintId, out var stage)
                && entry.Entity.CaseOpen == stage.IsFinal())
            {
                entry.Entity.CaseOpen = !stage.IsFinal();
            }
        }
    }

    // Read from the entry: a new case's temporary key lives there, not on the entity.
    private static int ComplaintOf(EntityEntry<DepartmentTask> entry) => entry.Property(t => t.ComplaintId).CurrentValue;
}
