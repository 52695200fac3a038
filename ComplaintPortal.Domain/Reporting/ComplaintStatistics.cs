using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Reporting;

/// <summary>A case behind a figure: its number, when it came in, its type and channel, where it stands and the callback's answers (result, attitude).</summary>
public sealed record StatisticsCase(string CaseNumber, DateTimeOffset ReceivedAt, int? CategoryId, ComplaintChannel Channel, CaseStage Stage, bool? Satisfied,
    bool? Attitude = null);

/// <summary>A category's line, with the complaints received under it in the period before (of the same length), the rise showing a hot spot.</summary>
public sealed record CategoryStatistics(int? CategoryId, StatisticsLine Line, int ReceivedBefore)
{
    public int Change => Line.Received - ReceivedBefore;
}

/// <summary>A channel's line.</summary>
public sealed record ChannelStatistics(ComplaintChannel Channel, StatisticsLine Line);

/// <summary>A department's line: the complaints sent to it (a case with tasks for two departments counts for each).</summary>
public sealed record DepartmentStatistics(int DepartmentId, StatisticsLine Line);

/// <summary>A kind of solution's line: the complaints for which a department chose it (one with two kinds counts for each).</summary>
public sealed record SolutionStatistics(string SolutionTypeCode, StatisticsLine Line);

/// <summary>
/// A cause category's line: the complaints whose root cause a department filed under it (one with two causes counts for
/// each), with those of the period before, the rise showing a cause to look into. With no code: the complaints with findings
/// but no cause filed, so a manager sees how much of the table is missing.
/// </summary>
public sealed record CauseStatistics(string? CauseCategoryCode, StatisticsLine Line, int ReceivedBefore)
{
    public int Change => Line.Received - ReceivedBefore;
}

/// <summary>The complaints received in one month of the trend.</summary>
public sealed record MonthReceived(ReportPeriod Month, int Received);

/// <summary>
/// The statistics of one period: all complaints, by category (with the period before), by channel, by department, by kind of
/// solution, by cause, by product, by customer group and by place, the received per month, and when in the day and week they came in.
/// </summary>
public sealed record ComplaintStatisticsResult(
    ReportPeriod Period,
    ReportPeriod Before,
    StatisticsLine Total,
    IReadOnlyList<CategoryStatistics> ByCategory,
    IReadOnlyList<ChannelStatistics> ByChannel,
    IReadOnlyList<DepartmentStatistics> ByDepartment,
    IReadOnlyList<MonthReceived> Trend,
    IReadOnlyList<SolutionStatistics> BySolution,
    IReadOnlyList<CauseStatistics> ByCause,
    IReadOnlyList<TextStatistics> ByProduct,
    IReadOnlyList<TextStatistics> ByCustomerGroup,
    IReadOnlyList<TextStatistics> ByLocation,
    ReceivedTimes Times);

/// <summary>
/// Counts the complaints received in a period by category, channel, department, kind of solution, product and customer
/// group (TextGroups) (a case sent to two departments counts
/// once for each and once in the total), with the callbacks' satisfaction, reopened cases and repeat callers (a case whose
/// phone had complained before, at any time). Invalid and duplicate complaints are not complaints and are left out;
/// withdrawn ones count. Read at once from the period's cases (their index by received time): a month at 100,000 cases is a
/// few thousand rows.
/// </summary>
public sealed partial class ComplaintStatistics(PortalDbContext db)
{
    /// <summary>How many months the trend shows, ending with the period's last month.</summary>
    public const int TrendMonths = 12;

    private static readonly CaseStage[] NotComplaints = [CaseStage.Invalid, CaseStage.Duplicate];

    /// <summary>What the figures are counted from, one per complaint (a class with setters: the database filters on it when listing).</summary>
    internal sealed class Fact
    {
        public int Id { get; init; }
        public string CaseNumber { get; init; } = "";
        public DateTimeOffset ReceivedAt { get; init; }
        public int? CategoryId { get; init; }
        public ComplaintChannel Channel { get; init; }
        public CaseStage Stage { get; init; }
        public bool? Satisfied { get; init; }
        public bool? Attitude { get; init; }
        public string? Product { get; init; }
        public string? CustomerGroup { get; init; }
        public string? Location { get; init; }
        public bool Reopened { get; init; }
        /// <summary>The caller's phone had complained before, at any time.</summary>
        public bool Repeat { get; init; }

        /// <summary>What the clerk typed in a free-text field.</summary>
        public string? Text(StatisticsText field) => field switch
        {
            StatisticsText.Product => Product,
            StatisticsText.CustomerGroup => CustomerGroup,
            _ => Location,
        };
    }

