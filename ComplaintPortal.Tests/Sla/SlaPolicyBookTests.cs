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
}
