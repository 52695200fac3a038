using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ComplaintPortal.Domain.Board;

/// <summary>
/// Keeps what the board pages and counts by equal to what the case says, in the same save as every change:
/// <see cref="Complaint.BoardGroup"/> and <see cref="Complaint.BoardDueAt"/> from the case's stage and kept next
/// deadline (so it runs after <see cref="Deadlines.NextDeadlineKeeper"/>), and <see cref="DepartmentTask.CaseOpen"/> with
/// a copy of those keys (<see cref="DepartmentTask.BoardGroup"/>, <see cref="DepartmentTask.BoardDueAt"/>,
/// <see cref="DepartmentTask.BoardDueSoonAt"/>) on every task of a case whose stage or keys moved or that was added
/// (tasks the save did not load are loaded for it).
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

    /// <summary>
    /// Copies every case's board keys (<see cref="RecomputeCasesSql"/> first) to its tasks with the flag, in SQL both
    /// providers run; it writes only the tasks of open cases and those that still hold a flag or key.
    /// </summary>
    public static string RecomputeTaskKeysSql => $"""
        UPDATE "DepartmentTasks" SET
            "CaseOpen" = {OfCase("CASE WHEN \"c\".\"BoardGroup\" IS NULL THEN 0 ELSE 1 END")},
            "BoardGroup" = {OfCase("\"c\".\"BoardGroup\"")},
            "BoardDueAt" = {OfCase("\"c\".\"BoardDueAt\"")},
            "BoardDueSoonAt" = {OfCase($"CASE WHEN \"c\".\"BoardGroup\" = {(int)BoardGroup.CountingDown} THEN \"c\".\"NextDueSoonAt\" END")}
        WHERE "CaseOpen" = 1 OR "BoardGroup" IS NOT NULL OR "BoardDueAt" IS NOT NULL OR "BoardDueSoonAt" IS NOT NULL
            OR "ComplaintId" IN (SELECT "Id" FROM "Complaints" WHERE "BoardGroup" IS NOT NULL);
        """;

    // The value of an expression over the task's case ("c").
    private static string OfCase(string expression) =>
        $"""(SELECT {expression} FROM "Complaints" AS "c" WHERE "c"."Id" = "DepartmentTasks"."ComplaintId")""";

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
        if (tracker.AsDetected<Complaint>().Count == 0 && tracker.AsDetected<DepartmentTask>().Count == 0)
        {
            return;
        }

        var regrouped = KeepGroups(tracker);
        await KeepTasksAsync(db, tracker, regrouped, ct);
        tracker.DetectChanges();
    }

    // Returns the cases whose group or due instant it changed.
    private static HashSet<int> KeepGroups(ChangeTracker tracker)
    {
        var regrouped = new HashSet<int>();
        foreach (var entry in tracker.AsDetected<Complaint>())
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
                    regrouped.Add(entry.Property(x => x.Id).CurrentValue);
                }
            }
        }

        return regrouped;
    }

    // Every task of a case whose keys moved (stage, group, due, due-soon) or that was added gets the case's flag and
    // keys; tasks the save did not load are loaded for it.
    private static async Task KeepTasksAsync(PortalDbContext db, ChangeTracker tracker, HashSet<int> regrouped, CancellationToken ct)
    {
        var moved = tracker.AsDetected<Complaint>().Where(KeysMoved).Select(e => e.Property(c => c.Id).CurrentValue).Concat(regrouped).ToHashSet();
        var added = tracker.AsDetected<DepartmentTask>().Where(e => e.State == EntityState.Added).ToList();
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

        // The keys of a new task's case when the save does not hold the case.
        var keys = tracker.AsDetected<Complaint>().ToDictionary(e => e.Property(c => c.Id).CurrentValue, e => CaseKeys.Of(e.Entity));
        var missing = added.Select(ComplaintOf).Where(id => id > 0 && !keys.ContainsKey(id)).Distinct().ToList();
        if (missing.Count > 0)
        {
            foreach (var c in await db.Complaints.AsNoTracking().Where(c => missing.Contains(c.Id))
                         .Select(c => new { c.Id, c.BoardGroup, c.BoardDueAt, c.NextDueSoonAt }).ToListAsync(ct))
            {
                keys[c.Id] = CaseKeys.Of(c.BoardGroup, c.BoardDueAt, c.NextDueSoonAt);
            }
        }

        foreach (var entry in tracker.AsDetected<DepartmentTask>().Where(e => e.State != EntityState.Deleted))
        {
            var complaintId = ComplaintOf(entry);
            if ((moved.Contains(complaintId) || entry.State == EntityState.Added) && keys.TryGetValue(complaintId, out var k))
            {
                // Equal values leave the task unmodified (EF Core compares with what it loaded).
                var t = entry.Entity;
                (t.CaseOpen, t.BoardGroup, t.BoardDueAt, t.BoardDueSoonAt) = (k.Group is not null, k.Group, k.DueAt, k.DueSoonAt);
            }
        }
    }

    private static bool KeysMoved(EntityEntry<Complaint> e) =>
        e.State == EntityState.Added
        || (e.State == EntityState.Modified && (e.Property(c => c.Stage).IsModified || e.Property(c => c.NextDueSoonAt).IsModified
            || e.Property(c => c.BoardGroup).IsModified || e.Property(c => c.BoardDueAt).IsModified));

    /// <summary>What a case's tasks keep of it for the department's board.</summary>
    private readonly record struct CaseKeys(BoardGroup? Group, DateTimeOffset? DueAt, DateTimeOffset? DueSoonAt)
    {
        public static CaseKeys Of(Complaint c) => Of(c.BoardGroup, c.BoardDueAt, c.NextDueSoonAt);

        // The due-soon instant belongs to the deadline counted down to, so only while counting down.
        public static CaseKeys Of(BoardGroup? group, DateTimeOffset? dueAt, DateTimeOffset? nextDueSoonAt) =>
            new(group, dueAt, group == BoardGroup.CountingDown ? nextDueSoonAt : null);
    }

    // Read from the entry: a new case's temporary key lives there, not on the entity.
    private static int ComplaintOf(EntityEntry<DepartmentTask> entry) => entry.Property(t => t.ComplaintId).CurrentValue;
}
