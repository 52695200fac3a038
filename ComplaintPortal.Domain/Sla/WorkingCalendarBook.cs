using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Sla;

/// <summary>The administrator's side of working calendars: edit the hours and special days, import a year's holidays.</summary>
public sealed class WorkingCalendarBook(PortalDbContext db, WorkingCalendarCache cache)
{
    public async Task<IReadOnlyList<WorkingCalendarRecord>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.WorkingCalendars.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken);

    public async Task<WorkingCalendarRecord?> FindAsync(string code, CancellationToken cancellationToken = default) =>
        await db.WorkingCalendars.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, cancellationToken);

    /// <summary>Replaces the definition when it is valid and nobody saved since <paramref name="expectedStamp"/>.</summary>
    public async Task<CalendarSaveResult> SaveAsync(string code, Guid expectedStamp, WorkingCalendarDefinition definition, string changedBy,
        DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var record = await db.WorkingCalendars.FirstOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (record is null)
        {
            return CalendarSaveResult.NotFound;
        }

        var problems = (definition with { Code = code }).Validate();
        if (problems.Count > 0)
        {
            return new(problems, []);
        }

        if (record.Stamp != expectedStamp)
        {
            return CalendarSaveResult.Conflict;
        }

        record.Replace(definition, changedBy, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CalendarSaveResult.Conflict;
        }

        cache.Invalidate(code);
        return CalendarSaveResult.Saved;
    }

    /// <summary>
    /// Replaces the special days of <paramref name="year"/> with those of the CSV file; any bad row rejects the
    /// whole file and changes nothing.
    /// </summary>
    public async Task<CalendarSaveResult> ImportHolidaysAsync(string code, int year, ReadOnlyMemory<byte> csv, string changedBy,
        DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var parsed = HolidayCsvParser.Parse(csv.Span, year);
        if (!parsed.Succeeded)
        {
            return new([], parsed.Errors);
        }

        var record = await db.WorkingCalendars.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (record is null)
        {
            return CalendarSaveResult.NotFound;
        }

        var definition = record.Definition;
        if (definition.IsRoundTheClock)
        {
            return new([new CalendarDefinitionProblem(CalendarDefinitionProblemCode.RoundTheClockWithSchedule, code)], []);
        }

        var kept = definition.SpecialDays.Where(d => d.Date.Year != year);
        var updated = definition with { SpecialDays = [.. kept.Concat(parsed.SpecialDays).OrderBy(d => d.Date)] };
        return await SaveAsync(code, record.Stamp, updated, changedBy, now, cancellationToken);
    }
}

/// <summary>The outcome of a calendar save: problems with the definition, or rows of a rejected CSV file.</summary>
public sealed record CalendarSaveResult(IReadOnlyList<CalendarDefinitionProblem> Problems, IReadOnlyList<HolidayCsvRowError> CsvErrors,
    bool IsNotFound = false, bool IsConflict = false)
{
    public static CalendarSaveResult Saved { get; } = new([], []);

    public static CalendarSaveResult NotFound { get; } = new([], [], IsNotFound: true);

    public static CalendarSaveResult Conflict { get; } = new([], [], IsConflict: true);

    public bool Succeeded => Problems.Count == 0 && CsvErrors.Count == 0 && !IsNotFound && !IsConflict;
}
