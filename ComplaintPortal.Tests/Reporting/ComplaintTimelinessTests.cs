using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Tests.Deadlines;

namespace ComplaintPortal.Tests.Reporting;

/// <summary>The seed's rate (投訴處理及時率), per complaint, on hand-built cases.</summary>
public sealed class ComplaintTimelinessTests
{
    private const int CustomerService = 1;
    private const int Quality = 2;
    private static readonly DateTimeOffset Day = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Day.AddDays(30);

    [Fact]
    public void Each_complaint_counts_once_and_is_on_time_only_when_every_deadline_was_met()
    {
        var (overall, departments) = ComplaintTimeliness.Compute(HandBuiltCases(), Now);

        // Duplicate left out; on time: all-on-time, withdrawn in time, open within limits.
        Assert.Equal(6, overall.Cases.Count);
        Assert.Equal(["ON-TIME", "WITHDRAWN", "OPEN-OK"], overall.OnTime.Select(c => c.CaseNumber));
        Assert.Equal(["LATE-TASK", "OPEN-LATE", "WITHDRAWN-LATE"], overall.Late.Select(c => c.CaseNumber));
        Assert.Equal(50.0m, overall.TimelinessRate);
        Assert.Equal(["OPEN-OK"], overall.OpenWithinLimits.Select(c => c.CaseNumber));
        Assert.Equal([(DeadlineKind.DepartmentTask, Quality)], Case(overall, "LATE-TASK").Missed.Select(m => (m.Kind, m.DepartmentId)));
        Assert.Equal([DeadlineKind.Completion], Case(overall, "OPEN-LATE").Missed.Select(m => m.Kind));
        Assert.Equal([DeadlineKind.SolutionPlan], Case(overall, "WITHDRAWN-LATE").Missed.Select(m => m.Kind));

        // Resolved = closed: 2 of 6, far below the plaza's 95%.
        Assert.Equal(["ON-TIME", "LATE-TASK"], overall.Resolved.Select(c => c.CaseNumber));
        Assert.Equal((33.3m, false), (overall.ResolutionRate, overall.ResolutionTargetMet));

        // Customer service is judged on the case deadlines only: the late task is Quality's.
        var service = departments.Single(d => d.DepartmentId == CustomerService);
        Assert.Equal(["LATE-TASK", "ON-TIME", "OPEN-OK", "WITHDRAWN"], service.OnTime.Select(c => c.CaseNumber).Order(StringComparer.Ordinal));
        var quality = departments.Single(d => d.DepartmentId == Quality);
        Assert.Equal((2, 50.0m), (quality.Cases.Count, quality.TimelinessRate));
    }

    [Fact]
    public void Drill_down_lists_add_up_to_each_figure()
    {
        var (overall, departments) = ComplaintTimeliness.Compute(HandBuiltCases(), Now);

        foreach (var row in departments.Prepend(overall))
        {
            Assert.Equal(row.Cases.Count, row.OnTime.Count + row.Late.Count);
            Assert.Equal(row.Cases.Count, row.Resolved.Count + row.Unresolved.Count);
            Assert.Empty(row.OnTime.Intersect(row.Late));
            Assert.Equal(row.TimelinessRate, DepartmentTimeliness.Rate(row.OnTime.Count, row.Cases.Count));
        }

        // The per-deadline drill-down: every figure lists exactly the deadlines it counts.
        var (from, to) = (Day.AddDays(-1), Day.AddDays(60));
        var perDeadline = TimelinessFigures.Compute(HandBuiltCases().SelectMany(c => c.Deadlines), from, to, Now);
        foreach (var d in perDeadline.Departments)
        {
            Assert.Equal((d.Handled, d.HandledOnTime, d.DueInPeriod, d.ResolvedOfDue),
                (d.HandledDeadlines.Count, d.HandledOnTimeDeadlines.Count, d.DueDeadlines.Count, d.ResolvedOfDueDeadlines.Count));
            Assert.All(d.HandledOnTimeDeadlines, f => Assert.Contains(f, d.HandledDeadlines));
        }
    }

    [Fact]
    public void Resolution_target_is_met_at_ninety_five_percent()
    {
        var closed = Enumerable.Range(1, 19).Select(i => Complaint(i, "C" + i, CaseStage.Closed, Day.AddDays(5), []));
        var open = Complaint(20, "OPEN", CaseStage.InDepartments, null, []);

        var (overall, _) = ComplaintTimeliness.Compute([.. closed, open], Now);

        Assert.Equal((95.0m, true), (overall.ResolutionRate, overall.ResolutionTargetMet));
    }

