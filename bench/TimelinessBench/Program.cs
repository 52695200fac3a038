using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Sla;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

// Times what the timeliness page loads for a year and all departments, on a generated database:
// the seed's per-complaint rate with the per-deadline drill-down (ComplaintTimelinessReport, which runs
// TimelinessReport.ComputeAsync) and the 12-month trend (TimelinessReport.MonthlyAsync), each run on a fresh
// DbContext as the page's scope gives it. One warm-up run, then N timed runs; p50/p95 of the total, and the
// process's CPU time per run (all threads), which the shared machine's load does not inflate.
// Usage: dotnet run -c Release --project bench/TimelinessBench -- --db /path/cases.db [--runs 10] [--year 2025] [--mode kept|computed] [--reference]
//        [--deep-pages] (kept: two lists paged to their middle and end)
// --mode kept (the default) times the page as it loads now, from the kept counts (KeptPage.cs); --mode computed times
// today's computation with every list, as before.
var dbPath = StringArg("--db", null) ?? throw new ArgumentException("--db path is required");
if (!File.Exists(dbPath))
{
    throw new FileNotFoundException("No such database", dbPath);
}

var runs = int.Parse(StringArg("--runs", "10")!, CultureInfo.InvariantCulture);
var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
var now = TimeProvider.System.GetUtcNow();
var year = int.Parse(StringArg("--year", (ReportPeriod.Containing(ReportPeriodKind.Year, now, zone).Year - 1).ToString(CultureInfo.InvariantCulture))!,
    CultureInfo.InvariantCulture);
var period = new ReportPeriod(ReportPeriodKind.Year, year, 1);
var months = period.MonthsEndingHere(12);

#if DEBUG
Say("WARNING: Debug build; run with -c Release for meaningful figures.");
#endif

var options = new DbContextOptionsBuilder<SqlitePortalDbContext>();
PortalDatabase.ConfigureSqlite(options, new SqliteConnectionStringBuilder { DataSource = dbPath, Mode = SqliteOpenMode.ReadWrite }.ToString());
options.UseIdentitySchema();
var calendars = new WorkingCalendarCache();
// A database generated before the report's indexes existed gets them here (not timed).
var migrate = Stopwatch.StartNew();
await using (var db = new SqlitePortalDbContext(options.Options))
{
    await PortalDatabaseInitializer.MigrateAndSeedAsync(db);
}

Say($"Database migrated in {migrate.Elapsed.TotalSeconds:F1} s");
if (StringArg("--mode", "kept") == "kept")
{
    // The page as it loads now: kept counts and one page of one list (KeptPage.cs); --reference compares with today's computation.
    Say($"Timeliness page (kept counts) for {year}, all departments, on {dbPath} ({new FileInfo(dbPath).Length / 1024.0 / 1024.0:N0} MB); {runs} timed runs after one warm-up; load average {LoadAverage()}");
    await TimelinessBench.KeptPage.RunAsync(options.Options, period, zone, now, runs, args.Contains("--reference"), LoadAverage, Say);
    if (args.Contains("--deep-pages"))
    {
        await TimelinessBench.KeptPage.DeepPagesAsync(options.Options, period, zone, now, Say);
    }

    return;
}

Say($"Timeliness page for {year}, all departments, on {dbPath} ({new FileInfo(dbPath).Length / 1024.0 / 1024.0:N0} MB); {runs} timed runs after one warm-up; load average {LoadAverage()}");

var totals = new List<double>();
var complaintTimes = new List<double>();
var trendTimes = new List<double>();
var cpuTimes = new List<double>();
var process = Process.GetCurrentProcess();
string? fingerprint = null;
for (var run = 0; run <= runs; run++)
{
    process.Refresh();
    var cpuBefore = process.TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    ComplaintTimelinessResult result;
    await using (var db = new SqlitePortalDbContext(options.Options))
    {
        result = await new ComplaintTimelinessReport(db, new TimelinessReport(db, calendars)).ComputeAsync(period, zone, now);
    }

    var complaintMs = watch.Elapsed.TotalMilliseconds;
    IReadOnlyList<MonthlyTimeliness> trend;
    await using (var db = new SqlitePortalDbContext(options.Options))
    {
        trend = await new TimelinessReport(db, calendars).MonthlyAsync(months, zone, now);
    }

    var totalMs = watch.Elapsed.TotalMilliseconds;
    process.Refresh();
    var cpuMs = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
    var print = Fingerprint(result, trend);
    if (fingerprint is not null && print != fingerprint)
    {
        Say("WARNING: the figures changed between runs (data changed, or the clock moved an open case past a deadline)");
    }

    fingerprint = print;
    if (run == 0)
    {
        Say($"warm-up: {totalMs:F0} ms (rate and drill-down {complaintMs:F0} ms, trend {totalMs - complaintMs:F0} ms), CPU {cpuMs:F0} ms");
        Describe(result, trend);
        continue;
    }

    totals.Add(totalMs);
    complaintTimes.Add(complaintMs);
    trendTimes.Add(totalMs - complaintMs);
    cpuTimes.Add(cpuMs);
    Say($"run {run}: {totalMs:F0} ms (rate and drill-down {complaintMs:F0} ms, trend {totalMs - complaintMs:F0} ms), CPU {cpuMs:F0} ms; load average {LoadAverage()}");
}

