using System.Data;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Reporting;

/// <summary>Builds the kept statistics counts from the stored cases, and folds their appended rows together.</summary>
public static class StatisticsCounts
{
    private static readonly SemaphoreSlim Building = new(1, 1);

    /// <summary>Whether the counts are kept in <paramref name="zone"/>'s months and hours; builds them (once) when they are not.</summary>
    public static async Task EnsureAsync(PortalDbContext db, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(zone);
        if (await IsKeptAsync(db, zone, cancellationToken))
        {
            return;
        }

        await Building.WaitAsync(cancellationToken);
        try
        {
            if (!await IsKeptAsync(db, zone, cancellationToken))
            {
                await RebuildAsync(db, zone, now, cancellationToken);
            }
        }
        finally
        {
            Building.Release();
        }
    }

    /// <summary>Whether the counts are kept in <paramref name="zone"/>'s months and hours.</summary>
    public static Task<bool> IsKeptAsync(PortalDbContext db, TimeZoneInfo zone, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(zone);
        return db.Set<StatisticsCountState>().AsNoTracking().AnyAsync(s => s.ZoneId == zone.Id, ct);
    }

    /// <summary>
    /// Counts every stored complaint afresh, in one transaction (writers wait for it): the start-up backfill of a database
    /// that had no counts (or counted in another zone). Reads the complaints and their tasks in batches by id, and writes
    /// one row per cell.
    /// </summary>
    public static async Task RebuildAsync(PortalDbContext db, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(zone);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
            await db.Set<StatisticsCount>().ExecuteDeleteAsync(ct);
            await db.Set<StatisticsCountState>().ExecuteDeleteAsync(ct);
            var counts = new Dictionary<(int, int, StatisticsCountLine, string), StatisticsCount>();
            const int batch = 20_000;
            var last = 0;
            while (true)
            {
                var complaints = await ComplaintStatistics.Counted(db, db.Complaints.AsNoTracking().Where(c => c.Id > last).OrderBy(c => c.Id).Take(batch))
                    .ToListAsync(ct);
                if (complaints.Count == 0)
                {
                    break;
                }

                var (first, end) = (complaints[0].Id, complaints[^1].Id);
                var tasks = (await db.DepartmentTasks.AsNoTracking().Where(t => t.ComplaintId >= first && t.ComplaintId <= end)
                        .Select(t => new { t.ComplaintId, Counted = new CountedTask(t.DepartmentId, t.SolutionTypeCode, t.CauseCategoryCode, t.Findings != null) })
                        .ToListAsync(ct))
                    .ToLookup(t => t.ComplaintId, t => t.Counted);
                foreach (var complaint in complaints)
                {
                    StatisticsContribution.AddTo(counts, complaint.Counted, [.. tasks[complaint.Id]], zone, +1);
                }

                last = end;
            }

            db.Set<StatisticsCount>().AddRange(counts.Values.Where(c => !c.IsZero));
            db.Set<StatisticsCountState>().Add(new StatisticsCountState { ZoneId = zone.Id, BuiltAt = now });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            await transaction.CommitAsync(ct);
        }, cancellationToken);
    }

    /// <summary>
    /// Folds the appended rows into one row per cell (month, scope, line, key), dropping cells that sum to nothing. Only
    /// the cells with more than one row are read, summed by the database. Serializable, so a change saved meanwhile is
    /// either folded in or kept as its own row. Returns the rows folded away.
    /// </summary>
    public static async Task<int> CompactAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
            var cells = await db.Set<StatisticsCount>().AsNoTracking()
                .SumBy(r => new { r.Month, r.Scope, r.Line, r.Key }, severalOnly: true)
                .ToListAsync(ct);
            if (cells.Count == 0)
            {
                return 0;
            }

            var folded = 0;
            foreach (var cell in cells)
            {
                var (month, scope, line, key) = (cell.Key.Month, cell.Key.Scope, cell.Key.Line, cell.Key.Key);
                folded += await db.Set<StatisticsCount>().Where(r => r.Month == month && r.Scope == scope && r.Line == line && r.Key == key)
                    .ExecuteDeleteAsync(ct);
                var sum = new StatisticsCount { Month = month, Scope = scope, Line = line, Key = key };
                sum.Add(cell.Line, +1);
                if (!sum.IsZero)
                {
                    db.Set<StatisticsCount>().Add(sum);
                    folded--;
                }
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            await transaction.CommitAsync(ct);
            return folded;
        }, cancellationToken);
    }
}
