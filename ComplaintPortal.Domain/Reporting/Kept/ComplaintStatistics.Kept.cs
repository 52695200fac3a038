using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Reporting;

/// <summary>The statistics read from the kept counts: the period's months summed by the database, line by line.</summary>
public sealed partial class ComplaintStatistics
{
    private static readonly StatisticsCountLine[] ComparedLines =
        [StatisticsCountLine.Category, StatisticsCountLine.Cause, StatisticsCountLine.Product, StatisticsCountLine.CustomerGroup, StatisticsCountLine.Location];

    private async Task<ComplaintStatisticsResult> ReadKeptAsync(ReportPeriod period, TimeZoneInfo zone, int? departmentId, CancellationToken ct)
    {
        var scope = departmentId ?? StatisticsCount.WholeOrganisation;
        var rows = db.Set<StatisticsCount>().AsNoTracking().Where(r => r.Scope == scope);
        var months = MonthKeys(period);
        var now = await rows.Where(r => months.Contains(r.Month)).SumBy(r => new { r.Line, r.Key }).ToListAsync(ct);
        var monthsBefore = MonthKeys(Before(period));
        var then = await rows.Where(r => monthsBefore.Contains(r.Month) && ComparedLines.Contains(r.Line)).SumBy(r => new { r.Line, r.Key }).ToListAsync(ct);
        var trend = period.MonthsEndingHere(TrendMonths);
        var trendKeys = trend.Select(m => m.MonthKey()).ToList();
        var perMonth = await rows.Where(r => r.Line == StatisticsCountLine.Total && trendKeys.Contains(r.Month)).SumBy(r => r.Month)
            .ToDictionaryAsync(m => m.Key, m => m.Line.Received, ct);

        // A cell whose rows cancel out (a complaint counted, then moved elsewhere) is no line.
        var lines = now.Where(l => l.Line.Received != 0).ToLookup(l => l.Key.Line, l => (l.Key.Key, Count: l.Line));
        var before = then.Where(l => l.Line.Received != 0).ToLookup(l => l.Key.Line, l => (l.Key.Key, l.Line.Received));
        Dictionary<string, StatisticsLine> Spellings(StatisticsCountLine line) =>
            lines[line].Where(l => l.Key.Length > 0).ToDictionary(l => l.Key, l => l.Count, StringComparer.Ordinal);
        StatisticsLine NotGiven(StatisticsCountLine line) => lines[line].Where(l => l.Key.Length == 0).Select(l => l.Count).FirstOrDefault() ?? StatisticsLine.Empty;
        TextsBefore TextsOf(StatisticsCountLine line) => new(
            before[line].Where(l => l.Key.Length > 0).ToDictionary(l => l.Key, l => l.Received, StringComparer.Ordinal),
            before[line].Where(l => l.Key.Length == 0).Sum(l => l.Received));
        var byHour = new int[24];
        var byWeekday = new int[7];
        foreach (var (key, count) in lines[StatisticsCountLine.Hour])
        {
            byHour[Number(key)] = count.Received;
        }

        foreach (var (key, count) in lines[StatisticsCountLine.Weekday])
        {
            byWeekday[Number(key)] = count.Received;
        }

        var tallies = new Tallies(
            lines[StatisticsCountLine.Total].Select(l => l.Count).FirstOrDefault() ?? StatisticsLine.Empty,
            lines[StatisticsCountLine.Category].ToDictionary(l => CategoryOf(l.Key), l => l.Count),
            lines[StatisticsCountLine.Channel].ToDictionary(l => Enum.Parse<ComplaintChannel>(l.Key), l => l.Count),
            lines[StatisticsCountLine.Department].ToDictionary(l => Number(l.Key), l => l.Count),
            lines[StatisticsCountLine.Solution].ToDictionary(l => l.Key, l => l.Count, StringComparer.Ordinal),
            lines[StatisticsCountLine.Cause].ToDictionary(l => l.Key, l => l.Count, StringComparer.Ordinal),
            PerText<IReadOnlyDictionary<string, StatisticsLine>>(field => Spellings(CountLine(field))),
            PerText(field => NotGiven(CountLine(field))),
            new ReceivedTimes(byHour, byWeekday));
        var talliesBefore = new TalliesBefore(
            before[StatisticsCountLine.Category].ToDictionary(l => CategoryOf(l.Key), l => l.Received),
            before[StatisticsCountLine.Cause].ToDictionary(l => l.Key, l => l.Received, StringComparer.Ordinal),
            PerText(field => TextsOf(CountLine(field))));
        return Result(period, tallies, talliesBefore,
            [.. trend.Select(m => new MonthReceived(m, perMonth.GetValueOrDefault(m.MonthKey())))]);
    }

