using System.Text.Json;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Deadlines;
using ComplaintPortal.Tests.Sla;
using ComplaintPortal.Tests.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ComplaintPortal.Tests.Reporting.Kept;

/// <summary>The kept statistics counts against the statistics counted from the cases (the reference), on cases driven through the workflow and corrected.</summary>
public sealed class KeptStatisticsTests
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static readonly ReportPeriod[] Periods =
    [
        new(ReportPeriodKind.Month, 2026, 2), new(ReportPeriodKind.Month, 2026, 3), new(ReportPeriodKind.Month, 2026, 4),
        new(ReportPeriodKind.Quarter, 2026, 1), new(ReportPeriodKind.Quarter, 2026, 2), new(ReportPeriodKind.Year, 2026, 1),
    ];

    [Fact]
    public async Task Kept_statistics_equal_the_counted_ones_as_cases_come_in_move_through_the_workflow_and_are_corrected()
    {
        await using var s = await KeptScenarioAsync();
        var d = s.Driver;
        // The last hour of February in Shanghai, by another caller about another product, somewhere in the plaza.
        s.SetLocal("2026-02-28 23:30");
        var february = (await d.RegisterAsync(Intake("13900000001", "XP-300", "停车场", "经销商"))).Id;
        s.SetLocal("2026-03-02 09:30");
        // The sample caller again and again: every case after the first is a repeat.
        var closed = (await d.CaseInStageAsync(CaseStage.Closed)).Id;
        await d.CaseInStageAsync(CaseStage.Invalid);
        await d.CaseInStageAsync(CaseStage.Duplicate);
        await d.CaseInStageAsync(CaseStage.Withdrawn);
        var inDepartments = (await d.CaseInStageAsync(CaseStage.InDepartments)).Id;
        var callback = (await d.CaseInStageAsync(CaseStage.AwaitingCallback)).Id;
        await d.CaseInStageAsync(CaseStage.AwaitingClosureApproval);
        // The same product typed in full width: one group, two spellings.
        var fullWidth = (await d.RegisterAsync(Intake("13900000002", "ＸＰ－２００", "停车场", "经销商"))).Id;
        await d.AssessAsync(fullWidth, CategoryCatalog.Service);
        await AssertSameAsCountedAsync(s);

        s.SetLocal("2026-04-01 10:00");
        await d.DoAsync(callback, WorkflowAction.ReopenUnsatisfied, new() { Note = "客户对更换结果不满意" }, d.Clerk);
        var task = (await d.LoadAsync(inDepartments)).Tasks.First();
        var cause = await CauseCodeAsync(s);
        await d.DoAsync(inDepartments, WorkflowAction.RecordFindings,
            new() { TaskId = task.Id, Note = "查明原因", RootCause = "原材料", CauseCategoryCode = cause }, d.HandlerOf(task.DepartmentId));
        await d.RegisterAsync(Intake("13900000001", null, null, null));
        await AssertSameAsCountedAsync(s);

        // Corrections saved on the stored cases: the first call of the sample caller moves to January, the closed case's
        // caller and product are corrected, and February's case comes from the sample caller after all.
        await using (var db = s.Database.CreateContext())
        {
            var corrected = await db.Complaints.SingleAsync(c => c.Id == closed);
            var samplePhone = corrected.PhoneKey;
            var first = await db.Complaints.Where(c => c.PhoneKey == samplePhone && c.Id != closed).OrderBy(c => c.Id).FirstAsync();
            db.Entry(first).Property(c => c.ReceivedAt).CurrentValue = SlaCalendars.Mainland.At("2026-01-15 08:00");
            corrected.PhoneKey = "13900000009";
            db.Entry(corrected).ComplexProperty(c => c.Subject).Property(x => x.ProductModel).CurrentValue = "xp-200";
            (await db.Complaints.SingleAsync(c => c.Id == february)).PhoneKey = samplePhone;
            await db.SaveChangesAsync();
        }

        await AssertSameAsCountedAsync(s);

        // The January call was another caller's after all: February's case, not touched by this save, is no repeat any more.
        await using (var db = s.Database.CreateContext())
        {
            var january = SlaCalendars.Mainland.At("2026-01-15 08:00");
            (await db.Complaints.SingleAsync(c => c.ReceivedAt == january)).PhoneKey = "13900000010";
            await db.SaveChangesAsync();
        }

        await AssertSameAsCountedAsync(s);

        // Folding the appended rows changes no figure; neither does building them afresh.
        await using (var db = s.Database.CreateContext())
        {
            Assert.True(await StatisticsCounts.CompactAsync(db) > 0);
            Assert.False(await db.Set<StatisticsCount>().GroupBy(r => new { r.Month, r.Scope, r.Line, r.Key }).AnyAsync(g => g.Count() > 1));
        }

        await AssertSameAsCountedAsync(s);
        await using (var db = s.Database.CreateContext())
        {
            await StatisticsCounts.RebuildAsync(db, Zone, d.Time.GetUtcNow());
        }

        var march = await AssertSameAsCountedAsync(s);
        // The scenario counts what it means to: complaints only, repeats, reopened, both spellings of one product, a filed cause.
        // Seven complaints in March: the five cases brought to a stage that is a complaint (the invalid and the duplicate are
        // none), the duplicate's original and the full-width product's.
        Assert.Equal(7, march.Total.Received);
        Assert.True(march.Total.RepeatCallers >= 4);
        Assert.Contains(march.ByProduct, l => l.Name == "XP-200" && l.Group.Spellings.Contains("ＸＰ－２００"));
    }

    [Fact]
    public async Task The_statistics_are_read_from_the_kept_counts_once_they_are_kept_and_counted_from_the_cases_until_then()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-03-02 09:30");
        var id = (await s.Driver.CaseInStageAsync(CaseStage.Closed)).Id;
        var march = new ReportPeriod(ReportPeriodKind.Month, 2026, 3);
        await using var db = s.Database.CreateContext();
        var statistics = new ComplaintStatistics(db);
        Assert.Equal(1, (await statistics.ReadAsync(march, Zone)).Total.Closed);

        await StatisticsCounts.EnsureAsync(db, Zone, s.Driver.Time.GetUtcNow());
        // A change that goes around the portal's saves (as a hand-made fix in the database would) is not in the kept counts:
        // the page reads them, not the cases, until they are built again.
        await db.Complaints.Where(c => c.Id == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Stage, CaseStage.Withdrawn));
        Assert.Equal(0, (await statistics.ComputeAsync(march, Zone)).Total.Closed);
        Assert.Equal(1, (await statistics.ReadAsync(march, Zone)).Total.Closed);
        // Counted in another zone, the kept counts are not used.
        Assert.Equal(0, (await statistics.ReadAsync(march, TimeZoneInfo.Utc)).Total.Closed);

        await StatisticsCounts.RebuildAsync(db, Zone, s.Driver.Time.GetUtcNow());
        Assert.Equal(0, (await statistics.ReadAsync(march, Zone)).Total.Closed);
    }

    [Fact]
    public async Task Two_saves_of_one_phone_at_the_same_moment_are_checked_again_and_the_repeat_caller_they_missed_is_counted()
    {
        await using var s = await KeptScenarioAsync();
        var d = s.Driver;
        s.SetLocal("2026-03-02 09:30");
        var earlier = (await d.RegisterAsync(Intake("13900000021", "XP-300", null, null))).Id;
        s.SetLocal("2026-03-03 09:30");
        var later = (await d.RegisterAsync(Intake("13900000022", "XP-300", null, null))).Id;
        await using (var db = s.Database.CreateContext())
        {
            Assert.Equal(0, await StatisticsCounts.RecheckCallersAsync(db));
        }

        var before = await AssertSameAsCountedAsync(s);

        // Both calls turn out to be one caller's, corrected by two people at once: the first save has read the phone's
        // calls (none yet) and waits to write while the second reads them (none either) and is stored.
        var gate = new SaveGate();
        await using (var first = s.Database.CreateContext(gate))
        {
            (await first.Complaints.SingleAsync(c => c.Id == earlier)).PhoneKey = "13900000029";
            var saving = first.SaveChangesAsync();
            await gate.Reached.Task;
            await using (var second = s.Database.CreateContext())
            {
                (await second.Complaints.SingleAsync(c => c.Id == later)).PhoneKey = "13900000029";
                await second.SaveChangesAsync();
            }

            gate.Release.SetResult();
            await saving;
        }

        // Neither save saw the other's call, so the later one is counted as a first call, one repeat caller short.
        await using (var db = s.Database.CreateContext())
        {
            var statistics = new ComplaintStatistics(db);
            Assert.Equal(before.Total.RepeatCallers + 1, (await statistics.ComputeAsync(Periods[1], Zone)).Total.RepeatCallers);
            Assert.Equal(before.Total.RepeatCallers, (await statistics.ReadAsync(Periods[1], Zone)).Total.RepeatCallers);
            Assert.Equal(2, await db.Set<StatisticsCallerCheck>().CountAsync(c => c.PhoneKey == "13900000029"));

            // The check under the write lock finds it and corrects it, once.
            Assert.Equal(1, await StatisticsCounts.RecheckCallersAsync(db));
            Assert.False(await db.Set<StatisticsCallerCheck>().AnyAsync());
            Assert.Equal(0, await StatisticsCounts.RecheckCallersAsync(db));
        }

        var after = await AssertSameAsCountedAsync(s);
        Assert.Equal(before.Total.RepeatCallers + 1, after.Total.RepeatCallers);

        // A later change subtracts what was counted: the later call moves to another caller and is no repeat any more.
        await using (var db = s.Database.CreateContext())
        {
            (await db.Complaints.SingleAsync(c => c.Id == later)).PhoneKey = "13900000030";
            await db.SaveChangesAsync();
        }

        Assert.Equal(before.Total.RepeatCallers, (await AssertSameAsCountedAsync(s)).Total.RepeatCallers);
    }

    /// <summary>Holds a save after the portal's interceptors have run (the kept counts are worked out) until released.</summary>
    private sealed class SaveGate : SaveChangesInterceptor
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            Reached.TrySetResult();
            await Release.Task;
            return result;
        }
    }

    private static IntakeRequest Intake(string phone, string? product, string? location, string? group)
    {
        var intake = CaseDriver.SampleIntake();
        return intake with
        {
            Complainant = intake.Complainant with { Phone = phone, CustomerGroup = group },
            Subject = intake.Subject with { ProductModel = product, Location = location },
        };
    }

    private static async Task<string> CauseCodeAsync(DeadlineScenario s)
    {
        await using var db = s.Database.CreateContext();
        return await db.CauseCategories.Where(c => c.IsActive).OrderBy(c => c.Id).Select(c => c.Code).FirstAsync();
    }

    private static async Task<DeadlineScenario> KeptScenarioAsync()
    {
        var s = await DeadlineScenario.CreateAsync();
        await using var db = s.Database.CreateContext();
        await StatisticsCounts.EnsureAsync(db, Zone, s.Driver.Time.GetUtcNow());
        return s;
    }

    /// <summary>Every line of every period, for the whole organisation and for each department, read from the kept counts equals the counted; returns March's.</summary>
    private static async Task<ComplaintStatisticsResult> AssertSameAsCountedAsync(DeadlineScenario s)
    {
        await using var db = s.Database.CreateContext();
        Assert.True(await StatisticsCounts.IsKeptAsync(db, Zone));
        var statistics = new ComplaintStatistics(db);
        var departments = await db.Departments.Select(d => (int?)d.Id).ToListAsync();
        foreach (var period in Periods)
        {
            foreach (var department in departments.Prepend(null))
            {
                var counted = await statistics.ComputeAsync(period, Zone, department);
                var kept = await statistics.ReadAsync(period, Zone, department);
                Assert.Equal(JsonSerializer.Serialize(counted), JsonSerializer.Serialize(kept));
            }
        }

        return await statistics.ReadAsync(Periods[1], Zone);
    }
}