    /// <summary>Whether a case in this stage is a complaint: invalid and duplicate ones are not, and are left out.</summary>
    internal static bool IsComplaint(CaseStage stage) => !NotComplaints.Contains(stage);

    /// <param name="departmentId">
    /// One department's statistics (a department head's): only the complaints sent to it, and only its own line by department.
    /// </param>
    /// <remarks>
    /// Read from the kept counts (<see cref="StatisticsCounts"/>) when they are kept in <paramref name="zone"/>: a year reads
    /// twelve months of rows per line, however many cases it holds. Otherwise counted from the cases (<see cref="ComputeAsync"/>).
    /// </remarks>
    public async Task<ComplaintStatisticsResult> ReadAsync(ReportPeriod period, TimeZoneInfo zone, int? departmentId = null,
        CancellationToken cancellationToken = default)
    {
        return await ReadIfKeptAsync(period, zone, departmentId, cancellationToken) ?? await ComputeAsync(period, zone, departmentId, cancellationToken);
    }

    /// <summary>The statistics read from the kept counts, or null when they are not kept in <paramref name="zone"/> (being built).</summary>
    /// <param name="departmentId">As given to <see cref="ReadAsync"/>.</param>
    public async Task<ComplaintStatisticsResult?> ReadIfKeptAsync(ReportPeriod period, TimeZoneInfo zone, int? departmentId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(zone);
        return await StatisticsCounts.IsKeptAsync(db, zone, cancellationToken) ? await ReadKeptAsync(period, zone, departmentId, cancellationToken) : null;
    }

    /// <summary>The statistics counted from the period's cases, each read: what the kept counts must always equal.</summary>
    /// <param name="departmentId">As given to <see cref="ReadAsync"/>.</param>
    public async Task<ComplaintStatisticsResult> ComputeAsync(ReportPeriod period, TimeZoneInfo zone, int? departmentId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(zone);
        var (from, to) = period.UtcRange(zone);
        var cases = Received(from, to, departmentId);
        var facts = await Facts(cases).ToListAsync(cancellationToken);
        var tasks = await db.DepartmentTasks.AsNoTracking()
            .Where(t => (departmentId == null || t.DepartmentId == departmentId) && cases.Any(c => c.Id == t.ComplaintId))
            .Select(t => new { t.ComplaintId, t.DepartmentId, t.SolutionTypeCode, t.CauseCategoryCode })
            .ToListAsync(cancellationToken);
        var departments = tasks.Select(t => (t.ComplaintId, t.DepartmentId)).Distinct().ToList();
        var solutions = tasks.Where(t => t.SolutionTypeCode != null).Select(t => (t.ComplaintId, Code: t.SolutionTypeCode!)).Distinct().ToList();
        // A complaint counts under each cause its departments filed, and under none filed when they recorded findings but filed no
        // cause (asked from the cases' side: the tasks are not read with their findings for it).
        var causes = tasks.Where(t => t.CauseCategoryCode != null).Select(t => (t.ComplaintId, Code: t.CauseCategoryCode)).Distinct()
            .Concat((await NotFiled(cases, departmentId).Select(c => c.Id).ToListAsync(cancellationToken)).Select(id => (ComplaintId: id, Code: (string?)null)))
            .ToList();

        var before = Before(period);
        var (beforeFrom, beforeTo) = before.UtcRange(zone);
        var causesBefore = await CausesCountedAsync(Received(beforeFrom, beforeTo, departmentId), departmentId, cancellationToken);
        // One read of the period before: its types' counts and what it typed in the free-text fields.
        var textsBefore = await Received(beforeFrom, beforeTo, departmentId)
            .Select(c => new { c.CategoryId, c.Subject.ProductModel, c.Complainant.CustomerGroup, c.Subject.Location })
            .ToListAsync(cancellationToken);

        var months = period.MonthsEndingHere(TrendMonths);
        var (trendFrom, _) = months[0].UtcRange(zone);
        var trendDates = await Received(trendFrom, to, departmentId).Select(c => c.ReceivedAt).ToListAsync(cancellationToken);

        var byId = facts.ToDictionary(f => f.Id);
        // A line of the complaints a task table's key (a department, a kind of solution, a cause) holds, each once.
        StatisticsLine LineOf(IEnumerable<int> complaintIds) => StatisticsLine.Of([.. complaintIds.Select(id => byId[id])]);
        var tallies = new Tallies(
            StatisticsLine.Of(facts),
            facts.GroupBy(f => f.CategoryId ?? 0).ToDictionary(g => g.Key, g => StatisticsLine.Of([.. g])),
            facts.GroupBy(f => f.Channel).ToDictionary(g => g.Key, g => StatisticsLine.Of([.. g])),
            departments.GroupBy(d => d.DepartmentId).ToDictionary(g => g.Key, g => LineOf(g.Select(d => d.ComplaintId))),
            solutions.GroupBy(d => d.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => LineOf(g.Select(d => d.ComplaintId)), StringComparer.Ordinal),
            causes.GroupBy(d => d.Code ?? "", StringComparer.Ordinal).ToDictionary(g => g.Key, g => LineOf(g.Select(d => d.ComplaintId)), StringComparer.Ordinal),
            PerText<IReadOnlyDictionary<string, StatisticsLine>>(field => facts.Where(f => f.Text(field) != null)
                .GroupBy(f => f.Text(field)!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => StatisticsLine.Of([.. g]), StringComparer.Ordinal)),
            PerText(field => StatisticsLine.Of([.. facts.Where(f => f.Text(field) == null)])),
            ReceivedTimes.Of(facts.Select(f => f.ReceivedAt), zone));
        var then = new TalliesBefore(
            textsBefore.GroupBy(c => c.CategoryId ?? 0).ToDictionary(g => g.Key, g => g.Count()),
            causesBefore,
            PerText(field => TextsBefore.Of(textsBefore.Select(t => field switch
            {
                StatisticsText.Product => t.ProductModel,
                StatisticsText.CustomerGroup => t.CustomerGroup,
                _ => t.Location,
            }))));
        var perMonth = trendDates.GroupBy(d => ReportPeriod.Containing(ReportPeriodKind.Month, d, zone)).ToDictionary(g => g.Key, g => g.Count());
        return Result(period, tallies, then, [.. months.Select(m => new MonthReceived(m, perMonth.GetValueOrDefault(m)))]);
    }

