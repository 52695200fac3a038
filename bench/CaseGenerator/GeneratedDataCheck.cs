using System.Diagnostics;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Sla;
using Microsoft.EntityFrameworkCore;

namespace CaseGenerator;

/// <summary>
/// Reads the generated data back through the portal's own model and readers: ledger chains and deadlines of a
/// random sample, the deadline monitor at generation time (it must find nothing left to record), and last
/// month's timeliness figures.
/// </summary>
internal static class GeneratedDataCheck
{
    public static async Task RunAsync(PortalDbContext db, int count, DateTimeOffset now, Action<string> say)
    {
        var ids = await db.Complaints.OrderByDescending(c => c.Id).Select(c => c.Id).Take(count).ToListAsync();
        var sample = ids.OrderBy(_ => Random.Shared.Next()).Take(200).ToList();
        var broken = 0;
        foreach (var id in sample)
        {
            broken += (await LedgerVerifier.VerifyCaseAsync(db, id)).IsIntact ? 0 : 1;
        }

        say($"Ledger check: {sample.Count - broken} of {sample.Count} sampled cases intact");

        // Each sampled deadline: where it stands, and whether its stored rule gives its instant again.
        var deadlines = await db.CaseDeadlines.AsNoTracking().Include(d => d.Complaint).Where(d => sample.Contains(d.ComplaintId)).ToListAsync();
        var states = new Dictionary<DeadlineState, int>();
        var (reproduced, samePosition) = (0, 0);
        foreach (var d in deadlines)
        {
            var state = DeadlineStatus.Of(d, now, d.Complaint!.Stage == CaseStage.WaitingForCustomer);
            states[state] = states.GetValueOrDefault(state) + 1;
            var calendar = await WorkingCalendarCache.Shared.GetAsync(db, d.CalendarCode);
            if (d.Target is { } target && DeadlineClock.DeadlineFor(calendar, target, d.StartedAt, d.PausedWorkingTime) is var again)
            {
                reproduced += again == d.DueAt ? 1 : 0;
                // A pause moves a deadline by working time: it may land on the other side of a break (12:00 or 13:30).
                samePosition += again != d.DueAt && calendar.WorkingTimeBetween(again, d.DueAt) == TimeSpan.Zero ? 1 : 0;
            }
        }

        say($"Deadlines of the sample: {deadlines.Count:N0}; " + string.Join(", ", states.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value:N0}"))
            + $"; re-computed from their stored rule: {reproduced:N0} to the same instant, {samePosition:N0} to the same working-time position"
            + $" (the other side of a break), {deadlines.Count - reproduced - samePosition:N0} elsewhere");

        // The portal's monitor at generation time, in a transaction that is rolled back: everything is recorded already.
        var watch = Stopwatch.StartNew();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var missing = await new DeadlineMonitor(db).RunOnceAsync(now);
            await transaction.RollbackAsync();
            say($"Deadline monitor at generation time: {missing:N0} transitions left to record (0 expected), {watch.Elapsed.TotalSeconds:F1} s");
        }

        var levels = await db.DeadlineTransitions.GroupBy(t => t.Level).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var escalated = await db.Complaints.CountAsync(c => c.IsEscalated);
        say("Deadline transitions: " + string.Join(", ", levels.OrderBy(l => l.Key).Select(l => $"{l.Key} {l.Count:N0}")) + $"; escalated cases {escalated:N0}");

        var toPeople = await db.Notifications.CountAsync(n => n.RecipientUserId != null);
        var toRoles = await db.Notifications.CountAsync(n => n.RecipientUserId == null);
        var owned = await db.DepartmentTasks.CountAsync(t => t.OwnerUserId != null && db.Users.Any(u => u.Id == t.OwnerUserId));
        var tasks = await db.DepartmentTasks.CountAsync();
        var people = await db.Notifications.Where(n => n.RecipientUserId != null).Select(n => n.RecipientUserId).Distinct().CountAsync();
        say($"Notices: {toPeople:N0} to {people:N0} people by name, {toRoles:N0} to roles; tasks owned by a portal account: {owned:N0} of {tasks:N0}");

        var stages = await db.Complaints.GroupBy(c => c.Stage).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        say("Cases per stage: " + string.Join(", ", stages.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Count:N0}")));

        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var month = ReportPeriod.Containing(ReportPeriodKind.Month, now, zone).MonthsEndingHere(2)[0];
        watch.Restart();
        var report = await new ComplaintTimelinessReport(db, new TimelinessReport(db, WorkingCalendarCache.Shared)).ComputeAsync(month, zone, now);
        say($"Timeliness {month.Year}-{month.Number:D2} (ComplaintTimelinessReport, {watch.Elapsed.TotalSeconds:F1} s): {report.Overall.Cases.Count:N0} complaints,"
            + $" on time {report.Overall.OnTime.Count:N0} = {report.Overall.TimelinessRate}%, resolved {report.Overall.ResolutionRate}%");
    }
}
