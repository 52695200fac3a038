using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Deadlines;

public sealed class DeadlineMonitorTests
{
    [Fact]
    public async Task Due_soon_is_recorded_once_however_often_the_monitor_runs()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-03-02 09:30");
        var id = (await s.Driver.RegisterAsync()).Id;

        // First response due at the close of 03-03 (18:00); due-soon with the last 20% (1.5 working hours) left.
        Assert.Equal(0, await s.MonitorAsync(s.SetLocal("2026-03-03 16:29")));
        Assert.Equal(1, await s.MonitorAsync(s.SetLocal("2026-03-03 16:30")));
        Assert.Equal(0, await s.MonitorAsync(s.SetLocal("2026-03-03 17:45")));

        await using var db = s.Database.CreateContext();
        var transition = await db.DeadlineTransitions.SingleAsync();
        Assert.Equal(DeadlineLevel.DueSoon, transition.Level);
        Assert.Single(await db.LedgerEvents.Where(e => e.ComplaintId == id && e.Action == "DeadlineDueSoon").ToListAsync());
        var notices = await db.Notifications.Where(n => n.ComplaintId == id && n.Kind == NotificationKind.DeadlineDueSoon).ToListAsync();
        Assert.Equal([PortalRoles.DepartmentHead, PortalRoles.IntakeClerk], notices.Select(n => n.RecipientRole).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_new_monitor_after_downtime_catches_up_both_thresholds_once()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-03-02 09:30");
        var id = (await s.Driver.RegisterAsync()).Id;
        Assert.Equal(0, await s.MonitorAsync(s.SetLocal("2026-03-02 10:00")));

        // "Restart" two days later: first response is past due-soon and overdue; the others not yet.
        var later = s.SetLocal("2026-03-04 12:00");
        Assert.Equal(2, await s.MonitorAsync(later));
        Assert.Equal(0, await s.MonitorAsync(later));

        await using var db = s.Database.CreateContext();
        var levels = await db.DeadlineTransitions.OrderBy(t => t.Id).Select(t => t.Level).ToListAsync();
        Assert.Equal([DeadlineLevel.DueSoon, DeadlineLevel.Overdue], levels);
        var ledger = await db.LedgerEvents.Where(e => e.ComplaintId == id).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
        Assert.Equal(["Register", "DeadlineDueSoon", "DeadlineOverdue", "Escalate"], ledger);
    }

    [Fact]
    public async Task Two_monitors_at_once_record_each_transition_once()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-03-02 09:30");
        await s.Driver.RegisterAsync();
        await s.Driver.RegisterAsync();
        var now = s.SetLocal("2026-03-20 12:00");

        var counts = await Task.WhenAll(s.MonitorAsync(now), s.MonitorAsync(now));
        // A run that lost a race on a case's ledger leaves that transition to the next run.
        var rest = await s.MonitorAsync(now);

        await using var db = s.Database.CreateContext();
        Assert.Equal(2 * 3 * 2, await db.DeadlineTransitions.CountAsync());
        Assert.Equal(2 * 3 * 2, counts.Sum() + rest);
        Assert.Equal(2 * 3 * 2, await db.LedgerEvents.CountAsync(e => e.Action == "DeadlineDueSoon" || e.Action == "DeadlineOverdue"));
    }

    [Fact]
    public async Task Paused_and_met_deadlines_are_not_flagged_and_a_moved_deadline_can_be_flagged_again()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-03-02 09:30");
        var id = (await s.Driver.RegisterAsync()).Id;
        await s.Driver.AssessAsync(id);
        await s.Driver.AcknowledgeAsync(id);
        await s.Driver.DispatchAsync(id, DepartmentCatalog.Quality);
        await s.Driver.DoAsync(id, WorkflowAction.WaitForCustomer, new() { Note = "等待" }, s.Driver.Clerk);

        Assert.Equal(0, await s.MonitorAsync(s.SetLocal("2026-04-30 12:00")));

        await s.Driver.DoAsync(id, WorkflowAction.ResumeFromCustomer, new() { Note = "客户答复" }, s.Driver.Clerk);
        var moved = await s.DeadlinesAsync(id);
        Assert.DoesNotContain(moved, d => d.Kind == DeadlineKind.FirstResponse && !d.IsMet);
        var recorded = await s.MonitorAsync(s.SetLocal("2026-06-30 12:00"));

        // Solution plan, completion and the task: due-soon and overdue each; the met first response: nothing.
        Assert.Equal(6, recorded);
    }

    [Fact]
    public async Task Task_deadline_moved_by_a_pause_is_flagged_again_at_its_new_instant()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-03-02 09:30");
        var id = (await s.Driver.RegisterAsync()).Id;
        await s.Driver.AssessAsync(id);
        await s.Driver.AcknowledgeAsync(id);
        await s.Driver.DispatchAsync(id, DepartmentCatalog.Quality);
        var before = (await s.DeadlinesAsync(id)).Single(d => d.Kind == DeadlineKind.DepartmentTask);
        s.Driver.Time.Set(before.DueSoonAt.AddMinutes(1));
        await s.MonitorAsync(s.Driver.Time.GetUtcNow());

        await s.Driver.DoAsync(id, WorkflowAction.WaitForCustomer, new() { Note = "等待客户" }, s.Driver.Clerk);
        s.Driver.Time.Advance(TimeSpan.FromDays(2));
        await s.Driver.DoAsync(id, WorkflowAction.ResumeFromCustomer, new() { Note = "客户答复" }, s.Driver.Clerk);
        var after = (await s.DeadlinesAsync(id)).Single(d => d.Kind == DeadlineKind.DepartmentTask);
        Assert.True(after.DueAt > before.DueAt);
        await s.MonitorAsync(after.DueSoonAt.AddMinutes(1));

        await using var db = s.Database.CreateContext();
        var flagged = await db.DeadlineTransitions.Where(t => t.CaseDeadlineId == before.Id).OrderBy(t => t.Id).Select(t => new { t.Level, t.DueAt }).ToListAsync();
        Assert.Equal([(DeadlineLevel.DueSoon, before.DueAt), (DeadlineLevel.DueSoon, after.DueAt)], flagged.Select(f => (f.Level, f.DueAt)));
    }

    [Fact]
    public async Task Overdue_urgent_case_is_reported_to_leadership()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-03-02 09:30");
        var id = (await s.Driver.RegisterAsync()).Id;
        await s.Driver.AssessAsync(id, CategoryCatalog.ProductQuality, Severity.Moderate, Urgency.Urgent);

        await s.MonitorAsync(s.SetLocal("2026-03-02 14:00"));

        await using var db = s.Database.CreateContext();
        var overdue = await db.Notifications.Where(n => n.ComplaintId == id && n.Kind == NotificationKind.DeadlineOverdue).ToListAsync();
        Assert.Contains(overdue, n => n.RecipientRole == PortalRoles.Leadership);
        Assert.Contains("FirstResponse due 2026-03-02T05:30Z", overdue[0].Text, StringComparison.Ordinal);
    }
}
