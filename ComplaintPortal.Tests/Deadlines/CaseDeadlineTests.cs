using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Deadlines;

/// <summary>Deadlines set and moved by the real workflow on the seeded 2026 calendars and default policies.</summary>
public sealed class CaseDeadlineTests
{
    [Fact]
    public async Task Registration_before_Spring_Festival_counts_whole_days_after_receipt_and_make_up_Saturdays()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-02-13 16:00");

        var id = (await s.Driver.RegisterAsync()).Id;

        // General: 1 / 3 / 7 whole working days after the day of receipt, each due at the close of the day.
        Assert.Equal("2026-02-14 18:00", await s.DueLocalAsync(id, DeadlineKind.FirstResponse));
        Assert.Equal("2026-02-25 18:00", await s.DueLocalAsync(id, DeadlineKind.SolutionPlan));
        Assert.Equal("2026-03-02 18:00", await s.DueLocalAsync(id, DeadlineKind.Completion));
        Assert.All(await s.DeadlinesAsync(id), d => Assert.Equal(DayCounting.WholeDays, d.Target!.Value.Counting));
    }

    [Fact]
    public async Task Registration_outside_hours_before_National_Day_starts_after_the_holiday()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-09-30 20:00");

        var id = (await s.Driver.RegisterAsync()).Id;

        // The first working day after 30 September is 8 October.
        Assert.Equal("2026-10-08 18:00", await s.DueLocalAsync(id, DeadlineKind.FirstResponse));
    }

    [Fact]
    public async Task Task_dispatched_before_Labour_Day_is_due_after_the_holiday_and_the_make_up_Saturday()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-04-30 14:00");
        var id = (await s.Driver.RegisterAsync()).Id;
        await s.Driver.AssessAsync(id);
        await s.Driver.AcknowledgeAsync(id);
        s.SetLocal("2026-04-30 17:00");

        var complaint = await s.Driver.DispatchAsync(id, DepartmentCatalog.Quality);

        var task = Assert.Single(complaint.Tasks);
        // Seven whole working days after 30 April: 6, 7, 8, the make-up Saturday 9, 11, 12 and 13 May.
        Assert.Equal("2026-05-13 18:00", DeadlineScenario.Local(task.Deadline));
        var tracked = (await s.DeadlinesAsync(id)).Single(d => d.Kind == DeadlineKind.DepartmentTask);
        Assert.Equal((task.Id, task.Deadline), (tracked.DepartmentTaskId!.Value, tracked.DueAt));
    }

    [Fact]
    public async Task Explicit_dispatch_deadline_is_kept()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-03-02 09:30");
        var id = (await s.Driver.RegisterAsync()).Id;
        await s.Driver.AssessAsync(id);
        await s.Driver.AcknowledgeAsync(id);
        var chosen = s.Driver.Time.GetUtcNow().AddDays(2);

        var complaint = await s.Driver.DoAsync(id, WorkflowAction.Dispatch,
            new() { DepartmentIds = [s.Driver.DepartmentId(DepartmentCatalog.Quality)], Deadline = chosen }, s.Driver.Clerk);

        Assert.Equal(chosen, complaint.Tasks[0].Deadline);
        var tracked = (await s.DeadlinesAsync(id)).Single(d => d.Kind == DeadlineKind.DepartmentTask);
        Assert.Equal(chosen, tracked.DueAt);
        Assert.Null(tracked.Target);
    }

    [Fact]
    public async Task Pause_over_Qingming_moves_the_task_and_case_deadlines_by_the_working_time_paused()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-03-31 09:00");
        var id = (await s.Driver.RegisterAsync()).Id;
        await s.Driver.AssessAsync(id);
        await s.Driver.AcknowledgeAsync(id);
        s.SetLocal("2026-04-01 09:00");
        var complaint = await s.Driver.DispatchAsync(id, DepartmentCatalog.Quality);
        Assert.Equal("2026-04-13 18:00", DeadlineScenario.Local(complaint.Tasks[0].Deadline));
        var handler = s.Driver.HandlerOf(DepartmentCatalog.Quality);

        s.SetLocal("2026-04-02 10:00");
        await s.Driver.DoAsync(id, WorkflowAction.WaitForCustomer, new() { Note = "等待客户寄回样品" }, handler);
        s.SetLocal("2026-04-07 10:00");
        complaint = await s.Driver.DoAsync(id, WorkflowAction.ResumeFromCustomer, new() { Note = "样品已收到" }, handler);

        // 51.5 working hours were left at the pause; they count again from Tuesday 10:00 after Qingming (4–6 April).
        Assert.Equal("2026-04-15 18:00", DeadlineScenario.Local(complaint.Tasks[0].Deadline));
        var task = (await s.DeadlinesAsync(id)).Single(d => d.Kind == DeadlineKind.DepartmentTask);
        Assert.Equal(complaint.Tasks[0].Deadline, task.DueAt);
        Assert.Equal(TimeSpan.FromHours(6.5 + 7.5 + 1), task.PausedWorkingTime);
        await using var db = s.Database.CreateContext();
        var line = await db.LedgerEvents.Where(e => e.ComplaintId == id).OrderBy(e => e.Sequence).LastAsync();
        Assert.Equal(CaseDeadlines.LedgerAction, line.Action);
        Assert.Contains("paused 2026-04-02T02:00Z to 2026-04-07T02:00Z", line.Note, StringComparison.Ordinal);
        Assert.Contains("DepartmentTask#", line.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raising_the_priority_at_assessment_retargets_from_receipt_on_the_round_the_clock_calendar()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-03-02 09:30");
        var id = (await s.Driver.RegisterAsync()).Id;
        Assert.Equal("2026-03-03 18:00", await s.DueLocalAsync(id, DeadlineKind.FirstResponse));

        s.SetLocal("2026-03-02 11:30");
        await s.Driver.AssessAsync(id, CategoryCatalog.ProductQuality, Severity.Moderate, Urgency.Urgent);

        // Urgent: 4 working hours on 24/7, of which the 2 hours since receipt are used; the plan's 1 whole
        // day is the day after receipt, which on 24/7 closes at midnight.
        Assert.Equal("2026-03-02 13:30", await s.DueLocalAsync(id, DeadlineKind.FirstResponse));
        Assert.Equal("2026-03-04 00:00", await s.DueLocalAsync(id, DeadlineKind.SolutionPlan));
        Assert.All(await s.DeadlinesAsync(id), d => Assert.Equal("24X7", d.CalendarCode));
    }

    [Fact]
    public async Task Category_on_the_Taiwan_calendar_skips_Lunar_New_Year_and_its_make_up_day_off()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        await using (var db = s.Database.CreateContext())
        {
            var values = new SlaPolicyValues(Priority.General, s.Driver.CategoryId(CategoryCatalog.Service), "TW",
                SlaTarget.Days(1), SlaTarget.Days(3), SlaTarget.Days(7), 20);
            Assert.Equal(SlaPolicySaveResult.Saved, await new SlaPolicyBook(db).SaveAsync(null, values, "u-admin", "admin", s.Driver.Time.GetUtcNow()));
        }

        s.SetLocal("2026-02-13 16:00");
        var id = (await s.Driver.RegisterAsync()).Id;
        s.SetLocal("2026-02-13 16:10");
        await s.Driver.AssessAsync(id, CategoryCatalog.Service);

        // Taipei and Shanghai share UTC+8. The first working day after Friday 13 February: 14–22 February are
        // weekend or off (春節 and 除夕前一日補假), so the close of Monday 23 February (08:30–12:30, 13:30–17:30).
        Assert.Equal("2026-02-23 17:30", await s.DueLocalAsync(id, DeadlineKind.FirstResponse));
        Assert.All(await s.DeadlinesAsync(id), d => Assert.Equal("TW", d.CalendarCode));
    }

    [Fact]
    public async Task Fulfilling_steps_mark_deadlines_met()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-03-02 09:30");

        var complaint = await s.Driver.CaseInStageAsync(CaseStage.AwaitingCallback);

        var deadlines = await s.DeadlinesAsync(complaint.Id);
        Assert.Equal(5, deadlines.Count);
        Assert.All(deadlines, d => Assert.True(d.MetOnTime, d.Kind.ToString()));
    }
}
