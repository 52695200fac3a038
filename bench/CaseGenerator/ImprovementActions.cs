using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace CaseGenerator;

/// <summary>
/// The improvement actions leadership raised over the generated period, through the portal's own service, so they come with
/// their history and notices as a real file's do: one per department about every two weeks. Most of those past their date
/// were reported done and verified; some wait to be verified; some are still open, past their date (the monitor then tells
/// the head and leadership once). Those not yet due are open, some already reported done.
/// </summary>
internal static class ImprovementActions
{
    public static async Task<int> GenerateAsync(PortalDbContext db, int count, DateTimeOffset now, Random random)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var departments = await db.Departments.AsNoTracking().Where(d => d.IsActive && d.Kind == DepartmentKind.Operational).Select(d => d.Id).ToListAsync();
        var heads = await (from u in db.Users.AsNoTracking()
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where r.Name == PortalRoles.DepartmentHead && u.DepartmentId != null
                           select new { u.Id, u.DisplayName, u.DepartmentId }).ToListAsync();
        var headOf = heads.GroupBy(h => h.DepartmentId!.Value)
            .ToDictionary(g => g.Key, g => new ActingUser(g.First().Id, g.First().DisplayName ?? "", g.Key, new HashSet<string> { PortalRoles.DepartmentHead }));
        var leader = new ActingUser("gen.leader", "公司领导（生成）", null, new HashSet<string> { PortalRoles.Leadership });
        var clock = new SteppedClock();
        var improvements = new Improvements(db, clock);
        var raised = 0;
        for (var i = 0; i < count; i++)
        {
            var department = departments[i % departments.Count];
            if (!headOf.TryGetValue(department, out var head))
            {
                continue;
            }

            // Raised any day of the last 24 months (the cases' period), due two to eight weeks later.
            var raisedAt = now.AddMinutes(-random.Next(24 * 30 * 24 * 60));
            clock.Now = raisedAt;
            var raisedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(raisedAt, zone).DateTime);
            var due = raisedOn.AddDays(random.Next(14, 57));
            var result = await improvements.RaiseAsync(new ImprovementDraft($"改进措施 {i + 1:00000}", "生成数据 · 按投诉原因", "/reports/statistics",
                department, due, "核对原因，调整流程并培训"), leader, zone);
            if (result.Action is not { } action)
            {
                throw new InvalidOperationException($"Improvement action {i} refused: {result.Error} {result.Refused}");
            }

            raised++;
            var dueAt = new DateTimeOffset(due.ToDateTime(new TimeOnly(17, 0)), zone.GetUtcOffset(due.ToDateTime(TimeOnly.MinValue)));
            var past = dueAt < now;
            var roll = random.NextDouble();
            var reported = past ? roll < 0.85 : roll < 0.4;
            var verified = reported && (past ? roll < 0.7 : roll < 0.1);
            if (reported)
            {
                clock.Now = Between(raisedAt, past ? dueAt : now, random);
                var done = await improvements.ReportDoneAsync(action.Id, action.Version, "已按计划完成", head);
                if (verified && done.Action is { } reportedAction)
                {
                    clock.Now = Between(clock.Now, now, random);
                    await improvements.VerifyAsync(reportedAction.Id, reportedAction.Version, leader);
                }
            }

            db.ChangeTracker.Clear();
        }

        // Those still open past their date: the head and leadership are told once, as the portal's monitor does.
        await new ImprovementMonitor(db).RunOnceAsync(now, zone);
        return raised;
    }

    private static DateTimeOffset Between(DateTimeOffset from, DateTimeOffset to, Random random) =>
        to <= from ? from : from.AddSeconds(random.NextDouble() * (to - from).TotalSeconds);

    private sealed class SteppedClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
