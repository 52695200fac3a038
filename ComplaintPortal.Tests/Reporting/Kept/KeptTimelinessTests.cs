using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Reporting.Kept;

/// <summary>The kept counts against today's computation (the reference) on hand-built cases driven through the workflow.</summary>
public sealed class KeptTimelinessTests
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly ReportPeriod March = new(ReportPeriodKind.Month, 2026, 3);
    private static readonly ReportPeriod Year = new(ReportPeriodKind.Year, 2026, 1);

    [Fact]
    public async Task Kept_counts_equal_the_reference_report_as_cases_are_met_late_withdrawn_reopened_and_left_open_past_their_limits()
    {
        await using var s = await KeptScenarioAsync();
        s.SetLocal("2026-03-02 09:30");
        await s.Driver.CaseInStageAsync(CaseStage.Closed);                       // all on time
        await s.Driver.CaseInStageAsync(CaseStage.Withdrawn);                    // withdrawn at once: on time
        await s.Driver.CaseInStageAsync(CaseStage.Duplicate);                    // left out of the per-complaint figures
        await s.Driver.CaseInStageAsync(CaseStage.WaitingForCustomer);           // clocks stopped
        var openLate = (await s.Driver.RegisterAsync()).Id;                      // left open past its limits
        var withdrawnLate = (await s.Driver.RegisterAsync()).Id;
        var lateTask = (await s.Driver.CaseInStageAsync(CaseStage.InDepartments)).Id;
        var reopened = (await s.Driver.CaseInStageAsync(CaseStage.AwaitingCallback)).Id;
        await AssertSameAsReferenceAsync(s, s.SetLocal("2026-03-02 17:00"));

        await s.MonitorAsync(s.SetLocal("2026-03-04 12:00"));                     // first responses overdue
        await AssertSameAsReferenceAsync(s, s.Driver.Time.GetUtcNow());
        await s.Driver.DoAsync(withdrawnLate, WorkflowAction.Withdraw, new() { Note = "客户撤诉" }, s.Driver.Clerk);
        s.SetLocal("2026-03-16 10:00");
        await s.Driver.WorkAllTasksAsync(lateTask);                              // the department's task met late
        await s.Driver.DoAsync(reopened, WorkflowAction.ReopenUnsatisfied, new() { Note = "客户对更换结果不满意" }, s.Driver.Clerk);
        await s.MonitorAsync(s.Driver.Time.GetUtcNow());
        await AssertSameAsReferenceAsync(s, s.Driver.Time.GetUtcNow());
        // The reopened case's new completion limit passes with the clock alone: no save in between.
        await AssertSameAsReferenceAsync(s, s.SetLocal("2026-04-20 10:00"));

        await using (var db = s.Database.CreateContext())
        {
            Assert.False(await db.Set<TimelinessWatch>().AnyAsync(w => w.ComplaintId == withdrawnLate));
            Assert.True(await db.Set<TimelinessWatch>().AnyAsync(w => w.ComplaintId == openLate));
            // Folding the appended rows changes no figure; neither does building them afresh.
            Assert.True(await TimelinessCounts.CompactAsync(db) > 0);
        }

        await AssertSameAsReferenceAsync(s, s.Driver.Time.GetUtcNow());
        await using (var db = s.Database.CreateContext())
        {
            await TimelinessCounts.RebuildAsync(db, Zone, s.Driver.Time.GetUtcNow());
        }

        await AssertSameAsReferenceAsync(s, s.Driver.Time.GetUtcNow());
    }

    [Fact]
    public async Task Watch_row_follows_the_earliest_unmet_deadline_and_goes_once_the_verdict_is_fixed()
    {
        await using var s = await KeptScenarioAsync();
        s.SetLocal("2026-03-02 09:30");
        var id = (await s.Driver.RegisterAsync()).Id;
        Assert.Equal(await DueAsync(s, id, Domain.Deadlines.DeadlineKind.FirstResponse), await LateFromAsync(s, id));

        await s.Driver.AssessAsync(id);
        await s.Driver.AcknowledgeAsync(id);                                     // first response met in time
        Assert.Equal(await DueAsync(s, id, Domain.Deadlines.DeadlineKind.SolutionPlan), await LateFromAsync(s, id));

        s.SetLocal("2026-03-20 10:00");
        await s.MonitorAsync(s.Driver.Time.GetUtcNow());                          // overdue by the clock: still watched, counted late
        var counts = await ComputeAsync(s, March);
        Assert.Equal((1, 0), (counts.Overall.Complaints, counts.Overall.OnTime));

        await s.Driver.DoAsync(id, WorkflowAction.Withdraw, new() { Note = "客户撤诉" }, s.Driver.Clerk);
        Assert.Null(await LateFromAsync(s, id));                                 // withdrawn past its plan: late for good
        counts = await ComputeAsync(s, March);
        Assert.Equal((1, 0, 0), (counts.Overall.Complaints, counts.Overall.OnTime, counts.Overall.OpenWithinLimits));
    }

    [Fact]
    public async Task Reopened_case_is_watched_again_until_its_restarted_completion_limit()
    {
        await using var s = await KeptScenarioAsync();
        s.SetLocal("2026-03-02 09:30");
        var id = (await s.Driver.CaseInStageAsync(CaseStage.AwaitingCallback)).Id;
        Assert.Null(await LateFromAsync(s, id));                                 // every limit met: on time for good

        s.SetLocal("2026-03-10 10:00");
        await s.Driver.DoAsync(id, WorkflowAction.ReopenUnsatisfied, new() { Note = "客户对更换结果不满意" }, s.Driver.Clerk);

        var completion = await DueAsync(s, id, Domain.Deadlines.DeadlineKind.Completion);
        Assert.Equal(completion, await LateFromAsync(s, id));
        s.Driver.Time.Set(completion.AddMinutes(-1));
        Assert.Equal(1, (await ComputeAsync(s, March)).Overall.OnTime);
        s.Driver.Time.Set(completion);
        Assert.Equal(0, (await ComputeAsync(s, March)).Overall.OnTime);
    }

    [Fact]
    public async Task Every_figures_list_has_as_many_cases_as_the_figure_counts()
    {
        await using var s = await KeptScenarioAsync();
        s.SetLocal("2026-03-02 09:30");
        await s.Driver.CaseInStageAsync(CaseStage.Closed);
        await s.Driver.RegisterAsync();
        var late = (await s.Driver.CaseInStageAsync(CaseStage.InDepartments)).Id;
        var alsoLate = (await s.Driver.CaseInStageAsync(CaseStage.InDepartments)).Id;
        s.SetLocal("2026-03-16 10:00");
        await s.Driver.WorkAllTasksAsync(late);
        await s.Driver.WorkAllTasksAsync(alsoLate);
        var now = s.SetLocal("2026-03-20 10:00");
        var counts = await ComputeAsync(s, March);

        foreach (var row in counts.Departments.Prepend(counts.Overall))
        {
            foreach (var (figure, count) in new[]
                     {
                         (TimelinessFigure.Complaints, row.Complaints), (TimelinessFigure.OnTime, row.OnTime), (TimelinessFigure.Late, row.Late),
                         (TimelinessFigure.OpenWithinLimits, row.OpenWithinLimits), (TimelinessFigure.Resolved, row.Resolved),
                     })
            {
                Assert.Equal(count, (await ListAsync(s, figure, row.DepartmentId, now)).Count);
            }
        }

        foreach (var d in counts.PerDeadline)
        {
            Assert.Equal(d.Handled, (await ListAsync(s, TimelinessFigure.Handled, d.DepartmentId, now)).Count);
            Assert.Equal(d.HandledOnTime, (await ListAsync(s, TimelinessFigure.HandledOnTime, d.DepartmentId, now)).Count);
            Assert.Equal(d.DueInPeriod, (await ListAsync(s, TimelinessFigure.Due, d.DepartmentId, now)).Count);
            Assert.Equal(d.ResolvedOfDue, (await ListAsync(s, TimelinessFigure.ResolvedOfDue, d.DepartmentId, now)).Count);
        }

        Assert.True(counts.Missed > 0);
        Assert.Equal(counts.Missed, (await ListAsync(s, TimelinessFigure.Missed, null, now)).Count);
        // A late complaint's row shows when the first deadline it missed was met, late; one that missed none shows no times.
        var worked = (await ListAsync(s, TimelinessFigure.Late, null, now)).Single(r => r.ComplaintId == late);
        Assert.True(worked.MetAt > worked.DueAt, $"{worked.DueAt} {worked.MetAt}");
        Assert.All((await ListAsync(s, TimelinessFigure.OnTime, null, now)).Where(r => r.Kinds.Count == 0), r => Assert.Equal((null, null), (r.DueAt, r.MetAt)));
        // Pages of one, two or three add up to the whole list, in the same order, whether a page past the middle is read
        // from the start or, given the figure's count, from the end.
        foreach (var figure in new[] { TimelinessFigure.Complaints, TimelinessFigure.Late, TimelinessFigure.Handled, TimelinessFigure.Due, TimelinessFigure.Missed })
        {
            var all = await ListAsync(s, figure, null, now);
            Assert.True(all.Count >= 3, $"{figure}: {all.Count}");
            foreach (var (take, total) in new[] { 1, 2, 3 }.SelectMany(take => new int?[] { null, all.Count }.Select(total => (take, total))))
            {
                var paged = new List<FigureRow>();
                for (var skip = 0; skip < all.Count; skip += take)
                {
                    await using var db = s.Database.CreateContext();
                    paged.AddRange(await new TimelinessFigureList(db).PageAsync(figure, March, Zone, now, null, skip, take, total: total));
                }

                Assert.Equal(all.Select(r => (r.CaseNumber, r.Kinds.FirstOrDefault())), paged.Select(r => (r.CaseNumber, r.Kinds.FirstOrDefault())));
            }
        }
    }

    [Fact]
    public async Task Over_a_quarter_a_page_steps_over_the_months_before_it_by_their_kept_counts_and_reads_from_the_start_when_its_month_disagrees()
    {
        await using var s = await KeptScenarioAsync();
        var quarter = new ReportPeriod(ReportPeriodKind.Quarter, 2026, 1);
        // Two complaints in January, one in February, three in March, each worked through at once; and two in January, one
        // in February and one in March left open, late by the end of March with the clock alone (no save since).
        foreach (var (day, closed, open) in new[] { ("2026-01-12", 2, 2), ("2026-02-09", 1, 1), ("2026-03-09", 3, 1) })
        {
            s.SetLocal($"{day} 09:30");
            for (var i = 0; i < closed; i++)
            {
                await s.Driver.CaseInStageAsync(CaseStage.Closed);
            }

            for (var i = 0; i < open; i++)
            {
                await s.Driver.RegisterAsync();
            }
        }

        var now = s.SetLocal("2026-03-31 12:00");
        async Task<List<FigureRow>> PageAsync(TimelinessFigure figure, int skip, int take, int? total = null)
        {
            await using var db = s.Database.CreateContext();
            return [.. await new TimelinessFigureList(db).PageAsync(figure, quarter, Zone, now, null, skip, take, total: total)];
        }

        foreach (var figure in new[]
                 {
                     TimelinessFigure.Complaints, TimelinessFigure.OnTime, TimelinessFigure.Late, TimelinessFigure.Resolved, TimelinessFigure.Handled,
                     TimelinessFigure.HandledOnTime, TimelinessFigure.Due, TimelinessFigure.ResolvedOfDue,
                 })
        {
            var all = (await PageAsync(figure, 0, 10_000)).Select(r => (r.CaseNumber, r.Kinds.FirstOrDefault(), r.DueAt)).ToList();
            Assert.True(all.Count >= 4, $"{figure}: {all.Count}");
            foreach (var (take, total) in new[] { 1, 2, 3 }.SelectMany(take => new int?[] { null, all.Count }.Select(total => (take, total))))
            {
                for (var skip = 0; skip < all.Count; skip++)
                {
                    Assert.Equal(all.Skip(skip).Take(take), (await PageAsync(figure, skip, take, total)).Select(r => (r.CaseNumber, r.Kinds.FirstOrDefault(), r.DueAt)));
                }
            }
        }

        // Kept one too many in a month, by changing its row (a figure's cell may hold several rows until compacted).
        async Task<int> KeepAsync(int month, int change, bool late = false)
        {
            await using var db = s.Database.CreateContext();
            var row = await db.Set<TimelinessCount>().Where(c => c.Month == month && c.DepartmentId == TimelinessCount.WholeOrganisation && c.Kind == null)
                .Select(c => c.Id).FirstAsync();
            var cell = db.Set<TimelinessCount>().Where(c => c.Id == row);
            return late
                ? await cell.ExecuteUpdateAsync(c => c.SetProperty(x => x.Late, x => x.Late + change))
                : await cell.ExecuteUpdateAsync(c => c.SetProperty(x => x.Complaints, x => x.Complaints + change));
        }

        // The complaints: four in January, two in February, four in March.
        var complaints = (await PageAsync(TimelinessFigure.Complaints, 0, 20)).Select(r => r.CaseNumber).ToList();
        // January stepped over, kept one too many: the sixth complaint's page shows the fifth, the first of February.
        Assert.Equal(1, await KeepAsync(202601, 1));
        Assert.Equal([complaints[4]], (await PageAsync(TimelinessFigure.Complaints, 5, 1)).Select(r => r.CaseNumber));
        await KeepAsync(202601, -1);
        // February too, the month the page now lands in: counted, it disagrees, and the list is read from the start.
        await KeepAsync(202601, 1);
        await KeepAsync(202602, 1);
        Assert.Equal([complaints[5]], (await PageAsync(TimelinessFigure.Complaints, 5, 1)).Select(r => r.CaseNumber));
        await KeepAsync(202601, -1);
        await KeepAsync(202602, -1);

        // The late ones, judged (two in January and one each in February and March, late by the clock): the same, the
        // month landed in judged whole against what is kept.
        var late = (await PageAsync(TimelinessFigure.Late, 0, 20)).Select(r => r.CaseNumber).ToList();
        Assert.Equal(4, late.Count);
        await KeepAsync(202601, 1, late: true);
        Assert.Equal([late[2]], (await PageAsync(TimelinessFigure.Late, 3, 1)).Select(r => r.CaseNumber));
        await KeepAsync(202602, 1, late: true);
        Assert.Equal([late[3]], (await PageAsync(TimelinessFigure.Late, 3, 1)).Select(r => r.CaseNumber));
    }

    private static async Task<DeadlineScenario> KeptScenarioAsync()
    {
        var s = await DeadlineScenario.CreateAsync();
        await using var db = s.Database.CreateContext();
        await TimelinessCounts.EnsureAsync(db, Zone, s.Driver.Time.GetUtcNow());
        return s;
    }

    private static async Task<KeptTimelinessResult> ComputeAsync(DeadlineScenario s, ReportPeriod period, int? department = null)
    {
        await using var db = s.Database.CreateContext();
        return await new KeptTimelinessReport(db).ComputeAsync(period, 12, Zone, s.Driver.Time.GetUtcNow(), department);
    }

    private static async Task<IReadOnlyList<FigureRow>> ListAsync(DeadlineScenario s, TimelinessFigure figure, int? department, DateTimeOffset now)
    {
        await using var db = s.Database.CreateContext();
        return await new TimelinessFigureList(db).PageAsync(figure, March, Zone, now, department, 0, 10_000);
    }

    private static async Task<DateTimeOffset> DueAsync(DeadlineScenario s, int id, Domain.Deadlines.DeadlineKind kind) =>
        (await s.DeadlinesAsync(id)).Single(d => d.Kind == kind).DueAt;

    private static async Task<DateTimeOffset?> LateFromAsync(DeadlineScenario s, int id)
    {
        await using var db = s.Database.CreateContext();
        return await db.Set<TimelinessWatch>().Where(w => w.ComplaintId == id && w.DepartmentId == TimelinessCount.WholeOrganisation)
            .Select(w => (DateTimeOffset?)w.LateFrom).SingleOrDefaultAsync();
    }

    /// <summary>Every figure, list and trend point of the kept report equals the reference's, whole organisation and per department.</summary>
    private static async Task AssertSameAsReferenceAsync(DeadlineScenario s, DateTimeOffset now)
    {
        await using var db = s.Database.CreateContext();
        var reference = new ComplaintTimelinessReport(db, new TimelinessReport(db, WorkingCalendarCache.Shared));
        var departments = await db.Departments.Select(d => (int?)d.Id).ToListAsync();
        foreach (var period in new[] { March, Year })
        {
            foreach (var department in departments.Prepend(null))
            {
                var expected = await reference.ComputeAsync(period, Zone, now, department);
                var trend = await reference.MonthlyAsync(period.MonthsEndingHere(12), Zone, now, department);
                var kept = await new KeptTimelinessReport(db).ComputeAsync(period, 12, Zone, now, department);
                var what = $"{period.Kind} department {department} at {DeadlineScenario.Local(now)}";
                Assert.True(Row(expected.Overall) == Row(kept.Overall), $"{what}: overall {Row(expected.Overall)} vs {Row(kept.Overall)}");
                Assert.Equal(expected.Departments.Select(Row), kept.Departments.Select(Row));
                Assert.Equal(
                    expected.PerDeadline.Departments.Select(d => (d.DepartmentId, d.Handled, d.HandledOnTime, d.DueInPeriod, d.ResolvedOfDue,
                        string.Join(";", d.AverageWorkingTime.OrderBy(a => a.Key).Select(a => $"{a.Key}={a.Value.Ticks}")))),
                    kept.PerDeadline.Select(d => (d.DepartmentId, d.Handled, d.HandledOnTime, d.DueInPeriod, d.ResolvedOfDue,
                        string.Join(";", d.AverageWorkingTime.OrderBy(a => a.Key).Select(a => $"{a.Key}={a.Value.Ticks}")))));
                Assert.True(expected.PerDeadline.Missed.Count == kept.Missed, $"{what}: missed {expected.PerDeadline.Missed.Count} vs {kept.Missed}");
                Assert.Equal(trend.Select(m => (m.Year, m.Month, m.Complaints, m.OnTime, m.Resolved)),
                    kept.Trend.Select(m => (m.Year, m.Month, m.Complaints, m.OnTime, m.Resolved)));
            }
        }
    }

    private static (int?, int, int, int, int) Row(ComplaintTimelinessRow r) => (r.DepartmentId, r.Cases.Count, r.OnTime.Count, r.OpenWithinLimits.Count, r.Resolved.Count);

    private static (int?, int, int, int, int) Row(ComplaintCounts r) => (r.DepartmentId, r.Complaints, r.OnTime, r.OpenWithinLimits, r.Resolved);
}