    /// <summary>A period's figures by line, before they are ordered into a result. Keys: a category's id (0: none), a cause's code ("": none filed).</summary>
    private sealed record Tallies(
        StatisticsLine Total,
        IReadOnlyDictionary<int, StatisticsLine> ByCategory,
        IReadOnlyDictionary<ComplaintChannel, StatisticsLine> ByChannel,
        IReadOnlyDictionary<int, StatisticsLine> ByDepartment,
        IReadOnlyDictionary<string, StatisticsLine> BySolution,
        IReadOnlyDictionary<string, StatisticsLine> ByCause,
        IReadOnlyDictionary<StatisticsText, IReadOnlyDictionary<string, StatisticsLine>> BySpelling,
        IReadOnlyDictionary<StatisticsText, StatisticsLine> NotGiven,
        ReceivedTimes Times);

    /// <summary>What the period before received, by the lines that compare with it.</summary>
    private sealed record TalliesBefore(
        IReadOnlyDictionary<int, int> ByCategory,
        IReadOnlyDictionary<string, int> ByCause,
        IReadOnlyDictionary<StatisticsText, TextsBefore> Texts);

    /// <summary>The lines in their order: most complaints first, a type or cause with complaints only before after those with some now.</summary>
    private static ComplaintStatisticsResult Result(ReportPeriod period, Tallies now, TalliesBefore before, IReadOnlyList<MonthReceived> trend)
    {
        var categories = now.ByCategory
            .Select(c => new CategoryStatistics(c.Key == 0 ? null : c.Key, c.Value, before.ByCategory.GetValueOrDefault(c.Key)))
            // A type with complaints only in the period before: none now, its fall shown.
            .Concat(before.ByCategory.Where(b => !now.ByCategory.ContainsKey(b.Key))
                .Select(b => new CategoryStatistics(b.Key == 0 ? null : b.Key, StatisticsLine.Empty, b.Value)))
            .OrderByDescending(c => c.Line.Received).ThenByDescending(c => c.ReceivedBefore).ThenBy(c => c.CategoryId ?? int.MaxValue)
            .ToList();
        return new ComplaintStatisticsResult(
            period,
            Before(period),
            now.Total,
            categories,
            [.. now.ByChannel.OrderBy(c => c.Key).Select(c => new ChannelStatistics(c.Key, c.Value))],
            [.. now.ByDepartment.Select(d => new DepartmentStatistics(d.Key, d.Value)).OrderByDescending(d => d.Line.Received).ThenBy(d => d.DepartmentId)],
            trend,
            [.. now.BySolution.Select(d => new SolutionStatistics(d.Key, d.Value))
                .OrderByDescending(d => d.Line.Received).ThenBy(d => d.SolutionTypeCode, StringComparer.Ordinal)],
            [.. now.ByCause.Select(d => new CauseStatistics(Code(d.Key), d.Value, before.ByCause.GetValueOrDefault(d.Key)))
                // A cause filed only in the period before: none now, its fall shown.
                .Concat(before.ByCause.Where(b => !now.ByCause.ContainsKey(b.Key)).Select(b => new CauseStatistics(Code(b.Key), StatisticsLine.Empty, b.Value)))
                // The line of findings filed under no cause comes last, whatever its count.
                .OrderBy(d => d.CauseCategoryCode is null).ThenByDescending(d => d.Line.Received).ThenByDescending(d => d.ReceivedBefore)
                .ThenBy(d => d.CauseCategoryCode, StringComparer.Ordinal)],
            TextLines(StatisticsText.Product),
            TextLines(StatisticsText.CustomerGroup),
            TextLines(StatisticsText.Location),
            now.Times);

        IReadOnlyList<TextStatistics> TextLines(StatisticsText field) => TextGroups.Lines(field, now.BySpelling[field], now.NotGiven[field], before.Texts[field]);
    }

