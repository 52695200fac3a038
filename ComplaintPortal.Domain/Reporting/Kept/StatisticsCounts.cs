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
    /// that had no counts (or counted in another zone). Answers for every complaint whether it is a repeat call
    /// (<see cref="StatisticsCallerAnswer"/>), reads the complaints and their tasks in batches by id, and writes one row per
    /// cell.
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
            await db.Set<StatisticsCallerAnswer>().ExecuteDeleteAsync(ct);
            await db.Set<StatisticsCallerCheck>().ExecuteDeleteAsync(ct);
            // Every complaint's answer about repeat calls, written by the database in two statements.
            await db.Database.ExecuteSqlRawAsync("INSERT INTO StatisticsCallerAnswers (ComplaintId, Repeat) SELECT Id, 0 FROM Complaints", ct);
            var repeats = ComplaintStatistics.RepeatCalls(db, db.Complaints);
            await db.Set<StatisticsCallerAnswer>().Where(a => repeats.Contains(a.ComplaintId)).ExecuteUpdateAsync(u => u.SetProperty(a => a.Repeat, true), ct);
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
                var tasks = (await ComplaintStatistics.Counted(db.DepartmentTasks.AsNoTracking().Where(t => t.ComplaintId >= first && t.ComplaintId <= end))
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
    /// Checks the phones that saves counted (<see cref="StatisticsCallerCheck"/>) against their stored calls, under the write
    /// lock: a call after the phone's first is a repeat. Where the answer counted differs (two saves of one phone at the same
    /// moment each read the calls before the other was stored), moves the complaint's count to the right answer. Returns the
    /// complaints corrected.
    /// </summary>
    public static async Task<int> RecheckCallersAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var corrected = 0;
        var strategy = db.Database.CreateExecutionStrategy();
        (int Corrected, bool More) pass;
        do
        {
            pass = await strategy.ExecuteAsync(ct => RecheckBatchAsync(db, ct), cancellationToken);
            corrected += pass.Corrected;
        }
        while (pass.More);

        return corrected;
    }

    private static async Task<(int Corrected, bool More)> RecheckBatchAsync(PortalDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
        const int batch = 1_000;
        var checks = await db.Set<StatisticsCallerCheck>().AsNoTracking().OrderBy(c => c.Id).Take(batch).ToListAsync(ct);
        var state = await db.Set<StatisticsCountState>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == StatisticsCountState.SingletonId, ct);
        if (checks.Count == 0 || state is null || !TimeZoneInfo.TryFindSystemTimeZoneById(state.ZoneId, out var zone))
        {
            return (0, false);
        }

        var phones = checks.Select(c => c.PhoneKey).Distinct(StringComparer.Ordinal).ToList();
        var calls = await db.Complaints.AsNoTracking().Where(c => phones.Contains(c.PhoneKey!))
            .Select(c => new { c.Id, c.PhoneKey, c.ReceivedAt, Counted = db.Set<StatisticsCallerAnswer>().Any(a => a.ComplaintId == c.Id && a.Repeat) })
            .ToListAsync(ct);
        var firstCalls = calls.GroupBy(c => c.PhoneKey!, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Min(c => c.ReceivedAt), StringComparer.Ordinal);
        var wrong = calls.Where(c => c.ReceivedAt > firstCalls[c.PhoneKey!] != c.Counted).Select(c => c.Id).ToList();

        var cases = await ComplaintStatistics.Counted(db, db.Complaints.AsNoTracking().Where(c => wrong.Contains(c.Id))).ToListAsync(ct);
        var tasks = (await ComplaintStatistics.Counted(db.DepartmentTasks.AsNoTracking().Where(t => wrong.Contains(t.ComplaintId))).ToListAsync(ct))
            .ToLookup(t => t.ComplaintId, t => t.Counted);
        var counts = new Dictionary<(int, int, StatisticsCountLine, string), StatisticsCount>();
        foreach (var stored in cases)
        {
            var was = stored.Counted;
            StatisticsContribution.AddTo(counts, was, [.. tasks[stored.Id]], zone, -1);
            StatisticsContribution.AddTo(counts, was with { Repeat = !was.Repeat }, [.. tasks[stored.Id]], zone, +1);
            StatisticsCounter.Answer(db, stored.Id, !was.Repeat, stored.Answer);
        }

        db.Set<StatisticsCount>().AddRange(counts.Values.Where(c => !c.IsZero));
        var lastCheck = checks[^1].Id;
        await db.Set<StatisticsCallerCheck>().Where(c => c.Id <= lastCheck).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await transaction.CommitAsync(ct);
        return (cases.Count, checks.Count == batch);
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
