using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Sla;

/// <summary>
/// The administrator's side of working calendars: edit the hours and special days, import a year's holidays,
/// confirm a year that has no make-up days, and see which calendars still lack next year's holidays. Every
/// saved change leaves the calendar's provisional deadlines to be re-computed in the background
/// (<see cref="ProvisionalDeadlines.RecomputePendingAsync"/>): at year end they can be thousands of cases.
/// </summary>
public sealed class WorkingCalendarBook(PortalDbContext db, WorkingCalendarCache cache)
{
    /// <summary>From this month on (by the organisation's clock) next year's holidays are due.</summary>
    public const int NextYearNoticeMonth = 11;

    public async Task<IReadOnlyList<WorkingCalendarRecord>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.WorkingCalendars.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken);

    public async Task<WorkingCalendarRecord?> FindAsync(string code, CancellationToken cancellationToken = default) =>
        await db.WorkingCalendars.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, cancellationToken);

    /// <summary>Calendars (all, or the one with <paramref name="code"/>) saved since their provisional deadlines were last re-computed.</summary>
    public async Task<IReadOnlyList<WorkingCalendarRecord>> AwaitingRecomputationAsync(string? code = null, CancellationToken cancellationToken = default) =>
        await db.WorkingCalendars.AsNoTracking()
            .Where(c => code == null || c.Code == code)
            .Where(WorkingCalendarRecord.AwaitingRecomputation)
            .OrderBy(c => c.Code)
            .ToListAsync(cancellationToken);

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
    /// Confirms that a year with holidays but no make-up working days is complete as entered (e.g. Taiwan),
    /// so deadlines reaching it are final.
    /// </summary>
    public async Task<CalendarYearConfirmation> ConfirmYearAsync(string code, int year, string changedBy, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        var record = await db.WorkingCalendars.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (record is null)
        {
            return CalendarYearConfirmation.NotFound;
        }

        var definition = record.Definition;
        switch (WorkingCalendar.Create(definition).StatusOf(year))
        {
            case CalendarYearStatus.NoHolidays:
                return CalendarYearConfirmation.NoHolidays;
            case CalendarYearStatus.Final:
                return CalendarYearConfirmation.AlreadyFinal;
            case CalendarYearStatus.AwaitingConfirmation:
                break;
            default:
                throw new InvalidOperationException("Unknown year status.");
        }

        var confirmed = definition with { ConfirmedYears = [.. definition.ConfirmedYears.Append(year).Distinct().Order()] };
        var saved = await SaveAsync(code, record.Stamp, confirmed, changedBy, now, cancellationToken);
        return saved.IsConflict ? CalendarYearConfirmation.Conflict : CalendarYearConfirmation.Confirmed;
    }

    /// <summary>
    /// Calendars whose days off are not known for a year deadlines now reach: the current year at any time,
    /// and from 1 November (<see cref="NextYearNoticeMonth"/>, by the organisation's clock) next year too.
    /// 24/7 calendars have no days off and never appear.
    /// </summary>
    public async Task<IReadOnlyList<CalendarYearGap>> YearsLackingHolidaysAsync(DateTimeOffset now, TimeZoneInfo organisationZone,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organisationZone);
        var local = TimeZoneInfo.ConvertTime(now, organisationZone);
        int[] years = local.Month >= NextYearNoticeMonth ? [local.Year, local.Year + 1] : [local.Year];
        var gaps = new List<CalendarYearGap>();
        // Compared with a parameter, not tested as a bare column: SQLite seeks "IsProvisional = ?" in the (calendar,
        // provisional) index, but reads a calendar's every entry to test "AND IsProvisional" (3.8 million deadlines at
        // 1,000,000 cases: 160-260 ms a count, on every opening of the calendars page).
        var provisionalOnly = true;
        foreach (var code in await db.WorkingCalendars.AsNoTracking().OrderBy(c => c.Code).Select(c => c.Code).ToListAsync(cancellationToken))
        {
            var calendar = await cache.GetAsync(db, code, cancellationToken);
            foreach (var year in years)
            {
                var status = calendar.StatusOf(year);
                if (status != CalendarYearStatus.Final)
                {
                    var provisional = await db.CaseDeadlines.CountAsync(d => d.CalendarCode == code && d.IsProvisional == provisionalOnly, cancellationToken);
                    gaps.Add(new CalendarYearGap(code, calendar.Name, year, status, provisional));
                }
            }
        }

        return gaps;
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

/// <summary>
/// A calendar that does not know a year's days off yet, and how many deadlines on it are provisional now.
/// </summary>
public sealed record CalendarYearGap(string Code, string Name, int Year, CalendarYearStatus Status, int ProvisionalDeadlines);

/// <summary>The outcome of confirming a calendar year; the Web shows <c>Calendar_Confirm_{value}</c>.</summary>
public enum CalendarYearConfirmation
{
    Confirmed = 0,
    NotFound = 1,

    /// <summary>Nothing to confirm: enter the year's holidays first.</summary>
    NoHolidays = 2,

    /// <summary>The year has make-up days or was confirmed before.</summary>
    AlreadyFinal = 3,
    Conflict = 4,
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
