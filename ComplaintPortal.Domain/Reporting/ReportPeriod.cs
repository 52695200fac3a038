namespace ComplaintPortal.Domain.Reporting;

public enum ReportPeriodKind
{
    Month = 0,
    Quarter = 1,
    Year = 2,
}

/// <summary>A calendar month, quarter or year in the organisation's time zone, as a half-open UTC range.</summary>
public sealed record ReportPeriod(ReportPeriodKind Kind, int Year, int Number)
{
    /// <summary>The first year a period may be in (reports, sampling, holiday imports).</summary>
    public const int FirstYear = 2000;

    /// <summary>The last year a period may be in.</summary>
    public const int LastYear = 2100;

    public static bool YearInRange(int year) => year is >= FirstYear and <= LastYear;

    public static ReportPeriod Containing(ReportPeriodKind kind, DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return kind switch
        {
            ReportPeriodKind.Month => new(kind, local.Year, local.Month),
            ReportPeriodKind.Quarter => new(kind, local.Year, ((local.Month - 1) / 3) + 1),
            ReportPeriodKind.Year => new(kind, local.Year, 1),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    /// <summary>The <paramref name="count"/> months that end with this period's last month, oldest first.</summary>
    public IReadOnlyList<ReportPeriod> MonthsEndingHere(int count)
    {
        var last = Kind switch
        {
            ReportPeriodKind.Month => new DateOnly(Year, Number, 1),
            ReportPeriodKind.Quarter => new DateOnly(Year, Number * 3, 1),
            ReportPeriodKind.Year => new DateOnly(Year, 12, 1),
            _ => throw new InvalidOperationException($"Unknown period kind {Kind}."),
        };
        return Enumerable.Range(0, count).Reverse().Select(back => last.AddMonths(-back))
            .Select(d => new ReportPeriod(ReportPeriodKind.Month, d.Year, d.Month)).ToList();
    }

    /// <summary>The months this period spans, first to last (a method: a period is serialized with the figures).</summary>
    public IReadOnlyList<ReportPeriod> Months() => MonthsEndingHere(Kind switch
    {
        ReportPeriodKind.Month => 1,
        ReportPeriodKind.Quarter => 3,
        _ => 12,
    });

    /// <summary>A month (one of <see cref="Months"/>) as the kept counts key it: year × 100 + month.</summary>
    internal int MonthKey() => (Year * 100) + Number;

    public (DateTimeOffset From, DateTimeOffset To) UtcRange(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var (first, months) = Kind switch
        {
            ReportPeriodKind.Month => (new DateTime(Year, Number, 1), 1),
            ReportPeriodKind.Quarter => (new DateTime(Year, ((Number - 1) * 3) + 1, 1), 3),
            ReportPeriodKind.Year => (new DateTime(Year, 1, 1), 12),
            _ => throw new ArgumentOutOfRangeException(nameof(zone)),
        };
        return (Utc(first, zone), Utc(first.AddMonths(months), zone));
    }

    private static DateTimeOffset Utc(DateTime local, TimeZoneInfo zone) =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
}
