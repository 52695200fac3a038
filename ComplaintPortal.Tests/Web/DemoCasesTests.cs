using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Web;

/// <summary>
/// A portal started for a demonstration has complaints to show: the board, the queues, the reports and the supervision
/// committee's sampling all have something, made by the real services on the demo clock, and only on the first start.
/// </summary>
/// <remarks>
/// Runs in the second browser collection, after the laptop-and-tablet walk, rather than beside another test of that slot:
/// its demo seedings (the three regimes') keep a core busy for about fifty seconds. In the first browser collection they
/// had lengthened the run's longest stretch; the walks now wait for pages to settle rather than for fixed times.
/// </remarks>
[Collection(LayoutBrowserCollection.Name)]
public sealed class DemoCasesTests
{
    private static readonly DateTimeOffset Now = DemoPortal.Now;

    [Fact]
    public async Task A_new_development_portal_starts_with_demo_cases_in_every_stage_and_a_restart_adds_none()
    {
        // The demo's first start, which the other demo portals copy (DemoPortal), on a copy of its own.
        using var app = DemoPortal.Start();
        _ = app.Services; // starts the portal (again)

        await using (var db = app.Database.CreateContext())
        {
            // The cases of the last weeks, and a few of three years ago filed then and now past their retention.
            var since = Now - DemoCases.Span - TimeSpan.FromDays(3);
            var old = await db.Complaints.AsNoTracking().Where(c => c.RecordedAt < since).Select(c => c.Id).ToListAsync();
            Assert.Equal(DemoCases.PastRetention, old.Count);
            var stages = await db.Complaints.AsNoTracking().Where(c => !old.Contains(c.Id)).Select(c => c.Stage).ToListAsync();
            Assert.Equal(DemoCases.Count, stages.Count);
            // Every stage a desk works in is on the board, with most cases handled and the three ways a case ends early.
            Assert.Empty(Enum.GetValues<CaseStage>().Except([CaseStage.AwaitingClosureApproval]).Except(stages));
            Assert.True(stages.Count(s => s == CaseStage.Closed) > DemoCases.Count / 2);

            var events = await db.LedgerEvents.AsNoTracking().Select(e => new { e.OccurredAt, e.ActorUserId, e.ComplaintId }).ToListAsync();
            Assert.All(events.Where(e => !old.Contains(e.ComplaintId)), e => Assert.InRange(e.OccurredAt, since, Now));
            Assert.All(events.Where(e => old.Contains(e.ComplaintId)), e => Assert.InRange(e.OccurredAt, Now.AddYears(-3).AddDays(-101), Now.AddYears(-3)));
            // People took their steps in working hours on working days (the newest cases' too, on this Monday morning).
            var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
            Assert.All(events.Where(e => !e.ActorUserId.StartsWith("system:", StringComparison.Ordinal)), e =>
            {
                var local = TimeZoneInfo.ConvertTime(e.OccurredAt, shanghai);
                Assert.True(local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && local.Hour is >= 9 and < 18, $"{local:yyyy-MM-dd ddd HH:mm}");
            });
            foreach (var id in await db.Complaints.Select(c => c.Id).ToListAsync())
            {
                Assert.True((await LedgerVerifier.VerifyCaseAsync(db, id)).IsIntact, $"case {id}");
            }

            // The cases closed for the quiet period are in the archive, filed on the day they would have been.
            var filed = await db.ArchivedFiles.AsNoTracking().Where(f => !old.Contains(f.ComplaintId)).Select(f => f.ArchivedAt).ToListAsync();
            Assert.InRange(filed.Count, 10, DemoCases.Count);
            Assert.All(filed, at => Assert.InRange(at, Now - DemoCases.Span, Now));
            Assert.True(filed.Distinct().Count() > 5, "filed on the days the archiver ran, not all at the start");

            // The old cases were closed and filed three years ago; kept three years, they were listed for disposal on this
            // month's first day, early in the morning (销毁清册), and wait for leadership's decision.
            var listedAt = new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.FromHours(8));
            var pastRetention = await db.ArchivedFiles.AsNoTracking().Where(f => old.Contains(f.ComplaintId)).ToListAsync();
            Assert.Equal(DemoCases.PastRetention, pastRetention.Count);
            Assert.All(pastRetention, f => Assert.True(f.ArchivedAt < Now.AddYears(-3) && f.RetainUntil < listedAt, $"{f.ArchiveNumber}: {f.ArchivedAt} {f.RetainUntil}"));
            var disposals = await db.ArchiveDisposals.AsNoTracking().ToListAsync();
            Assert.Equal(pastRetention.Select(f => f.Id).Order(), disposals.Select(d => d.ArchivedFileId).Order());
            Assert.All(disposals, d => Assert.Equal((DisposalStatus.Listed, listedAt), (d.Status, d.ListedAt)));
            // Nobody asked to read a file past its retention.
            Assert.DoesNotContain(await db.ArchiveAccessRequests.AsNoTracking().Select(r => r.RequestedNumbers).ToListAsync(),
                numbers => numbers != null && pastRetention.Any(f => numbers.Contains(f.ArchiveNumber, StringComparison.Ordinal)));

            // The archive clerk's desk has two approved requests out (the committee's, and a department's whose days ran out
            // weeks ago, never confirmed finished: its reader was reminded once) and one waiting for the leader.
            var requests = await db.ArchiveAccessRequests.AsNoTracking().ToListAsync();
            Assert.Equal([AccessRequestStatus.Pending, AccessRequestStatus.Approved, AccessRequestStatus.Approved], requests.Select(r => r.Status).Order());
            var overdue = Assert.Single(requests, r => r.GrantedUntil < Now);
            // Told by the demo's own scan after the days ended, not by the portal's scan at start-up (it runs beside this test).
            Assert.NotNull(overdue.ExpiryNoticeAt);
            Assert.InRange(overdue.ExpiryNoticeAt.Value, overdue.GrantedUntil!.Value, overdue.GrantedUntil.Value.AddDays(3));
            Assert.Equal(overdue.RequesterUserId, (await db.Notifications.AsNoTracking()
                .SingleAsync(n => n.ArchiveRequestId == overdue.Id && n.Kind == NotificationKind.ArchiveLoanExpired)).RecipientUserId);
            // The archive clerks were told too, by their role.
            Assert.Equal(PortalRoles.ArchiveClerk, (await db.Notifications.AsNoTracking()
                .SingleAsync(n => n.ArchiveRequestId == overdue.Id && n.Kind == NotificationKind.ArchiveLoanOverdue)).RecipientRole);
            // The access register has the committee member's reading of the file it was granted, and the department's attempt
            // before the leader decided, refused: each with the reader's department and address.
            var register = await db.ArchiveAccessLog.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
            Assert.Equal([ArchiveAccessKind.ViewFile, ArchiveAccessKind.Refused], register.Select(e => e.Kind));
            Assert.Equal(["supervisor", "handler.qa"],
                register.Select(e => db.Users.AsNoTracking().Single(u => u.Id == e.UserId).UserName));
            Assert.All(register, e => Assert.False(string.IsNullOrEmpty(e.DepartmentName) || string.IsNullOrEmpty(e.Address) || e.DepartmentId is null));
            Assert.NotNull(register[0].RequestId);
            Assert.Null(register[1].RequestId);

            // The committee drew January's sample on the first working morning of February, checked two cases and laid an
            // item at a department, whose head answered the notice: it waits for the committee's verification.
            var draw = await db.SampleDraws.AsNoTracking().SingleAsync();
            Assert.Equal((2026, 1), (draw.Period.Year, draw.Period.Number));
            Assert.Equal(2, await db.SampledCases.CountAsync(c => c.CheckedAt != null));
            Assert.Equal(6, await db.SampledCases.CountAsync());
            Assert.Equal([NoticeStatus.Answered], await db.RectificationNotices.AsNoTracking().Select(n => n.Status).ToListAsync());
            // In January it published December's figures, for leadership and the heads.
            Assert.Equal([SampleDraw.PeriodKey(new ReportPeriod(ReportPeriodKind.Month, 2025, 12))],
                await db.FiguresPublications.AsNoTracking().Select(p => p.PeriodKey).ToListAsync());

            // Heads named their handlers as the tasks' owners, and the handlers were told.
            var handlerQa = await db.Users.AsNoTracking().Where(u => u.UserName == "handler.qa").Select(u => u.Id).SingleAsync();
            Assert.Contains(await db.DepartmentTasks.AsNoTracking().Select(t => t.OwnerUserId).ToListAsync(), owner => owner == handlerQa);
            Assert.True(await db.Notifications.AnyAsync(n => n.RecipientUserId == handlerQa && n.Kind == NotificationKind.TaskAssigned));

            // Leadership raised two improvement actions for engineering: one reported done and waiting to be verified (leadership
            // and the committee were told), one past its date (its head and leadership were told, once).
            var engineering = await db.Departments.AsNoTracking().Where(d => d.Code == DepartmentCatalog.Engineering).Select(d => d.Id).SingleAsync();
            var actions = await db.ImprovementActions.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
            Assert.Equal([(engineering, ImprovementStatus.Open), (engineering, ImprovementStatus.Done)], actions.Select(a => (a.DepartmentId, a.Status)));
            Assert.NotNull(actions[0].OverdueNoticeAt);
            Assert.Null(actions[1].OverdueNoticeAt);
            Assert.Equal([(NotificationKind.ImprovementRaised, PortalRoles.DepartmentHead), (NotificationKind.ImprovementOverdue, PortalRoles.DepartmentHead),
                    (NotificationKind.ImprovementOverdue, PortalRoles.Leadership)],
                await db.Notifications.AsNoTracking().Where(n => n.ImprovementActionId == actions[0].Id).OrderBy(n => n.Id).Select(n => new ValueTuple<NotificationKind, string>(n.Kind, n.RecipientRole)).ToListAsync());
            Assert.Equal([PortalRoles.Leadership, PortalRoles.Supervisor], await db.Notifications.AsNoTracking()
                .Where(n => n.ImprovementActionId == actions[1].Id && n.Kind == NotificationKind.ImprovementReportedDone).Select(n => n.RecipientRole).Order().ToListAsync());

            // The intake clerk keeps two searches (常用查询), as the search page reads them back.
            var intake = await db.Users.AsNoTracking().Where(u => u.UserName == "intake").Select(u => u.Id).SingleAsync();
            Assert.Equal([("部门处理中·最早到期", "?stage=InDepartments&sort=due"), ("热线投诉", "?channel=Hotline")],
                await db.SavedSearches.AsNoTracking().Where(s => s.UserId == intake).OrderBy(s => s.Id).Select(s => new ValueTuple<string, string>(s.Name, s.Query)).ToListAsync());

            // Some slow departments left time limits overdue, as a real month would.
            Assert.Contains(await db.CaseDeadlines.AsNoTracking().Where(d => d.MetAt == null).Select(d => d.DueAt).ToListAsync(), due => due < Now);
            // A stalled department noted why it waits (工作备注) and customer service chased it (催办), which reached the department.
            Assert.True(await db.LedgerEvents.AnyAsync(e => e.Action == nameof(WorkflowAction.AddNote)));
            var chased = await db.LedgerEvents.AsNoTracking().Where(e => e.Action == nameof(WorkflowAction.ChaseTask)).Select(e => e.ComplaintId).ToListAsync();
            Assert.NotEmpty(chased);
            Assert.True(await db.Notifications.AnyAsync(n => n.Kind == NotificationKind.TaskChased && chased.Contains(n.ComplaintId!.Value)));
            // Some customers raised suggestions at their callbacks, for the statistics to list.
            Assert.Equal([CaseStage.Closed], await db.Complaints.AsNoTracking().Where(c => c.CallbackSuggestion != null).Select(c => c.Stage).Distinct().ToListAsync());
        }

