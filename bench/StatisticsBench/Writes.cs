using System.Diagnostics;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace StatisticsBench;

/// <summary>
/// What keeping the counts costs a save: registers N complaints through the intake and assesses each (two saves the
/// counter works on), timed per step: a warm-up pass, then with the counts not kept (their state row removed, so the
/// counter does nothing), then kept again (built afresh in between, timed). Callers come from 50 phones, so most calls are repeats. The
/// complaints stay in the file.
/// </summary>
internal static class Writes
{
    public static async Task RunAsync(DbContextOptions<SqlitePortalDbContext> options, TimeZoneInfo zone, int count, Func<string> loadAverage, Action<string> say)
    {
        int clerkDepartment, category;
        await using (var db = new SqlitePortalDbContext(options))
        {
            clerkDepartment = await db.Departments.Where(d => d.Code == DepartmentCatalog.CustomerService).Select(d => d.Id).SingleAsync();
            category = await db.Categories.Where(c => c.ParentId != null).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        }

        var clerk = new ActingUser("bench.clerk", "客服（基准）", clerkDepartment, new HashSet<string> { PortalRoles.IntakeClerk });
        // A first pass warms the file, the caches and the JIT; its figures are printed but are not the comparison.
        foreach (var (kept, pass) in new[] { (true, "warm-up, "), (false, ""), (true, "") })
        {
            await using (var db = new SqlitePortalDbContext(options))
            {
                if (kept)
                {
                    var rebuild = Stopwatch.StartNew();
                    var wasKept = await StatisticsCounts.IsKeptAsync(db, zone);
                    await StatisticsCounts.EnsureAsync(db, zone, TimeProvider.System.GetUtcNow());
                    if (!wasKept)
                    {
                        say($"counts built in {rebuild.Elapsed.TotalSeconds:F1} s");
                    }
                }
                else
                {
                    await db.Set<StatisticsCountState>().ExecuteDeleteAsync();
                }
            }

            var (intakes, assessments) = (new List<double>(), new List<double>());
            for (var i = 0; i <= count; i++)
            {
                var watch = Stopwatch.StartNew();
                Complaint complaint;
                await using (var db = new SqlitePortalDbContext(options))
                {
                    var intake = new ComplaintIntake(db, TimeProvider.System, CaseNumberPolicy.Default);
                    var result = await intake.RegisterAsync(new IntakeRequest
                    {
                        Channel = ComplaintChannel.Hotline,
                        Complainant = new() { Name = "基准客户", Phone = $"1390000{i % 50:D4}" },
                        Subject = new() { ProductModel = $"XP-{100 + (i % 7)}" },
                        Description = "基准：统计计数的写入开销",
                        ConfirmedWithCaller = true,
                    }, clerk);
                    complaint = result.Complaint ?? throw new InvalidOperationException(string.Join(", ", result.Errors));
                }

                var registered = watch.Elapsed.TotalMilliseconds;
                await using (var db = new SqlitePortalDbContext(options))
                {
                    var result = await new ComplaintWorkflow(db, TimeProvider.System).ExecuteAsync(complaint.Id, complaint.Version, WorkflowAction.Assess,
                        new WorkflowInput { CategoryId = category, Severity = Severity.Moderate, Urgency = Urgency.Normal }, clerk);
                    if (!result.Succeeded)
                    {
                        throw new InvalidOperationException(result.Error.ToString());
                    }
                }

                if (i > 0)
                {
                    // The first of each pass warms up.
                    intakes.Add(registered);
                    assessments.Add(watch.Elapsed.TotalMilliseconds - registered);
                }
            }

            say($"{pass}{count} intakes and assessments, counts {(kept ? "kept" : "not kept")}: intake p50 {Percentile(intakes, 50):F1} ms, p95 {Percentile(intakes, 95):F1} ms; "
                + $"assessment p50 {Percentile(assessments, 50):F1} ms, p95 {Percentile(assessments, 95):F1} ms; load average {loadAverage()}");
            if (kept)
            {
                // What the ten-minute scan then does with the phones these saves counted.
                await using var db = new SqlitePortalDbContext(options);
                var checks = await db.Set<StatisticsCallerCheck>().CountAsync();
                var recheck = Stopwatch.StartNew();
                var corrected = await StatisticsCounts.RecheckCallersAsync(db);
                say($"{pass}callers checked again ({checks:N0} phones saved) in {recheck.Elapsed.TotalMilliseconds:F0} ms, {corrected} corrected");
            }
        }
    }

    internal static double Percentile(List<double> values, int percentile)
    {
        // Nearest rank.
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
