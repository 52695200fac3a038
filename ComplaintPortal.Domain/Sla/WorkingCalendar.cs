using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace ComplaintPortal.Domain.Sla;

/// <summary>
/// A compiled, immutable working calendar: weekly working periods, public holidays and make-up working
/// days (調休) in one time zone, or a 24/7 calendar where every instant counts. All operations take and
/// return UTC instants (any offset is accepted on input; results carry offset zero) and are thread-safe.
/// </summary>
/// <remarks>
/// Each local year is compiled on first use into sorted UTC working intervals with running totals, so
/// adding or measuring working time is a binary search per year touched, never a walk through minutes or
/// days. Supported local years are 2 to 9998.
/// </remarks>
public sealed class WorkingCalendar
{
    private const int FirstSupportedYear = 2;
    private const int LastSupportedYear = 9998;
    private static readonly long[] NoPeriods = [];

    private readonly CalendarZone _zone;
    private readonly long[][] _periodsByWeekday;
    private readonly Dictionary<DateOnly, SpecialDay> _specialDays;
    private readonly ConcurrentDictionary<int, WorkingYear> _years = new();
    private readonly HashSet<int> _yearsWithDaysOff;
    private readonly HashSet<int> _yearsWithMakeUpDays;

    private WorkingCalendar(WorkingCalendarDefinition definition, TimeZoneInfo zone)
    {
        Definition = definition;
        _zone = new CalendarZone(zone);
        _specialDays = definition.SpecialDays.ToDictionary(d => d.Date);
        _yearsWithDaysOff = [.. definition.SpecialDays.Where(d => d.Kind == SpecialDayKind.DayOff).Select(d => d.Date.Year)];
        _yearsWithMakeUpDays = [.. definition.SpecialDays.Where(d => d.Kind == SpecialDayKind.WorkingDay).Select(d => d.Date.Year)];
        _periodsByWeekday = new long[7][];
        for (int day = 0; day < 7; day++)
        {
            _periodsByWeekday[day] = definition.IsRoundTheClock
                ? [0, TimeSpan.TicksPerDay]
                : [.. definition.WeeklyPeriods
                    .Where(p => (int)p.Day == day)
                    .OrderBy(p => p.StartTicks)
                    .SelectMany(p => new[] { p.StartTicks, p.EndTicks })];
        }

        var standardDay = _periodsByWeekday[(int)definition.StandardWeekday];
        long standardTicks = 0;
        for (int p = 0; p < standardDay.Length; p += 2)
        {
            standardTicks += standardDay[p + 1] - standardDay[p];
        }

        StandardWorkingDay = TimeSpan.FromTicks(standardTicks);
    }

    public WorkingCalendarDefinition Definition { get; }

    public string Code => Definition.Code;

    public string Name => Definition.Name;

    public TimeZoneInfo TimeZone => _zone.Zone;

    public bool IsRoundTheClock => Definition.IsRoundTheClock;

    /// <summary>
    /// The length of one working day when a target is given in days: the nominal length of the standard
    /// weekday's periods (Monday by default, 7.5 h for 09:00–12:00 + 13:30–18:00), or 24 h for a 24/7 calendar.
    /// </summary>
    public TimeSpan StandardWorkingDay { get; }

    /// <summary>Compiles a definition; throws <see cref="InvalidWorkingCalendarException"/> listing every problem.</summary>
    public static WorkingCalendar Create(WorkingCalendarDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = definition.Validate();
        if (problems.Count > 0 || !WorkingCalendarDefinition.TryFindTimeZone(definition.TimeZoneId, out var zone))
        {
            throw new InvalidWorkingCalendarException(definition.Code, problems);
        }

        return new WorkingCalendar(definition, zone);
    }

    /// <summary>A calendar where every instant is working time (round-the-clock services).</summary>
    public static WorkingCalendar RoundTheClock(string code, string name, string timeZoneId) =>
        Create(new WorkingCalendarDefinition { Code = code, Name = name, TimeZoneId = timeZoneId, IsRoundTheClock = true });

