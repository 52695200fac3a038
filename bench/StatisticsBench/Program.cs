using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

// Times what the statistics page reads for one period and the whole organisation, on a generated database, each run on a
// fresh DbContext as the page's scope gives it: from the kept counts (ComplaintStatistics.ReadAsync, building the counts
// first if the file has none, timed on its own) or, with --computed, counted from the cases (ComputeAsync). One warm-up
// run, then N timed runs; p50/p95 of the total and the process's CPU time per run. The warm-up prints each query's time
// from its start to its reader closing (rows read included), so the slow reads show. With --compare, the kept figures are
// checked against the counted ones, for the whole organisation and every department. With --list-hour H, one hour's bar is
// then listed as its dialog pages it (first, quarter, middle, three-quarter and last page, three times each).
// Usage: dotnet run -c Release --project bench/StatisticsBench -- --db /path/cases.db [--runs 5] [--period year|quarter|month]
//        [--year 2026] [--number 11] [--computed] [--compare] [--list-hour 10] [--list-figures] | --writes N (the cost to a save: Writes.cs)
var dbPath = Arg("--db", null) ?? throw new ArgumentException("--db path is required");
if (!File.Exists(dbPath))
{
    throw new FileNotFoundException("No such database", dbPath);
}

var runs = int.Parse(Arg("--runs", "5")!, CultureInfo.InvariantCulture);
var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
var now = TimeProvider.System.GetUtcNow();
var year = int.Parse(Arg("--year", ReportPeriod.Containing(ReportPeriodKind.Year, now, zone).Year.ToString(CultureInfo.InvariantCulture))!,
    CultureInfo.InvariantCulture);
var number = int.Parse(Arg("--number", "1")!, CultureInfo.InvariantCulture);
var period = Arg("--period", "year") switch
{
    "month" => new ReportPeriod(ReportPeriodKind.Month, year, number),
    "quarter" => new ReportPeriod(ReportPeriodKind.Quarter, year, number),
    _ => new ReportPeriod(ReportPeriodKind.Year, year, 1),
};
var computed = args.Contains("--computed");

#if DEBUG
Say("WARNING: Debug build; run with -c Release for meaningful figures.");
#endif

var timer = new QueryTimer();
var options = new DbContextOptionsBuilder<SqlitePortalDbContext>();
PortalDatabase.ConfigureSqlite(options, new SqliteConnectionStringBuilder { DataSource = dbPath, Mode = SqliteOpenMode.ReadWrite }.ToString());
options.UseIdentitySchema();
options.AddInterceptors(timer);
var migrate = Stopwatch.StartNew();
await using (var db = new SqlitePortalDbContext(options.Options))
{
    await PortalDatabaseInitializer.MigrateAndSeedAsync(db);
}

Say($"Database migrated in {migrate.Elapsed.TotalSeconds:F1} s");
var process = Process.GetCurrentProcess();
await using (var db = new SqlitePortalDbContext(options.Options))
{
    var kept = await StatisticsCounts.IsKeptAsync(db, zone);
    process.Refresh();
    var cpuBefore = process.TotalProcessorTime;
    var build = Stopwatch.StartNew();
    await StatisticsCounts.EnsureAsync(db, zone, now);
    process.Refresh();
    Say(kept ? "statistics counts already kept" : $"statistics counts built (start-up backfill) in {build.Elapsed.TotalSeconds:F1} s, "
        + $"CPU {(process.TotalProcessorTime - cpuBefore).TotalSeconds:F1} s; {await db.Set<StatisticsCount>().CountAsync():N0} rows; load average {LoadAverage()}");
    if (args.Contains("--compare"))
    {
        var departments = await db.Departments.Select(d => (int?)d.Id).ToListAsync();
        var differ = 0;
        foreach (var department in departments.Prepend(null))
        {
            var statistics = new ComplaintStatistics(db);
            var counted = JsonSerializer.Serialize(await statistics.ComputeAsync(period, zone, department));
            differ += counted == JsonSerializer.Serialize(await statistics.ReadAsync(period, zone, department)) ? 0 : 1;
        }

        Say($"kept against counted, whole organisation and {departments.Count} departments: {(differ == 0 ? "all equal" : $"{differ} differ")}");
    }
}

if (Arg("--writes", null) is { } writes)
{
    await StatisticsBench.Writes.RunAsync(options.Options, zone, int.Parse(writes, CultureInfo.InvariantCulture), LoadAverage, Say);
    return;
}

Say($"Statistics ({(computed ? "counted from the cases" : "kept counts")}) of {period.Kind} {period.Year}/{period.Number}, all departments, on {dbPath} ({new FileInfo(dbPath).Length / 1024.0 / 1024.0:N0} MB); "
    + $"{runs} timed runs after one warm-up; load average {LoadAverage()}");

