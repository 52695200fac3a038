using System.Data;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Sla;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Reporting;

/// <summary>Builds the kept timeliness counts from the stored cases, and folds their appended rows together.</summary>
public static class TimelinessCounts
{
    private static readonly SemaphoreSlim Building = new(1, 1);

    /// <summary>Whether the counts are kept in <paramref name="zone"/>'s months; builds them (once) when they are not.</summary>
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

    internal static Task<bool> IsKeptAsync(PortalDbContext db, TimeZoneInfo zone, CancellationToken ct) =>
        db.Set<TimelinessCountState>().AsNoTracking().AnyAsync(s => s.ZoneId == zone.Id, ct);

    /// <summary>
    /// Counts every stored complaint and deadline afresh, in one transaction (writers wait for it): the start-up
    /// backfill of a database that had no counts (or counted in another zone). Reads the complaints in batches by id.
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
            await db.Set<TimelinessCount>().ExecuteDeleteAsync(ct);
            await db.Set<TimelinessWatch>().ExecuteDeleteAsync(ct);
            await db.Set<TimelinessCountState>().ExecuteDeleteAsync(ct);
            var customerService = await db.Departments.AsNoTracking().Where(d => d.Code == DepartmentCatalog.CustomerService)
                .Select(d => d.Id).FirstOrDefaultAsync(ct);
            var calendars = new Dictionary<string, WorkingCalendar>(StringComparer.Ordinal);
            var counts = new Dictionary<(int, int, DeadlineKind?), TimelinessCount>();
            const int batch = 20_000;
            var last = 0;
            while (true)
            {
                var complaints = await db.Complaints.AsNoTracking().Where(c => c.Id > last).OrderBy(c => c.Id).Take(batch)
                    .Select(c => new { c.Id, Counted = new CountedComplaint(c.ReceivedAt, c.Stage, c.ClosedAt, c.PausedAt) })
                    .ToListAsync(ct);
                if (complaints.Count == 0)
                {
                    break;
                }

                var (first, end) = (complaints[0].Id, complaints[^1].Id);
                var deadlines = (await db.CaseDeadlines.AsNoTracking().Where(d => d.ComplaintId >= first && d.ComplaintId <= end)
                        .Select(d => new { d.ComplaintId, Department = d.Task == null ? (int?)null : d.Task.DepartmentId, d.Kind, d.CalendarCode,
                            d.StartedAt, d.DueAt, d.MetAt, d.PausedWorkingTime })
                        .ToListAsync(ct))
                    .ToLookup(d => d.ComplaintId);
                foreach (var complaint in complaints)
                {
                    var own = new List<CountedDeadline>();
                    foreach (var d in deadlines[complaint.Id])
                    {
                        TimeSpan? used = null;
                        if (d.MetAt is { } met)
                        {
                            if (!calendars.TryGetValue(d.CalendarCode, out var calendar))
                            {
                                calendar = await WorkingCalendarCache.Shared.GetAsync(db, d.CalendarCode, ct);
                                calendars[d.CalendarCode] = calendar;
                            }

                            used = DeadlineClock.WorkingTimeUsed(calendar, d.StartedAt, met, d.PausedWorkingTime);
                        }

                        own.Add(new CountedDeadline(d.Department ?? customerService, d.Kind, d.DueAt, d.MetAt, used));
                    }

                    foreach (var (department, month, lateFrom) in TimelinessContribution.AddTo(counts, complaint.Counted, own, zone, +1))
                    {
                        db.Set<TimelinessWatch>().Add(new TimelinessWatch { ComplaintId = complaint.Id, DepartmentId = department, Month = month, LateFrom = lateFrom });
                    }
                }

                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                last = end;
            }

            db.Set<TimelinessCount>().AddRange(counts.Values.Where(c => !c.IsZero));
            db.Set<TimelinessCountState>().Add(new TimelinessCountState { ZoneId = zone.Id, BuiltAt = now });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            await transaction.CommitAsync(ct);
        }, cancellationToken);
    }

    /// <summary>
    /// Folds the appended rows into one row per cell (month, department, kind), dropping cells that sum to nothing.
    /// Serializable, so a change saved meanwhile is either folded in or kept as its own row. Returns the rows folded away.
    /// </summary>
    public static async Task<int> CompactAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
            var rows = await db.Set<TimelinessCount>().AsNoTracking().ToListAsync(ct);
            var cells = new Dictionary<(int, int, DeadlineKind?), TimelinessCount>();
            foreach (var row in rows)
            {
                if (!cells.TryGetValue((row.Month, row.DepartmentId, row.Kind), out var cell))
                {
                    cell = new TimelinessCount { Month = row.Month, DepartmentId = row.DepartmentId, Kind = row.Kind };
                    cells[(row.Month, row.DepartmentId, row.Kind)] = cell;
                }

                cell.Add(row, +1);
            }

            var kept = cells.Values.Where(c => !c.IsZero).ToList();
            if (kept.Count == rows.Count)
            {
                return 0;
            }

            var lastId = rows.Max(r => r.Id);
            await db.Set<TimelinessCount>().Where(r => r.Id <= lastId).ExecuteDeleteAsync(ct);
            db.Set<TimelinessCount>().AddRange(kept);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            await transaction.CommitAsync(ct);
            return rows.Count - kept.Count;
        }, cancellationToken);
    }
}