        // The supervision committee has last month's handled cases to draw from.
        await using (var db = app.Database.CreateContext())
        {
            var supervisor = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "supervisor");
            var draw = await new SampleDrawing(db, app.Time).DrawAsync(
                new SampleRequest(new ReportPeriod(ReportPeriodKind.Month, 2026, 2), new SamplePlan(SampleSizeMode.Count, 10, 1, RiskWeighted: true)),
                TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"),
                new ActingUser(supervisor.Id, supervisor.DisplayName, supervisor.DepartmentId, new HashSet<string> { PortalRoles.Supervisor }));
            Assert.True(draw.Succeeded, draw.Error.ToString());
            Assert.InRange(draw.Value!.CandidateCount, 15, DemoCases.Count);
        }

        // Started again on the same file (a restart), and asked again: the cases are there once.
        using (var restarted = new PortalAppFactory(app.Database, time: new SettableTimeProvider(Now.AddHours(1))) { Settings = { ["Demo:SeedCases"] = "true" } })
        {
            Assert.Equal(DemoCasesResult.None, await restarted.Services.GetRequiredService<DemoCases>().EnsureAsync("mixed"));
        }

        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal(DemoCases.Count + DemoCases.PastRetention, await db.Complaints.CountAsync());
        }
    }

    [Theory]
    [InlineData("manufacturer")]
    [InlineData("plaza")]
    [InlineData("telecom")]
    public async Task Each_regime_starter_gets_demo_cases_of_its_own_categories_that_every_step_accepted(string starter)
    {
        // The tests' portal starts without demo cases (Demo:SeedCases off): the test asks for them itself.
        using var app = new PortalAppFactory(time: new SettableTimeProvider(Now)) { Settings = { ["Demo:Starter"] = starter } };
        _ = app.Services;
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal(0, await db.Complaints.CountAsync());
        }

        var result = await app.Services.GetRequiredService<DemoCases>().EnsureAsync(starter);

        Assert.Equal(0, result.Failures);
        Assert.Equal(DemoCases.Count + DemoCases.PastRetention, result.Cases);
        await using var db2 = app.Database.CreateContext();
        var stages = await db2.Complaints.AsNoTracking().Select(c => c.Stage).Distinct().ToListAsync();
        Assert.Contains(CaseStage.Closed, stages);
        Assert.Contains(CaseStage.InDepartments, stages);
        Assert.Contains(CaseStage.Registered, stages);
        // Each case was assessed into a category the starter has, and went to departments its demo people work in.
        var categories = await db2.Complaints.AsNoTracking().Where(c => c.CategoryId != null).Select(c => c.CategoryId!.Value).Distinct().ToListAsync();
        Assert.True(categories.Count >= 2, $"{categories.Count} categories");
        var handled = await db2.DepartmentTasks.AsNoTracking().Select(t => t.DepartmentId).Distinct().ToListAsync();
        var demoDepartments = DemoPeople.For(starter).Where(p => p.DepartmentCode is not null).Select(p => p.DepartmentCode).ToHashSet();
        var codes = await db2.Departments.AsNoTracking().Where(d => handled.Contains(d.Id)).Select(d => d.Code).ToListAsync();
        Assert.All(codes, code => Assert.Contains(code, demoDepartments));
    }
}