var (totals, cpus) = (new List<double>(), new List<double>());
for (var run = 0; run <= runs; run++)
{
    timer.Reads.Clear();
    process.Refresh();
    var cpuBefore = process.TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    ComplaintStatisticsResult result;
    await using (var db = new SqlitePortalDbContext(options.Options))
    {
        var statistics = new ComplaintStatistics(db);
        result = computed ? await statistics.ComputeAsync(period, zone) : await statistics.ReadAsync(period, zone);
    }

    var ms = watch.Elapsed.TotalMilliseconds;
    process.Refresh();
    var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
    var queries = timer.Reads.Sum(r => r.Ms);
    var line = $"{ms:F0} ms ({timer.Reads.Count} queries {queries:F0} ms, the rest {ms - queries:F0} ms), CPU {cpu:F0} ms; "
        + $"{result.Total.Received:N0} complaints, {result.Total.Closed:N0} closed, {result.Total.RepeatCallers:N0} repeat callers; load average {LoadAverage()}";
    if (run == 0)
    {
        Say("warm-up: " + line);
        foreach (var (sql, rows, queryMs) in timer.Reads)
        {
            Say($"  {queryMs,8:F0} ms {rows,9:N0} rows  {sql}");
        }

        continue;
    }

    totals.Add(ms);
    cpus.Add(cpu);
    Say($"run {run}: " + line);
}

Say($"p50 {Percentile(totals, 50):F0} ms, p95 {Percentile(totals, 95):F0} ms (max {totals.Max():F0}); CPU p50 {Percentile(cpus, 50):F0} ms");

if (Arg("--list-hour", null) is { } listHour)
{
    // Listing one hour's bar, as its dialog pages through it: the first page, a quarter in, the middle, three quarters in and the
    // last, three times each.
    var hour = int.Parse(listHour, CultureInfo.InvariantCulture);
    int total;
    await using (var db = new SqlitePortalDbContext(options.Options))
    {
        total = (await new ComplaintStatistics(db).ReadAsync(period, zone)).Times.ByHour[hour];
    }

    const int pageSize = 10;
    foreach (var (name, skip) in new[] { ("first", 0), ("a quarter in", total / 4 / pageSize * pageSize), ("middle", total / 2 / pageSize * pageSize),
        ("three quarters in", total * 3 / 4 / pageSize * pageSize), ("last", (total - 1) / pageSize * pageSize) })
    {
        var times = new List<double>();
        string? firstCase = null;
        for (var run = 0; run < 3; run++)
        {
            var watch = Stopwatch.StartNew();
            await using var db = new SqlitePortalDbContext(options.Options);
            var page = await new ComplaintStatistics(db).CasesAsync(StatisticsFigure.Received, StatisticsSlice.AtHour(hour), period, zone, null, skip, pageSize,
                total: total);
            times.Add(watch.Elapsed.TotalMilliseconds);
            firstCase = page.Count > 0 ? page[0].CaseNumber : "none";
        }

        Say($"hour {hour:D2}'s {total:N0} received, {name} page (from {skip:N0}): {string.Join(", ", times.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))} ms; first {firstCase}");
    }
}

if (args.Contains("--list-figures"))
{
    // The received complaints behind three figures of the period, as their dialogs page them: the whole organisation's, the
    // largest type's and the largest department's; five pages each, twice.
    ComplaintStatisticsResult read;
    await using (var db = new SqlitePortalDbContext(options.Options))
    {
        read = await new ComplaintStatistics(db).ReadAsync(period, zone);
    }

    var category = read.ByCategory.OrderByDescending(c => c.Line.Received).First();
    var department = read.ByDepartment.OrderByDescending(d => d.Line.Received).First();
    foreach (var (name, slice, total) in new[]
             {
                 ("all", StatisticsSlice.All, read.Total.Received),
                 ($"type {category.CategoryId}", new StatisticsSlice(CategoryId: category.CategoryId), category.Line.Received),
                 ($"department {department.DepartmentId}", new StatisticsSlice(DepartmentId: department.DepartmentId), department.Line.Received),
             })
    {
        const int size = 10;
        foreach (var (where, skip) in new[] { ("first", 0), ("a quarter in", total / 4 / size * size), ("middle", total / 2 / size * size),
            ("three quarters in", total * 3 / 4 / size * size), ("last", (total - 1) / size * size) })
        {
            var times = new List<double>();
            string? firstCase = null;
            for (var run = 0; run < 2; run++)
            {
                var watch = Stopwatch.StartNew();
                await using var db = new SqlitePortalDbContext(options.Options);
                var page = await new ComplaintStatistics(db).CasesAsync(StatisticsFigure.Received, slice, period, zone, null, skip, size, total: total);
                times.Add(watch.Elapsed.TotalMilliseconds);
                firstCase = page.Count > 0 ? page[0].CaseNumber : "none";
            }

            Say($"{name}'s {total:N0} received, {where} page (from {skip:N0}): {string.Join(", ", times.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))} ms; first {firstCase}");
        }
    }
}

static double Percentile(List<double> values, int percentile) => StatisticsBench.Writes.Percentile(values, percentile);

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

string? Arg(string name, string? fallback) =>
    Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;

static void Say(string message) => Console.WriteLine(message);

/// <summary>Each query's time from its command starting to its reader closing, with the rows read.</summary>
internal sealed class QueryTimer : DbCommandInterceptor
{
    public List<(string Sql, int Rows, double Ms)> Reads { get; } = [];

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        var sql = string.Join(' ', command.CommandText.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        Reads.Add((sql.Length > 160 ? sql[..160] + "…" : sql, eventData.ReadCount, eventData.Duration.TotalMilliseconds));
        return result;
    }
}
