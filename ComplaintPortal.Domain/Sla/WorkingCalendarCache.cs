using System.Collections.Concurrent;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Sla;

/// <summary>
/// Compiled calendars by code. Compiling builds a year table per year, so it is done once per edit: the
/// cache keys each copy by the record's <see cref="WorkingCalendarRecord.Stamp"/>, so an edit (in this
/// instance or another one sharing the database) is picked up at the next lookup without explicit
/// invalidation. <see cref="Invalidate"/> only frees memory early.
/// </summary>
public sealed class WorkingCalendarCache
{
    private readonly ConcurrentDictionary<string, (Guid Stamp, WorkingCalendar Calendar)> compiled = new(StringComparer.Ordinal);

    /// <summary>The process-wide cache, for services created without dependency injection.</summary>
    public static WorkingCalendarCache Shared { get; } = new();

    public async Task<WorkingCalendar> GetAsync(PortalDbContext db, string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stamp = await db.WorkingCalendars.AsNoTracking().Where(c => c.Code == code).Select(c => (Guid?)c.Stamp)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"Working calendar '{code}' does not exist.");
        if (compiled.TryGetValue(code, out var entry) && entry.Stamp == stamp)
        {
            return entry.Calendar;
        }

        var record = await db.WorkingCalendars.AsNoTracking().FirstAsync(c => c.Code == code, cancellationToken);
        var calendar = WorkingCalendar.Create(record.Definition);
        compiled[code] = (record.Stamp, calendar);
        return calendar;
    }

    public void Invalidate(string code) => compiled.TryRemove(code, out _);
}
