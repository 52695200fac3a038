using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Web;

/// <summary>The portal's own background scan asks a reader whose days ran out to confirm finishing, on the portal's clock.</summary>
public sealed class ArchiveLoanReminderServiceTests : IDisposable
{
    private readonly SettableTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 1, 30, 0, TimeSpan.Zero));
    private readonly PortalAppFactory app;

    public ArchiveLoanReminderServiceTests()
    {
        app = new PortalAppFactory(time: time);
        app.Settings["Archive:LoanReminderInterval"] = "00:00:00.200";
    }

    [Fact]
    public async Task Hosted_scan_reminds_the_reader_once_their_days_have_run_out()
    {
        var actions = new AppActions(app.Services);
        var complaint = await actions.RegisterAsync();
        await actions.DoAsync(complaint.Id, Domain.Workflow.WorkflowAction.Withdraw, new() { Note = "撤诉" }, "intake");
        time.Advance(TimeSpan.FromDays(8));
        int requestId;
        string readerId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Archiver>().RunOnceAsync(time.GetUtcNow());
            var db = scope.ServiceProvider.GetRequiredService<Domain.Persistence.PortalDbContext>();
            var number = await db.ArchivedFiles.Where(f => f.ComplaintId == complaint.Id).Select(f => f.ArchiveNumber).SingleAsync();
            var access = scope.ServiceProvider.GetRequiredService<ArchiveAccess>();
            var reader = await actions.UserAsync("handler.qa");
            var now = time.GetUtcNow();
            var (_, request) = await access.RequestAsync(reader, "复核", new AccessScope([number], null, null, null), now, now.AddDays(1));
            Assert.Equal(ArchiveError.None, await access.ApproveAsync(await actions.UserAsync("leader"), request!.Id, null, null, null, null));
            (requestId, readerId) = (request.Id, reader.UserId);
        }

        time.Advance(TimeSpan.FromDays(2));

        Notification? reminder = null;
        for (var attempt = 0; attempt < 100 && reminder is null; attempt++)
        {
            await Task.Delay(100);
            reminder = await app.WithDbAsync(db => db.Notifications.FirstOrDefaultAsync(n => n.ArchiveRequestId == requestId && n.Kind == NotificationKind.ArchiveLoanExpired));
        }

        Assert.NotNull(reminder);
        Assert.Equal(readerId, reminder.RecipientUserId);
        await Task.Delay(600);
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.ArchiveRequestId == requestId && n.Kind == NotificationKind.ArchiveLoanExpired)));
    }

    public void Dispose() => app.Dispose();
}
