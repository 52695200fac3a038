using System.Diagnostics;
using System.Globalization;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Sla;
using Microsoft.EntityFrameworkCore;

namespace TimelinessBench;

/// <summary>
/// Times the page's load path on the kept counts: the counts with the 12-month trend (KeptTimelinessReport) and the
/// first page of one drill-down list (the late complaints, 10 rows, TimelinessFigureList), each on a fresh DbContext.
/// Builds the counts first if the database has none (the start-up backfill; timed and reported on its own). With
/// --reference it also computes today's report once and says whether every figure is equal.
/// </summary>
internal static class KeptPage
{
    public static async Task RunAsync(DbContextOptions<SqlitePortalDbContext> options, ReportPeriod period, TimeZoneInfo zone, DateTimeOffset now, int runs,
        bool reference, Func<string> loadAverage, Action<string> say)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var build = Stopwatch.StartNew();
        await using (var db = new SqlitePortalDbContext(options))
        {
            var kept = await db.Set<TimelinessCountState>().AnyAsync();
            await TimelinessCounts.EnsureAsync(db, zone, now);
            process.Refresh();
            say(kept ? "counts already kept" : $"counts built (start-up backfill) in {build.Elapsed.TotalSeconds:F1} s, CPU {(process.TotalProcessorTime - cpuBefore).TotalSeconds:F1} s; "
                + $"{await db.Set<TimelinessCount>().CountAsync():N0} count rows, {await db.Set<TimelinessWatch>().CountAsync():N0} watch rows; load average {loadAverage()}");
        }

        var (totals, countTimes, listTimes, cpuTimes) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        KeptTimelinessResult? result = null;
        for (var run = 0; run <= runs; run++)
        {
            process.Refresh();
            cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            await using (var db = new SqlitePortalDbContext(options))
            {
                result = await new KeptTimelinessReport(db).ComputeAsync(period, 12, zone, now);
            }

            var countsMs = watch.Elapsed.TotalMilliseconds;
            IReadOnlyList<FigureRow> page;
            await using (var db = new SqlitePortalDbContext(options))
            {
                page = await new TimelinessFigureList(db).PageAsync(TimelinessFigure.Late, period, zone, now, null, 0, 10);
            }

            var totalMs = watch.Elapsed.TotalMilliseconds;
            process.Refresh();
            var cpuMs = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            var line = $"{totalMs:F0} ms (counts and trend {countsMs:F0} ms, first page of the late complaints {totalMs - countsMs:F0} ms, {page.Count} rows), CPU {cpuMs:F0} ms";
            if (run == 0)
            {
                say("warm-up: " + line);
                Describe(result, say);
                continue;
            }

            (totals, countTimes, listTimes, cpuTimes) = (Add(totals, totalMs), Add(countTimes, countsMs), Add(listTimes, totalMs - countsMs), Add(cpuTimes, cpuMs));
            say($"run {run}: {line}; load average {loadAverage()}");
        }

        say($"page load p50 {P(totals, 50)} ms, p95 {P(totals, 95)} ms (max {totals.Max():F0}); counts and trend p50 {P(countTimes, 50)} / p95 {P(countTimes, 95)} ms; "
            + $"first list page p50 {P(listTimes, 50)} / p95 {P(listTimes, 95)} ms; CPU p50 {P(cpuTimes, 50)} / p95 {P(cpuTimes, 95)} ms; load average {loadAverage()}");
        if (reference)
        {
            await CompareAsync(options, period, zone, now, result!, say);
        }