    /// <summary>One value for each free-text field the statistics group by.</summary>
    private static Dictionary<StatisticsText, T> PerText<T>(Func<StatisticsText, T> of) => Enum.GetValues<StatisticsText>().ToDictionary(field => field, of);

    /// <summary>The complaints whose departments (a head's: their own) recorded findings and filed no cause.</summary>
    private static IQueryable<Complaint> NotFiled(IQueryable<Complaint> cases, int? departmentId) =>
        cases.Where(c => c.Tasks.Any(t => t.Findings != null && (departmentId == null || t.DepartmentId == departmentId))
            && !c.Tasks.Any(t => t.CauseCategoryCode != null && (departmentId == null || t.DepartmentId == departmentId)));

    /// <summary>
    /// The causes of <paramref name="cases"/> as the period's are counted, counted by the database from the cases' side (their
    /// received-time index, then each one's tasks): the period before's causes are only counted, not listed. Keyed by code; the
    /// empty key is the findings filed under none. Counted from the tasks' side instead, a month before took 135 ms rather
    /// than 7 (bench/README.md, "By cause").
    /// </summary>
    private static async Task<Dictionary<string, int>> CausesCountedAsync(IQueryable<Complaint> cases, int? departmentId,
        CancellationToken cancellationToken)
    {
        var counted = await cases
            .SelectMany(c => c.Tasks.Where(t => t.CauseCategoryCode != null && (departmentId == null || t.DepartmentId == departmentId)))
            .GroupBy(t => t.CauseCategoryCode!)
            .Select(g => new { Code = g.Key, Complaints = g.Select(t => t.ComplaintId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Code, g => g.Complaints, StringComparer.Ordinal, cancellationToken);
        var notFiled = await NotFiled(cases, departmentId).CountAsync(cancellationToken);
        if (notFiled > 0)
        {
            counted[""] = notFiled;
        }

        return counted;
    }

    /// <summary>A cause's key back to its code: the empty key is the findings filed under none.</summary>
    private static string? Code(string key) => key.Length == 0 ? null : key;

    /// <summary>The period of the same kind just before: the month, quarter or year before.</summary>
    public static ReportPeriod Before(ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.Kind switch
        {
            ReportPeriodKind.Month => period.Number == 1 ? period with { Year = period.Year - 1, Number = 12 } : period with { Number = period.Number - 1 },
            ReportPeriodKind.Quarter => period.Number == 1 ? period with { Year = period.Year - 1, Number = 4 } : period with { Number = period.Number - 1 },
            _ => period with { Year = period.Year - 1 },
        };
    }

    private IQueryable<Fact> Facts(IQueryable<Complaint> cases) => cases.Select(c => new Fact
    {
        Id = c.Id,
        CaseNumber = c.CaseNumber,
        ReceivedAt = c.ReceivedAt,
        CategoryId = c.CategoryId,
        Channel = c.Channel,
        Stage = c.Stage,
        Satisfied = c.SatisfiedWithResult,
        Attitude = c.SatisfiedWithAttitude,
        Product = c.Subject.ProductModel,
        CustomerGroup = c.Complainant.CustomerGroup,
        Location = c.Subject.Location,
        Reopened = c.ReopenCount > 0,
        Repeat = c.PhoneKey != null && db.Complaints.Any(p => p.PhoneKey == c.PhoneKey && p.ReceivedAt < c.ReceivedAt && p.Id != c.Id),
    });

    private IQueryable<Complaint> Received(DateTimeOffset from, DateTimeOffset to, int? departmentId)
    {
        var received = db.Complaints.AsNoTracking().Where(c => c.ReceivedAt >= from && c.ReceivedAt < to && !NotComplaints.Contains(c.Stage));
        return departmentId is null ? received : received.Where(c => c.Tasks.Any(t => t.DepartmentId == departmentId));
    }
}
