using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Deadlines;

public sealed class ReopenAndEscalationTests
{
    [Fact]
    public async Task Reopen_after_an_unsatisfied_callback_restarts_completion_and_the_reopened_tasks_from_now()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-03-02 09:30");
        var complaint = await s.Driver.CaseInStageAsync(CaseStage.AwaitingCallback);
        var before = await s.DeadlinesAsync(complaint.Id);
        Assert.All(before, d => Assert.True(d.IsMet));

        s.SetLocal("2026-03-10 10:00");
        complaint = await s.Driver.DoAsync(complaint.Id, WorkflowAction.ReopenUnsatisfied, new() { Note = "客户对更换结果不满意" }, s.Driver.Clerk);

        // A new round: seven whole working days after 10 March, for the reply and for every reopened task.
        var after = await s.DeadlinesAsync(complaint.Id);
        var completion = after.Single(d => d.Kind == DeadlineKind.Completion);
        Assert.Equal(("2026-03-19 18:00", false, s.Driver.Time.GetUtcNow().AddMinutes(-10)),
            (DeadlineScenario.Local(completion.DueAt), completion.IsMet, completion.StartedAt));
        Assert.All(after.Where(d => d.Kind == DeadlineKind.DepartmentTask), d => Assert.Equal((completion.DueAt, false), (d.DueAt, d.IsMet)));
        Assert.All(complaint.Tasks, t => Assert.Equal(completion.DueAt, t.Deadline));
        Assert.True(after.Single(d => d.Kind == DeadlineKind.FirstResponse).MetOnTime);
        Assert.True(after.Single(d => d.Kind == DeadlineKind.SolutionPlan).MetOnTime);
        await using var db = s.Database.CreateContext();
        var line = await db.LedgerEvents.Where(e => e.ComplaintId == complaint.Id).OrderBy(e => e.Sequence).LastAsync();
        Assert.Equal(CaseDeadlines.LedgerAction, line.Action);
        Assert.StartsWith("reopened; policy=CN 1d/3d/7d", line.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overdue_case_is_escalated_exactly_once_and_queued_for_leadership()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-03-02 09:30");
        var id = (await s.Driver.RegisterAsync()).Id;
        var onTime = (await s.Driver.RegisterAsync()).Id;
        await s.Driver.DoAsync(onTime, WorkflowAction.Withdraw, new() { Note = "客户撤诉" }, s.Driver.Clerk);

        var first = s.SetLocal("2026-03-04 12:00");
        await s.MonitorAsync(first);
        await s.MonitorAsync(first);
        await s.MonitorAsync(s.SetLocal("2026-03-20 12:00"));

        await using var db = s.Database.CreateContext();
        var complaint = await db.Complaints.SingleAsync(c => c.Id == id);
        Assert.Equal((true, first), (complaint.IsEscalated, complaint.EscalatedAt!.Value));
        var escalations = await db.LedgerEvents.Where(e => e.ComplaintId == id && e.Action == "Escalate").ToListAsync();
        var escalation = Assert.Single(escalations);
        Assert.Equal("overdue: FirstResponse", escalation.Note);
        // One notice to leadership per case and transition, naming what is late and whose it is.
        var leadership = await db.Notifications.Where(n => n.ComplaintId == id && n.RecipientRole == PortalRoles.Leadership)
            .OrderBy(n => n.Id).ToListAsync();
        Assert.Equal(2, leadership.Count);
        Assert.All(leadership, n => Assert.Equal(NotificationKind.DeadlineOverdue, n.Kind));
        Assert.Contains("SolutionPlan due 2026-03-05T10:00Z (CS ", leadership[1].Text, StringComparison.Ordinal);
        Assert.Contains("Completion due 2026-03-11T10:00Z (CS ", leadership[1].Text, StringComparison.Ordinal);

        // Leadership's queue holds it (escalated and open), counting down to its earliest overdue deadline.
        var queued = Assert.Single((await new CaseQueries(db).QueueAsync(s.Driver.Leader, new CaseListRequest(0, 25))).Rows);
        Assert.Equal(id, queued.Id);
        var earliest = await db.CaseDeadlines.Where(d => d.ComplaintId == id && d.MetAt == null).MinAsync(d => d.DueAt);
        Assert.Equal(earliest, queued.NextDue);
        Assert.True(queued.NextDue < s.Driver.Time.GetUtcNow());
    }
}