    [Fact]
    public async Task Report_counts_the_complaints_received_in_the_period_from_the_database()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-03-02 09:30");
        await s.Driver.CaseInStageAsync(CaseStage.Closed);
        await s.Driver.CaseInStageAsync(CaseStage.Withdrawn);
        var late = (await s.Driver.RegisterAsync()).Id;
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

        await using var db = s.Database.CreateContext();
        var report = new ComplaintTimelinessReport(db, new TimelinessReport(db, WorkingCalendarCache.Shared));
        var result = await report.ComputeAsync(new ReportPeriod(ReportPeriodKind.Month, 2026, 3), zone, s.SetLocal("2026-03-31 12:00"));

        // Closed in time, withdrawn at once, and one left registered past all three of its limits.
        Assert.Equal(3, result.Overall.Cases.Count);
        Assert.Equal([late], result.Overall.Late.Select(c => c.ComplaintId));
        Assert.Equal(3, Assert.Single(result.Overall.Late).Missed.Count);
        Assert.Equal(CaseStage.Closed, Assert.Single(result.Overall.Resolved).Stage);
        Assert.NotEmpty(result.PerDeadline.Departments);
    }

    private static ComplaintVerdict Case(ComplaintTimelinessRow row, string number) => row.Cases.Single(c => c.CaseNumber == number);

    private static List<ComplaintFact> HandBuiltCases()
    {
        var day = Day;
        return
        [
            Complaint(1, "ON-TIME", CaseStage.Closed, day.AddDays(6),
                [Met(1, DeadlineKind.FirstResponse, 1, 0), Met(1, DeadlineKind.SolutionPlan, 3, 2), Met(1, DeadlineKind.Completion, 7, 6), Met(1, DeadlineKind.DepartmentTask, 6, 5, Quality)]),
            Complaint(2, "LATE-TASK", CaseStage.Closed, day.AddDays(8),
                [Met(2, DeadlineKind.FirstResponse, 1, 0), Met(2, DeadlineKind.SolutionPlan, 3, 2), Met(2, DeadlineKind.Completion, 9, 8), Met(2, DeadlineKind.DepartmentTask, 6, 7, Quality)]),
            Complaint(3, "OPEN-LATE", CaseStage.InDepartments, null,
                [Met(3, DeadlineKind.FirstResponse, 1, 0), Met(3, DeadlineKind.SolutionPlan, 3, 2), Open(3, DeadlineKind.Completion, 7)]),
            // Withdrawn on day 2: the plan (due day 3) and completion were still running and ended with it.
            Complaint(4, "WITHDRAWN", CaseStage.Withdrawn, day.AddDays(2),
                [Met(4, DeadlineKind.FirstResponse, 1, 0), Open(4, DeadlineKind.SolutionPlan, 3), Open(4, DeadlineKind.Completion, 7)]),
            // Withdrawn on day 5, two days after its plan fell due unmet.
            Complaint(5, "WITHDRAWN-LATE", CaseStage.Withdrawn, day.AddDays(5),
                [Met(5, DeadlineKind.FirstResponse, 1, 0), Open(5, DeadlineKind.SolutionPlan, 3), Open(5, DeadlineKind.Completion, 7)]),
            Complaint(6, "DUPLICATE", CaseStage.Duplicate, day, [Open(6, DeadlineKind.FirstResponse, 1)]),
            Complaint(7, "OPEN-OK", CaseStage.InDepartments, null,
                [Met(7, DeadlineKind.FirstResponse, 1, 0), Open(7, DeadlineKind.SolutionPlan, 40), Open(7, DeadlineKind.Completion, 45)]),
        ];
    }

    private static ComplaintFact Complaint(int id, string number, CaseStage stage, DateTimeOffset? closedAt, IReadOnlyList<DeadlineFact> deadlines) =>
        new(id, number, stage, closedAt, null, [.. deadlines.Select(d => d with { CaseNumber = number })]);

    private static DeadlineFact Met(int id, DeadlineKind kind, int dueDay, int metDay, int department = CustomerService) =>
        new(department, id, "", kind, Day.AddDays(dueDay), Day.AddDays(metDay), null);

    private static DeadlineFact Open(int id, DeadlineKind kind, int dueDay) =>
        new(CustomerService, id, "", kind, Day.AddDays(dueDay), null, null);
}
