using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ComplaintPortal.Domain.Cases;

/// <summary>
/// Keeps <see cref="DepartmentTask.CaseOpen"/> equal to whether the task's case is at a stage from which work goes
/// on. Every save that adds a task or moves a case's stage sets it on the case's tasks in the same save (tasks the
/// save did not load are loaded for it), so the flag and the stage never disagree in the database.
/// </summary>
public sealed class CaseOpenKeeper : SaveChangesInterceptor
{
    public static CaseOpenKeeper Instance { get; } = new();

    /// <summary>
    /// Sets the flag of every task from its case's stage, in SQL both providers run (it writes only the rows that
    /// change): the migration that added the flag and a bulk loader that writes tasks without the model run it.
    /// </summary>
    public static string RecomputeSql => $"""
        UPDATE "DepartmentTasks" SET "CaseOpen" = {OpenNow}
        WHERE "CaseOpen" <> {OpenNow};
        """;

    private static string OpenNow { get; } =
        $"""CASE WHEN "ComplaintId" IN (SELECT "Id" FROM "Complaints" WHERE "Stage" IN ({string.Join(", ", CaseStages.Open.Select(s => $"'{s}'"))})) THEN 1 ELSE 0 END""";

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
        var moved = tracker.Entries<Complaint>()
            .Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && e.Property(c => c.Stage).IsModified))
            .ToDictionary(e => e.Property(c => c.Id).CurrentValue, e => e.Entity);
        var added = tracker.Entries<DepartmentTask>().Where(e => e.State == EntityState.Added).ToList();
        if (moved.Count == 0 && added.Count == 0)
        {
            return;
        }

        // Tasks of moved cases the save does not hold, loaded together and tracked.
        var stored = moved.Keys.Where(id => id > 0).ToList();
        if (stored.Count > 0)
        {
            await db.DepartmentTasks.Where(t => stored.Contains(t.ComplaintId)).LoadAsync(ct);
        }

        // The stage of a new task's case when the save does not hold the case.
        var cases = tracker.Entries<Complaint>().ToDictionary(e => e.Property(c => c.Id).CurrentValue, e => e.Entity.Stage);
        var missing = added.Select(ComplaintOf).Where(id => id > 0 && !cases.ContainsKey(id)).Distinct().ToList();
        if (missing.Count > 0)
        {
            foreach (var c in await db.Complaints.AsNoTracking().Where(c => missing.Contains(c.Id)).Select(c => new { c.Id, c.Stage }).ToListAsync(ct))
            {
                cases[c.Id] = c.Stage;
            }
        }

        foreach (var entry in tracker.Entries<DepartmentTask>().Where(e => e.State != EntityState.Deleted))
        {
            var complaintId = ComplaintOf(entry);
            if ((moved.ContainsKey(complaintId) || entry.State == EntityState.Added) && cases.TryGetValue(complaintId, out var stage))
            {
                var open = !stage.IsFinal();
                if (entry.Entity.CaseOpen != open)
                {
                    entry.Entity.CaseOpen = open;
                }
            }
        }

        tracker.DetectChanges();
    }

    // Read from the entry: a new case's temporary key lives there, not on the entity.
    private static int ComplaintOf(EntityEntry<DepartmentTask> entry) => entry.Property(t => t.ComplaintId).CurrentValue;
}