        static string P(List<double> values, int p) => Percentile(values, p).ToString("F0", CultureInfo.InvariantCulture);
    }

    private static List<double> Add(List<double> list, double value)
    {
        list.Add(value);
        return list;
    }

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static void Describe(KeptTimelinessResult result, Action<string> say)
    {
        var o = result.Overall;
        say($"  {o.Complaints:N0} complaints, on time {o.OnTime:N0} = {o.TimelinessRate}%, late {o.Late:N0} (open within limits {o.OpenWithinLimits:N0}), "
            + $"resolved {o.ResolutionRate}% (target met: {o.ResolutionTargetMet}); {result.Departments.Count} department rows");
        say($"  per deadline: {result.PerDeadline.Sum(d => d.Handled):N0} handled, {result.PerDeadline.Sum(d => d.HandledOnTime):N0} on time, "
            + $"{result.PerDeadline.Sum(d => d.DueInPeriod):N0} due, {result.PerDeadline.Sum(d => d.ResolvedOfDue):N0} resolved of due, {result.Missed:N0} missed");
        say("  trend on-time %: " + string.Join(" ", result.Trend.Select(m => $"{m.Month:D2}:{m.TimelinessRate}")));
    }

    /// <summary>
    /// Pages a list as its dialog does, to its middle and its end: the complaints received in the period and the deadlines
    /// handled in it, first, middle and last page of ten, each twice on a fresh DbContext.
    /// </summary>
    public static async Task DeepPagesAsync(DbContextOptions<SqlitePortalDbContext> options, ReportPeriod period, TimeZoneInfo zone, DateTimeOffset now,
        Action<string> say)
    {
        KeptTimelinessResult result;
        await using (var db = new SqlitePortalDbContext(options))
        {
            result = await new KeptTimelinessReport(db).ComputeAsync(period, 12, zone, now);
        }

        // The department with the most deadlines handled: its complaints are the list a head would page.
        var department = result.PerDeadline.OrderByDescending(d => d.Handled).First().DepartmentId;
        var departmentComplaints = result.Departments.First(d => d.DepartmentId == department).Complaints;
        // The department, other than customer service (which shares every complaint), with the most late complaints by its own deadlines.
        var lateDepartment = result.Departments.Where(d => d.Complaints < result.Overall.Complaints).OrderByDescending(d => d.Late).First();
        var lists = new (TimelinessFigure Figure, int? Department, int Total)[]
        {
            (TimelinessFigure.Complaints, null, result.Overall.Complaints),
            (TimelinessFigure.Complaints, department, departmentComplaints),
            (TimelinessFigure.Late, null, result.Overall.Late),
            (TimelinessFigure.Late, lateDepartment.DepartmentId, lateDepartment.Late),
            (TimelinessFigure.Resolved, null, result.Overall.Resolved),
            (TimelinessFigure.Handled, null, result.PerDeadline.Sum(d => d.Handled)),
            (TimelinessFigure.Due, null, result.PerDeadline.Sum(d => d.DueInPeriod)),
            (TimelinessFigure.Missed, null, result.Missed),
        };
        foreach (var (figure, departmentId, total) in lists)
        {
            foreach (var (name, skip) in new[] { ("first", 0), ("a quarter in", total / 4 / 10 * 10), ("middle", total / 2 / 10 * 10),
                ("three quarters in", total * 3L / 4 / 10 * 10), ("last", (total - 1) / 10 * 10) })
            {
                var times = new List<string>();
                string? first = null;
                for (var run = 0; run < 2; run++)
                {
                    var watch = Stopwatch.StartNew();
                    await using var db = new SqlitePortalDbContext(options);
                    var page = await new TimelinessFigureList(db).PageAsync(figure, period, zone, now, departmentId, (int)skip, 10, total: total);
                    times.Add(watch.Elapsed.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture));
                    first = page.Count > 0 ? $"{page[0].CaseNumber}, {page.Count} rows" : "none";
                }

                var whose = departmentId is null ? "" : $" of department {departmentId}";
                say($"{figure}{whose} ({total:N0}), {name} page (from {skip:N0}): {string.Join(", ", times)} ms; first {first}");
            }
        }
    }

    /// <summary>Today's computation, once, figure by figure against the kept counts.</summary>
    private static async Task CompareAsync(DbContextOptions<SqlitePortalDbContext> options, ReportPeriod period, TimeZoneInfo zone, DateTimeOffset now,
        KeptTimelinessResult kept, Action<string> say)
    {
        var watch = Stopwatch.StartNew();
        await using var db = new SqlitePortalDbContext(options);
        var calendars = new WorkingCalendarCache();
        var reference = new ComplaintTimelinessReport(db, new TimelinessReport(db, calendars));
        var expected = await reference.ComputeAsync(period, zone, now);
        var trend = await reference.MonthlyAsync(period.MonthsEndingHere(12), zone, now);
        static string Rows(IEnumerable<(int?, int, int, int, int)> rows) => string.Join(";", rows);
        var checks = new (string What, string Expected, string Kept)[]
        {
            ("complaint rows", Rows(expected.Departments.Prepend(expected.Overall).Select(r => (r.DepartmentId, r.Cases.Count, r.OnTime.Count, r.OpenWithinLimits.Count, r.Resolved.Count))),
                Rows(kept.Departments.Prepend(kept.Overall).Select(r => (r.DepartmentId, r.Complaints, r.OnTime, r.OpenWithinLimits, r.Resolved)))),
            ("per deadline", string.Join(";", expected.PerDeadline.Departments.Select(d => $"{d.DepartmentId}:{d.Handled},{d.HandledOnTime},{d.DueInPeriod},{d.ResolvedOfDue},"
                    + string.Join(",", d.AverageWorkingTime.OrderBy(a => a.Key).Select(a => a.Value.Ticks)))),
                string.Join(";", kept.PerDeadline.Select(d => $"{d.DepartmentId}:{d.Handled},{d.HandledOnTime},{d.DueInPeriod},{d.ResolvedOfDue},"
                    + string.Join(",", d.AverageWorkingTime.OrderBy(a => a.Key).Select(a => a.Value.Ticks))))),
            ("missed", expected.PerDeadline.Missed.Count.ToString(CultureInfo.InvariantCulture), kept.Missed.ToString(CultureInfo.InvariantCulture)),
            ("trend", string.Join(";", trend.Select(m => $"{m.Month}:{m.Complaints},{m.OnTime},{m.Resolved}")),
                string.Join(";", kept.Trend.Select(m => $"{m.Month}:{m.Complaints},{m.OnTime},{m.Resolved}"))),
        };
        foreach (var (what, e, k) in checks)
        {
            say(e == k ? $"  reference equal: {what}" : $"  REFERENCE DIFFERS: {what}\n    reference {e}\n    kept      {k}");
        }

        say($"reference computation (today's page, with every list) took {watch.Elapsed.TotalSeconds:F1} s");
    }
}