    /// <summary>
    /// How many of an hour's or a weekday's bar each month of <paramref name="period"/> holds for <paramref name="figure"/>,
    /// as kept (by month key; a month without rows holds none); null when the counts are not kept in <paramref name="zone"/>.
    /// </summary>
    private async Task<IReadOnlyDictionary<int, int>?> KeptBarMonthsAsync(StatisticsFigure figure, StatisticsSlice slice, TimeZoneInfo zone,
        ReportPeriod period, int? departmentId, CancellationToken ct)
    {
        var (line, bar) = (slice.Hour, slice.Weekday) switch
        {
            ({ } hour, null) => (StatisticsCountLine.Hour, hour),
            (null, { } day) => (StatisticsCountLine.Weekday, day),
            _ => (StatisticsCountLine.Total, -1),
        };
        if (bar < 0 || !await StatisticsCounts.IsKeptAsync(db, zone, ct))
        {
            return null;
        }

        var (scope, key, months) = (departmentId ?? StatisticsCount.WholeOrganisation, bar.ToString(CultureInfo.InvariantCulture), MonthKeys(period));
        var sums = await db.Set<StatisticsCount>().AsNoTracking()
            .Where(r => r.Scope == scope && r.Line == line && r.Key == key && months.Contains(r.Month))
            .SumBy(r => r.Month).ToListAsync(ct);
        return sums.ToDictionary(s => s.Key, s => s.Line.Count(figure));
    }

    /// <summary>The months a period spans, as the kept counts key them (year × 100 + month).</summary>
    private static List<int> MonthKeys(ReportPeriod period) => [.. period.Months().Select(m => m.MonthKey())];

    /// <summary>The kept line of a free-text field.</summary>
    private static StatisticsCountLine CountLine(StatisticsText field) => field switch
    {
        StatisticsText.Product => StatisticsCountLine.Product,
        StatisticsText.CustomerGroup => StatisticsCountLine.CustomerGroup,
        _ => StatisticsCountLine.Location,
    };

    private static int CategoryOf(string key) => key.Length == 0 ? 0 : Number(key);

    private static int Number(string key) => int.Parse(key, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>
    /// The cases as the kept counts counted them (<see cref="StatisticsContribution"/>), with their phone: the same answers
    /// as <see cref="Facts"/>, but whether a call is a repeat as it was counted (<see cref="StatisticsCallerAnswer"/>).
    /// </summary>
    internal static IQueryable<StoredCase> Counted(PortalDbContext db, IQueryable<Complaint> cases) => cases.Select(c => new StoredCase(c.Id, c.PhoneKey,
        new CountedCase(c.ReceivedAt, c.Stage, c.CategoryId, c.Channel, c.SatisfiedWithResult, c.SatisfiedWithAttitude, c.ReopenCount > 0,
            db.Set<StatisticsCallerAnswer>().Any(a => a.ComplaintId == c.Id && a.Repeat),
            c.Subject.ProductModel, c.Complainant.CustomerGroup, c.Subject.Location),
        db.Set<StatisticsCallerAnswer>().Any(a => a.ComplaintId == c.Id)));

    /// <summary>The ids of the <paramref name="cases"/> that are repeat calls: their phone complained earlier (the rule of <see cref="Facts"/>).</summary>
    internal static IQueryable<int> RepeatCalls(PortalDbContext db, IQueryable<Complaint> cases) =>
        cases.Where(c => c.PhoneKey != null && db.Complaints.Any(p => p.PhoneKey == c.PhoneKey && p.ReceivedAt < c.ReceivedAt && p.Id != c.Id)).Select(c => c.Id);

    /// <summary>The department tasks as the kept counts count them.</summary>
    internal static IQueryable<StoredTask> Counted(IQueryable<DepartmentTask> tasks) => tasks.Select(t => new StoredTask(t.Id, t.ComplaintId,
        new CountedTask(t.DepartmentId, t.SolutionTypeCode, t.CauseCategoryCode, t.Findings != null)));

    /// <summary>A stored case as counted, with its phone (whose other calls decide whether it is a repeat).</summary>
    internal sealed record StoredCase(int Id, string? PhoneKey, CountedCase Counted, bool Answered)
    {
        /// <summary>Its answer about repeat calls as kept (<see cref="StatisticsCallerAnswer"/>), if one is.</summary>
        public bool? Answer => Answered ? Counted.Repeat : null;
    }

    /// <summary>A stored department task as counted.</summary>
    internal sealed record StoredTask(int Id, int ComplaintId, CountedTask Counted);
}
