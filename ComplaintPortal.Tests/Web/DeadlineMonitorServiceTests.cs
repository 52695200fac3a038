using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Tests.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Web;

public sealed class DeadlineMonitorServiceTests : IDisposable
{
    private readonly SettableTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 1, 30, 0, TimeSpan.Zero));
    private readonly PortalAppFactory app;

    public DeadlineMonitorServiceTests()
    {
        app = new PortalAppFactory(time: time);
        app.Settings["Deadlines:MonitorInterval"] = "00:00:00.200";
    }

    [Fact]
    public async Task Hosted_monitor_flags_an_overdue_first_response_and_notifies_the_clerk_who_registered_it()
    {
        _ = app.Services; // starts the host and its background services
        var (id, clerkId) = await app.WithDbAsync(async db =>
        {
            var clerk = await db.Users.SingleAsync(u => u.UserName == "intake");
            var actor = new ActingUser(clerk.Id, clerk.DisplayName, clerk.DepartmentId, new HashSet<string> { PortalRoles.IntakeClerk });
            return ((await new ComplaintIntake(db, time, CaseNumberPolicy.Default).RegisterAsync(CaseDriver.SampleIntake(), actor)).Complaint!.Id, clerk.Id);
        });

        time.Advance(TimeSpan.FromDays(2));

        var levels = new List<DeadlineLevel>();
        for (var attempt = 0; attempt < 100 && levels.Count < 2; attempt++)
        {
            await Task.Delay(100);
            levels = await app.WithDbAsync(db => db.DeadlineTransitions.Where(t => t.ComplaintId == id).Select(t => t.Level).ToListAsync());
        }

        Assert.Equal([DeadlineLevel.DueSoon, DeadlineLevel.Overdue], levels.Order());
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.ComplaintId == id && n.RecipientUserId == clerkId)));
    }

    public void Dispose() => app.Dispose();
}
