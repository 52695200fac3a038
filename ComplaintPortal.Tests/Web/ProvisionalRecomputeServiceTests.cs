using System.Text;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Tests.Workflow;
using ComplaintPortal.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Web;

/// <summary>The running portal re-computes a saved calendar's provisional deadlines in the background, woken by the page that saved it.</summary>
public sealed class ProvisionalRecomputeServiceTests : IDisposable
{
    // 30 December 2026, 10:00 in Shanghai: a case's later deadlines reach 2027, whose holidays are not known yet.
    private readonly SettableTimeProvider time = new(new DateTimeOffset(2026, 12, 30, 2, 0, 0, TimeSpan.Zero));
    private readonly PortalAppFactory app;

    public ProvisionalRecomputeServiceTests() => app = new PortalAppFactory(time: time);

    [Fact]
    public async Task A_holiday_import_moves_the_provisional_deadlines_once_the_service_is_woken()
    {
        var id = await app.WithDbAsync(async db =>
        {
            var clerk = await db.Users.SingleAsync(u => u.UserName == "intake");
            var actor = new ActingUser(clerk.Id, clerk.DisplayName, clerk.DepartmentId, new HashSet<string> { PortalRoles.IntakeClerk });
            return (await new ComplaintIntake(db, time, CaseNumberPolicy.Default).RegisterAsync(CaseDriver.SampleIntake(), actor)).Complaint!.Id;
        });
        Assert.True(await app.WithDbAsync(db => db.CaseDeadlines.AnyAsync(d => d.ComplaintId == id && d.IsProvisional)));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var csv = Encoding.UTF8.GetBytes("2027-01-01,off,元旦\n2027-02-14,work,春节调休上班\n");
            Assert.True((await scope.ServiceProvider.GetRequiredService<WorkingCalendarBook>().ImportHolidaysAsync("CN", 2027, csv, "admin", time.GetUtcNow())).Succeeded);
        }

        app.Services.GetRequiredService<ProvisionalRecomputeService>().Wake();

        var pending = true;
        for (var attempt = 0; attempt < 300 && pending; attempt++)
        {
            await Task.Delay(100);
            pending = await app.WithDbAsync(async db => (await new WorkingCalendarBook(db, WorkingCalendarCache.Shared).AwaitingRecomputationAsync("CN")).Count > 0);
        }

        Assert.False(pending);
        Assert.False(await app.WithDbAsync(db => db.CaseDeadlines.AnyAsync(d => d.ComplaintId == id && d.IsProvisional)));
        Assert.True(await app.WithDbAsync(db => db.LedgerEvents.AnyAsync(e => e.ComplaintId == id && e.Action == Domain.Deadlines.CaseDeadlines.LedgerAction && e.ActorUserId == Domain.Deadlines.ProvisionalDeadlines.ActorId)));
    }

    [Fact]
    public async Task While_another_instance_holds_the_recomputation_this_one_leaves_the_calendar_to_it()
    {
        await app.WithDbAsync(async db =>
        {
            var clerk = await db.Users.SingleAsync(u => u.UserName == "intake");
            var actor = new ActingUser(clerk.Id, clerk.DisplayName, clerk.DepartmentId, new HashSet<string> { PortalRoles.IntakeClerk });
            return (await new ComplaintIntake(db, time, CaseNumberPolicy.Default).RegisterAsync(CaseDriver.SampleIntake(), actor)).Complaint!.Id;
        });
        var service = app.Services.GetRequiredService<ProvisionalRecomputeService>();
        // Another instance of the portal is re-computing (its lease runs a minute on this clock).
        Assert.True(await app.WithDbAsync(db => new JobLeases(db).TryTakeAsync(ProvisionalRecomputeService.LeaseName, "server-b", "CN", null, time.GetUtcNow(),
            TimeSpan.FromMinutes(1))));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var csv = Encoding.UTF8.GetBytes("2027-01-01,off,元旦\n");
            Assert.True((await scope.ServiceProvider.GetRequiredService<WorkingCalendarBook>().ImportHolidaysAsync("CN", 2027, csv, "admin", time.GetUtcNow())).Succeeded);
        }

        var before = service.Passes;
        service.Wake();
        for (var attempt = 0; attempt < 300 && service.Passes == before; attempt++)
        {
            await Task.Delay(100);
        }

        Assert.True(service.Passes > before);
        Assert.Equal(1, await PendingAsync());
        Assert.Equal("server-b", (await app.WithDbAsync(db => new JobLeases(db).HeldAsync(ProvisionalRecomputeService.LeaseName, time.GetUtcNow())))!.Holder);

        // The other instance stops (its lease runs out): the next pass here does the work, and lets its lease go once the
        // work is saved (a moment after, so the lease is waited for too).
        time.Advance(TimeSpan.FromMinutes(1));
        service.Wake();
        for (var attempt = 0; attempt < 300 && await PendingAsync() > 0; attempt++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(0, await PendingAsync());
        for (var attempt = 0; attempt < 300 && await HeldAsync() is not null; attempt++)
        {
            await Task.Delay(100);
        }

        Assert.Null(await HeldAsync());
    }

    private Task<JobLease?> HeldAsync() =>
        app.WithDbAsync(db => new JobLeases(db).HeldAsync(ProvisionalRecomputeService.LeaseName, time.GetUtcNow()));

    private Task<int> PendingAsync() =>
        app.WithDbAsync(async db => (await new WorkingCalendarBook(db, WorkingCalendarCache.Shared).AwaitingRecomputationAsync("CN")).Count);

    public void Dispose() => app.Dispose();
}
