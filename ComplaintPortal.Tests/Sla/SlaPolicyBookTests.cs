using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Tests.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Sla;

public sealed class SlaPolicyBookTests
{
    [Fact]
    public async Task Seeded_defaults_are_the_regime_numbers()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        await using var db = s.Database.CreateContext();

        var policies = await new SlaPolicyBook(db).ListAsync();

        Assert.Equal(["CN 1d/3d/7d due-soon 20%", "24X7 4h/1d/3d due-soon 20%"], policies.Select(p => p.Summary()));
        Assert.Equal(2, await db.SlaPolicyChanges.CountAsync(c => c.Before == null));
    }

    [Fact]
    public async Task Policy_change_applies_to_new_deadlines_only_and_is_logged()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-03-02 09:30");
        var before = (await s.Driver.RegisterAsync()).Id;

        await using (var db = s.Database.CreateContext())
        {
            var general = await db.SlaPolicies.SingleAsync(p => p.Priority == Priority.General && p.CategoryId == null);
            var result = await new SlaPolicyBook(db).SaveAsync(general.Id,
                new(Priority.General, null, "CN", SlaTarget.Days(2), SlaTarget.Days(3), SlaTarget.Days(7), 25),
                "u-admin", "管理员", s.Driver.Time.GetUtcNow());
            Assert.Equal(SlaPolicySaveResult.Saved, result);
        }

        var after = (await s.Driver.RegisterAsync()).Id;

        Assert.Equal("2026-03-03 18:00", await s.DueLocalAsync(before, DeadlineKind.FirstResponse));
        Assert.Equal("2026-03-04 18:00", await s.DueLocalAsync(after, DeadlineKind.FirstResponse));
        await using var check = s.Database.CreateContext();
        var change = await check.SlaPolicyChanges.OrderByDescending(c => c.Id).FirstAsync();
        Assert.Equal(("u-admin", "CN 1d/3d/7d due-soon 20%", "CN 2d/3d/7d due-soon 25%"), (change.ChangedByUserId, change.Before, change.After));
    }

    [Fact]
    public async Task Category_override_takes_precedence_over_the_priority_default()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        await using (var db = s.Database.CreateContext())
        {
            var values = new SlaPolicyValues(Priority.General, s.Driver.CategoryId(CategoryCatalog.Repair), "24X7",
                SlaTarget.Hours(8), SlaTarget.Hours(24), SlaTarget.Hours(48), 10);
            Assert.Equal(SlaPolicySaveResult.Saved, await new SlaPolicyBook(db).SaveAsync(null, values, "u-admin", "管理员", s.Driver.Time.GetUtcNow()));
            Assert.Equal(SlaPolicySaveResult.AlreadyExists, await new SlaPolicyBook(db).SaveAsync(null, values, "u-admin", "管理员", s.Driver.Time.GetUtcNow()));
            Assert.Equal(SlaPolicySaveResult.UnknownCalendar,
                await new SlaPolicyBook(db).SaveAsync(null, values with { CalendarCode = "XX" }, "u-admin", "管理员", s.Driver.Time.GetUtcNow()));
        }

        s.SetLocal("2026-03-02 09:30");
        var id = (await s.Driver.RegisterAsync()).Id;
        await s.Driver.AssessAsync(id, CategoryCatalog.Repair);

        Assert.Equal("2026-03-02 17:30", await s.DueLocalAsync(id, DeadlineKind.FirstResponse));
    }

    [Fact]
    public async Task A_target_can_choose_the_same_clock_time_reading_and_the_log_says_so()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        await using (var db = s.Database.CreateContext())
        {
            var general = await db.SlaPolicies.SingleAsync(p => p.Priority == Priority.General && p.CategoryId == null);
            var result = await new SlaPolicyBook(db).SaveAsync(general.Id,
                new(Priority.General, null, "CN", SlaTarget.Days(1, DayCounting.SameClockTime), SlaTarget.Days(3), SlaTarget.Days(7), 20),
                "u-admin", "管理员", s.Driver.Time.GetUtcNow());
            Assert.Equal(SlaPolicySaveResult.Saved, result);
            var reloaded = await new SlaPolicyBook(db).ListAsync();
            Assert.Equal(DayCounting.SameClockTime, reloaded.Single(p => p.Id == general.Id).FirstResponse.Counting);
        }

        s.SetLocal("2026-03-02 09:30");
        var id = (await s.Driver.RegisterAsync()).Id;

        Assert.Equal("2026-03-03 09:30", await s.DueLocalAsync(id, DeadlineKind.FirstResponse));
        Assert.Equal("2026-03-05 18:00", await s.DueLocalAsync(id, DeadlineKind.SolutionPlan));
        await using var check = s.Database.CreateContext();
        var change = await check.SlaPolicyChanges.OrderByDescending(c => c.Id).FirstAsync();
        Assert.Equal("CN 1d-clock/3d/7d due-soon 20%", change.After);
    }

    [Fact]
    public async Task Category_override_applies_to_its_sub_categories_and_the_most_specific_wins()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        await using (var db = s.Database.CreateContext())
        {
            var book = new SlaPolicyBook(db);
            await book.SaveAsync(null, Override(s, CategoryCatalog.ProductQuality, 8), "u-admin", "管理员", s.Driver.Time.GetUtcNow());
            await book.SaveAsync(null, Override(s, "QUALITY.DEFECT", 2), "u-admin", "管理员", s.Driver.Time.GetUtcNow());
        }

        s.SetLocal("2026-03-02 09:30");
        var fault = (await s.Driver.RegisterAsync()).Id;
        await s.Driver.AssessAsync(fault, "QUALITY.FAULT");
        var defect = (await s.Driver.RegisterAsync()).Id;
        await s.Driver.AssessAsync(defect, "QUALITY.DEFECT");
        var service = (await s.Driver.RegisterAsync()).Id;
        await s.Driver.AssessAsync(service, CategoryCatalog.Service);

        Assert.Equal("2026-03-02 17:30", await s.DueLocalAsync(fault, DeadlineKind.FirstResponse));
        Assert.Equal("2026-03-02 11:40", await s.DueLocalAsync(defect, DeadlineKind.FirstResponse));
        Assert.Equal("2026-03-03 18:00", await s.DueLocalAsync(service, DeadlineKind.FirstResponse));
    }

    [Fact]
    public async Task Deleted_override_stops_applying_is_logged_and_can_be_added_again()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        await using var db = s.Database.CreateContext();
        var book = new SlaPolicyBook(db);
        var now = s.Driver.Time.GetUtcNow();
        await book.SaveAsync(null, Override(s, CategoryCatalog.ProductQuality, 8), "u-admin", "管理员", now);
        Assert.Equal(SlaPolicySaveResult.Saved, await book.SaveAsync(null, Override(s, "QUALITY.DEFECT", 2), "u-admin", "管理员", now));
        var defect = (await book.ListAsync()).Single(p => p.CategoryId == s.Driver.CategoryId("QUALITY.DEFECT"));
        var general = (await book.ListAsync()).Single(p => p.CategoryId == null && p.Priority == Priority.General);

        Assert.Equal(SlaPolicyDeleteResult.Deleted, await book.DeleteAsync(defect.Id, "u-admin", "管理员", now));
        Assert.Equal(SlaPolicyDeleteResult.NotFound, await book.DeleteAsync(defect.Id, "u-admin", "管理员", now));
        Assert.Equal(SlaPolicyDeleteResult.DefaultPolicy, await book.DeleteAsync(general.Id, "u-admin", "管理员", now));

        Assert.DoesNotContain(await book.ListAsync(), p => p.Id == defect.Id);
        var deadlines = new CaseDeadlines(db, WorkingCalendarCache.Shared);
        Assert.Equal(8, (await deadlines.PolicyForAsync(Priority.General, s.Driver.CategoryId("QUALITY.DEFECT"))).FirstResponseAmount);
        var log = await db.SlaPolicyChanges.Where(c => c.PolicyId == defect.Id).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal([(null, "24X7 2h/24h/48h due-soon 20%"), ("24X7 2h/24h/48h due-soon 20%", SlaPolicyBook.DeletedSummary)],
            log.Select(c => (c.Before, c.After)));

        Assert.Equal(SlaPolicySaveResult.Saved, await book.SaveAsync(null, Override(s, "QUALITY.DEFECT", 3), "u-admin", "管理员", now));
        var revived = (await book.ListAsync()).Single(p => p.CategoryId == s.Driver.CategoryId("QUALITY.DEFECT"));
        Assert.Equal((defect.Id, 3), (revived.Id, revived.FirstResponseAmount));
    }

    [Theory]
    // 50 h for the plan before 48 h for completion (the order the issue found accepted).
    [InlineData("24X7", 4, SlaTargetUnit.Hours, 50, SlaTargetUnit.Hours, 48, SlaTargetUnit.Hours, SlaPolicySaveResult.SolutionPlanAfterCompletion)]
    // 1 day on the mainland calendar is 7.5 working hours, less than a first response of 8 h.
    [InlineData("CN", 8, SlaTargetUnit.Hours, 1, SlaTargetUnit.Days, 3, SlaTargetUnit.Days, SlaPolicySaveResult.FirstResponseAfterSolutionPlan)]
    // On 24/7 a day is 24 h, so 1 day for the plan and 30 h for completion is in order.
    [InlineData("24X7", 4, SlaTargetUnit.Hours, 1, SlaTargetUnit.Days, 30, SlaTargetUnit.Hours, SlaPolicySaveResult.Saved)]
    [InlineData("CN", 1, SlaTargetUnit.Days, 1, SlaTargetUnit.Days, 1, SlaTargetUnit.Days, SlaPolicySaveResult.Saved)]
    public async Task Stages_out_of_order_are_refused_with_the_reason(string calendar, int first, SlaTargetUnit firstUnit, int plan, SlaTargetUnit planUnit,
        int completion, SlaTargetUnit completionUnit, SlaPolicySaveResult expected)
    {
        await using var s = await DeadlineScenario.CreateAsync();
        await using var db = s.Database.CreateContext();
        var book = new SlaPolicyBook(db);
        var urgent = (await book.ListAsync()).Single(p => p.Priority == Priority.Urgent);

        var result = await book.SaveAsync(urgent.Id, new(Priority.Urgent, null, calendar, new(first, firstUnit), new(plan, planUnit),
            new(completion, completionUnit), 20), "u-admin", "管理员", s.Driver.Time.GetUtcNow());

        Assert.Equal(expected, result);
        await using var check = s.Database.CreateContext();
        var saved = (await new SlaPolicyBook(check).ListAsync()).Single(p => p.Id == urgent.Id);
        Assert.Equal(expected == SlaPolicySaveResult.Saved, saved.CalendarCode == calendar && saved.CompletionAmount == completion);
    }

    private static SlaPolicyValues Override(DeadlineScenario s, string category, int firstResponseHours) =>
        new(Priority.General, s.Driver.CategoryId(category), "24X7", SlaTarget.Hours(firstResponseHours), SlaTarget.Hours(24), SlaTarget.Hours(48), 20);
}