    /// <summary>
    /// The instant at which <paramref name="workingTime"/> of working time has elapsed since
    /// <paramref name="startUtc"/>. A start outside working hours begins at the next working period, and an
    /// amount that runs out exactly at the end of a period gives that end (18:00, not 09:00 next morning).
    /// Zero returns the start unchanged. A negative amount counts backwards: the earliest instant from which
    /// that much working time remains until the start (used to place already-missed deadlines).
    /// </summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset startUtc, TimeSpan workingTime)
    {
        if (workingTime == TimeSpan.Zero)
        {
            return startUtc.ToUniversalTime();
        }

        var year = YearContaining(startUtc.UtcTicks);
        long target = year.WorkedBefore(startUtc.UtcTicks) + workingTime.Ticks;
        while (target > year.TotalTicks)
        {
            target -= year.TotalTicks;
            year = Year(year.Year + 1);
        }

        while (target <= 0)
        {
            year = Year(year.Year - 1);
            target += year.TotalTicks;
        }

        return new DateTimeOffset(year.InstantAfterWorking(target), TimeSpan.Zero);
    }

    /// <summary>
    /// Adds working days as the same clock time N working days later (<see cref="DayCounting.SameClockTime"/>):
    /// each day is <see cref="StandardWorkingDay"/> of working time, so a case opened at 16:00 with one day to
    /// go is due at 16:00 on the next working day.
    /// </summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset startUtc, int days) =>
        AddWorkingTime(startUtc, StandardWorkingDay * days);

    /// <summary>
    /// "Within N working days" as Chinese practice counts it (<see cref="DayCounting.WholeDays"/>): the close of
    /// the Nth working day after the local date of <paramref name="receivedUtc"/>, the receipt day itself never
    /// counting (received Friday at 10:00 with 1 day: the close of the next working day, maybe a make-up
    /// Saturday). The close is the end of that day's last working period; on a 24/7 calendar, midnight.
    /// </summary>
    public DateTimeOffset CloseOfWorkingDaysAfter(DateTimeOffset receivedUtc, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        var date = DateOnly.FromDateTime(_zone.ToLocal(receivedUtc.UtcTicks));
        var year = Year(date.Year);
        int target = year.WorkingDaysThrough(date.DayOfYear - 1) + days;
        while (target > year.WorkingDays)
        {
            target -= year.WorkingDays;
            year = Year(year.Year + 1);
        }

        return new DateTimeOffset(year.CloseOfWorkingDay(target), TimeSpan.Zero);
    }

    /// <summary>
    /// Whether this calendar knows a year's days off: a 24/7 calendar always does; otherwise the year needs
    /// holidays entered and either make-up working days or an administrator's confirmation that it has none
    /// (<see cref="WorkingCalendarDefinition.ConfirmedYears"/>). An unknown year is counted on the weekly pattern.
    /// </summary>
    public CalendarYearStatus StatusOf(int year) =>
        IsRoundTheClock ? CalendarYearStatus.Final
        : !_yearsWithDaysOff.Contains(year) ? CalendarYearStatus.NoHolidays
        : _yearsWithMakeUpDays.Contains(year) || Definition.ConfirmedYears.Contains(year) ? CalendarYearStatus.Final
        : CalendarYearStatus.AwaitingConfirmation;

