using ComplaintPortal.Domain.Cases;

namespace ComplaintPortal.Domain.Reporting;

/// <summary>
/// Which line of the statistics a figure is on: every complaint, or one category's (null with
/// <see cref="Uncategorised"/>: not yet assessed), one channel's, one department's, one kind of solution's, one cause
/// category's (<see cref="CauseNotFiled"/>: findings filed under none), one group of a free-text field's (a product, a customer
/// group), or one bar of when they came in: an hour of the day (<see cref="Hour"/>, 0 to 23) or a day of the week
/// (<see cref="Weekday"/>, Monday 0), in the organisation's time as <see cref="ReceivedTimes"/> counts them.
/// </summary>
public sealed record StatisticsSlice(int? CategoryId = null, bool Uncategorised = false, ComplaintChannel? Channel = null, int? DepartmentId = null,
    string? SolutionTypeCode = null, TextGroup? Text = null, string? CauseCategoryCode = null, bool CauseNotFiled = false,
    int? Hour = null, int? Weekday = null)
{
    public static readonly StatisticsSlice All = new();

    /// <summary>The complaints received in one hour of the day (0 to 23), on any day of the period.</summary>
    public static StatisticsSlice AtHour(int hour)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hour);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hour, 23);
        return new(Hour: hour);
    }

    /// <summary>The complaints received on one day of the week (Monday 0 to Sunday 6), in any week of the period.</summary>
    public static StatisticsSlice OnWeekday(int weekday)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(weekday);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(weekday, 6);
        return new(Weekday: weekday);
    }

    /// <summary>Whether this is a bar of the received times, which the database cannot pick: the hour and day are the organisation's.</summary>
    internal bool ByTime => Hour is not null || Weekday is not null;

    /// <summary>Whether a complaint received at <paramref name="at"/> is on this slice's hour and day (any, where none is set).</summary>
    internal bool TakesTime(DateTimeOffset at, TimeZoneInfo zone) =>
        (Hour is not { } hour || ReceivedTimes.HourOf(at, zone) == hour) && (Weekday is not { } day || ReceivedTimes.WeekdayOf(at, zone) == day);

    public static StatisticsSlice Category(int? categoryId) => categoryId is null ? new(Uncategorised: true) : new(CategoryId: categoryId);

    /// <summary>A cause category's line, or with no code the line of findings filed under none.</summary>
    public static StatisticsSlice Cause(string? causeCategoryCode) =>
        causeCategoryCode is null ? new(CauseNotFiled: true) : new(CauseCategoryCode: causeCategoryCode);
}