Say($"page total p50 {Percentile(totals, 50):F0} ms, p95 {Percentile(totals, 95):F0} ms (max {totals.Max():F0}); "
    + $"rate and drill-down p50 {Percentile(complaintTimes, 50):F0} / p95 {Percentile(complaintTimes, 95):F0} ms; "
    + $"trend p50 {Percentile(trendTimes, 50):F0} / p95 {Percentile(trendTimes, 95):F0} ms; "
    + $"CPU (all threads) p50 {Percentile(cpuTimes, 50):F0} / p95 {Percentile(cpuTimes, 95):F0} ms; load average {LoadAverage()}");
Say($"fingerprint of the figures {fingerprint}");

// For comparison: the same figures counted in SQL, without the lists behind them (see CountsInSql).
var counted = new List<double>();
for (var run = 0; run <= runs; run++)
{
    var (ms, summary) = await TimelinessBench.CountsInSql.RunAsync(dbPath, period, months, zone, now);
    if (run == 0)
    {
        Say($"counts in SQL, warm-up {ms:F0} ms: {summary}");
        continue;
    }

    counted.Add(ms);
}

Say($"counts in SQL (no lists): p50 {Percentile(counted, 50):F0} ms, p95 {Percentile(counted, 95):F0} ms (max {counted.Max():F0}); load average {LoadAverage()}");

void Describe(ComplaintTimelinessResult result, IReadOnlyList<MonthlyTimeliness> trend)
{
    var overall = result.Overall;
    Say($"  {overall.Cases.Count:N0} complaints, on time {overall.OnTime.Count:N0} = {overall.TimelinessRate}%, late {overall.Late.Count:N0}"
        + $" (open within limits {overall.OpenWithinLimits.Count:N0}), resolved {overall.ResolutionRate}% (target met: {overall.ResolutionTargetMet})");
    Say("  per department (complaints, on time %): " + string.Join(", ", result.Departments.Select(d => $"#{d.DepartmentId} {d.Cases.Count:N0} {d.TimelinessRate}%")));
    var perDeadline = result.PerDeadline;
    Say($"  per deadline: {perDeadline.Departments.Sum(d => d.Handled):N0} handled, {perDeadline.Departments.Sum(d => d.HandledOnTime):N0} on time,"
        + $" {perDeadline.Departments.Sum(d => d.DueInPeriod):N0} due, {perDeadline.Departments.Sum(d => d.ResolvedOfDue):N0} resolved of due, {perDeadline.Missed.Count:N0} missed");
    Say("  trend on-time %: " + string.Join(" ", trend.Select(m => $"{m.Month:D2}:{m.OnTimeRate}")));
}

static string Fingerprint(ComplaintTimelinessResult result, IReadOnlyList<MonthlyTimeliness> trend)
{
    var text = new StringBuilder();
    foreach (var row in result.Departments.Prepend(result.Overall))
    {
        text.Append(CultureInfo.InvariantCulture, $"{row.DepartmentId}:");
        foreach (var verdict in row.Cases)
        {
            text.Append(CultureInfo.InvariantCulture, $"{verdict.ComplaintId},{verdict.CaseNumber},{verdict.Stage},{verdict.IsResolved}");
            foreach (var m in verdict.Missed)
            {
                text.Append(CultureInfo.InvariantCulture, $"[{m.DepartmentId} {m.Kind} {m.DueAt.UtcTicks} {m.MetAt?.UtcTicks}]");
            }

            text.Append(';');
        }
    }

    foreach (var d in result.PerDeadline.Departments)
    {
        text.Append(CultureInfo.InvariantCulture, $"|{d.DepartmentId}:{d.Handled},{d.HandledOnTime},{d.DueInPeriod},{d.ResolvedOfDue}");
        foreach (var (kind, average) in d.AverageWorkingTime.OrderBy(a => a.Key))
        {
            text.Append(CultureInfo.InvariantCulture, $",{kind}={average.Ticks}");
        }

        // In a fixed order: the lists' order is the database's and carries no meaning.
        foreach (var f in d.HandledDeadlines.Concat(d.DueDeadlines).OrderBy(f => f.ComplaintId).ThenBy(f => f.Kind).ThenBy(f => f.DepartmentId).ThenBy(f => f.DueAt))
        {
            text.Append(CultureInfo.InvariantCulture, $"({f.ComplaintId} {f.CaseNumber} {f.Kind} {f.DueAt.UtcTicks} {f.MetAt?.UtcTicks} {f.WorkingTimeUsed?.Ticks})");
        }
    }

    foreach (var m in result.PerDeadline.Missed.OrderBy(m => m.ComplaintId).ThenBy(m => m.Kind).ThenBy(m => m.DepartmentId).ThenBy(m => m.DueAt))
    {
        text.Append(CultureInfo.InvariantCulture, $"<{m.ComplaintId} {m.DepartmentId} {m.Kind} {m.DueAt.UtcTicks}>");
    }

    foreach (var m in trend)
    {
        text.Append(CultureInfo.InvariantCulture, $"{m.Year}-{m.Month}:{m.Handled},{m.HandledOnTime},{m.DueInPeriod},{m.ResolvedOfDue};");
    }

    return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
}

static double Percentile(List<double> values, int percentile)
{
    // Nearest rank: p95 of 10 runs is the 10th value, of 20 runs the 19th.
    var sorted = values.Order().ToList();
    var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count);
    return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

string? StringArg(string name, string? fallback) =>
    Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;

static void Say(string message) => Console.WriteLine(message.ToString(CultureInfo.InvariantCulture));