    /// <summary>
    /// Whether a deadline counted from <paramref name="fromUtc"/> to <paramref name="toUtc"/> touches a local year
    /// whose days off are not known yet, so it may move when they are entered.
    /// </summary>
    public bool IsProvisionalBetween(DateTimeOffset fromUtc, DateTimeOffset toUtc)
    {
        if (IsRoundTheClock)
        {
            return false;
        }

        var (first, last) = (LocalYear(fromUtc), LocalYear(toUtc));
        for (int year = Math.Min(first, last); year <= Math.Max(first, last); year++)
        {
            if (StatusOf(year) != CalendarYearStatus.Final)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Working time elapsed between two instants. A reversed interval gives the negated amount, so
    /// between(a, b) + between(b, c) = between(a, c) in any order and a countdown past its deadline goes negative.
    /// </summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset fromUtc, DateTimeOffset toUtc)
    {
        long from = fromUtc.UtcTicks;
        long to = toUtc.UtcTicks;
        if (to < from)
        {
            return -WorkingTimeBetween(toUtc, fromUtc);
        }

        var fromYear = YearContaining(from);
        var toYear = YearContaining(to);
        if (fromYear.Year == toYear.Year)
        {
            return TimeSpan.FromTicks(toYear.WorkedBefore(to) - fromYear.WorkedBefore(from));
        }

        long worked = fromYear.TotalTicks - fromYear.WorkedBefore(from);
        for (int year = fromYear.Year + 1; year < toYear.Year; year++)
        {
            worked += Year(year).TotalTicks;
        }

        return TimeSpan.FromTicks(worked + toYear.WorkedBefore(to));
    }

    /// <summary>Whether the instant lies inside a working period (periods are half-open: 18:00 is already off).</summary>
    public bool IsWorkingTime(DateTimeOffset instant) => YearContaining(instant.UtcTicks).IsWorking(instant.UtcTicks);

    /// <summary>The instant itself when it is working time, otherwise the start of the next working period.</summary>
    public DateTimeOffset NextWorkingInstant(DateTimeOffset instant)
    {
        long utc = instant.UtcTicks;
        var year = YearContaining(utc);
        long? next = year.NextWorkingAtOrAfter(utc);
        while (next is null)
        {
            year = Year(year.Year + 1);
            next = year.NextWorkingAtOrAfter(year.StartUtc);
        }

        return new DateTimeOffset(next.Value, TimeSpan.Zero);
    }

    /// <summary>Working time on a local date in this calendar's zone (zero on days off).</summary>
    public TimeSpan WorkingTimeOn(DateOnly localDate) =>
        WorkingTimeBetween(LocalMidnight(localDate), LocalMidnight(localDate.AddDays(1)));

    public bool IsWorkingDay(DateOnly localDate) => WorkingTimeOn(localDate) > TimeSpan.Zero;

    public bool TryGetSpecialDay(DateOnly localDate, [NotNullWhen(true)] out SpecialDay? specialDay) =>
        _specialDays.TryGetValue(localDate, out specialDay);

    private int LocalYear(DateTimeOffset instant) => YearContaining(instant.UtcTicks).Year;

    private DateTimeOffset LocalMidnight(DateOnly localDate) =>
        new(_zone.ToUtcTicks(localDate.ToDateTime(TimeOnly.MinValue)), TimeSpan.Zero);

    private long[] PeriodsOn(DateOnly localDate)
    {
        if (_specialDays.TryGetValue(localDate, out var special))
        {
            return special.Kind switch
            {
                SpecialDayKind.DayOff => NoPeriods,
                SpecialDayKind.WorkingDay => _periodsByWeekday[(int)Definition.StandardWeekday],
                _ => throw new InvalidOperationException($"Unknown special day kind {special.Kind}."),
            };
        }

        return _periodsByWeekday[(int)localDate.DayOfWeek];
    }

    private WorkingYear YearContaining(long utcTicks)
    {
        // The local year is the UTC year or one either side; the compiled bounds settle which.
        int guess = utcTicks >= DateTime.MinValue.Ticks && utcTicks <= DateTime.MaxValue.Ticks
            ? new DateTime(utcTicks, DateTimeKind.Utc).Year
            : 0;
        var year = Year(guess);
        if (utcTicks < year.StartUtc)
        {
            return Year(guess - 1);
        }

        return utcTicks >= year.EndUtc ? Year(guess + 1) : year;
    }

    private WorkingYear Year(int year)
    {
        if (year is < FirstSupportedYear or > LastSupportedYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year,
                "Working time can only be computed for local years 2 to 9998.");
        }

        return _years.GetOrAdd(year, static (y, calendar) =>
            WorkingYear.Compile(y, calendar._zone, calendar.PeriodsOn), this);
    }
}
