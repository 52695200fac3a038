using System.Collections.Concurrent;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Notices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Tests.Web;

/// <summary>
/// Notices committed through another instance of the portal reach this instance's feed (so its bells) within the relay's
/// interval; this instance's own notices, published at their commit, are not announced a second time.
/// </summary>
public sealed class NoticeRelayTests : CaseDatabaseTest
{
    [Fact]
    public async Task Another_instances_notice_reaches_this_instances_feed_and_its_own_are_not_told_twice()
    {
        var complaint = await Driver.RegisterAsync();
        var feed = new NoticeFeed();
        var heard = new ConcurrentQueue<NoticesChanged>();
        using var listening = feed.Subscribe(heard.Enqueue);
        await using var services = new ServiceCollection().AddScoped<PortalDbContext>(_ => Database.CreateContext()).BuildServiceProvider();
        using var relay = new NoticeRelay(services.GetRequiredService<IServiceScopeFactory>(), feed, Driver.Time,
            Options.Create(new NoticeOptions { RelayInterval = TimeSpan.FromMilliseconds(50) }), NullLogger<NoticeRelay>.Instance);
        await relay.StartAsync(CancellationToken.None);
        // Where the notices end is read as the host starts, not later on the thread pool (.NET 10 runs ExecuteAsync there).
        Assert.True(relay.Started.IsCompletedSuccessfully);

        // Another instance commits a notice to leadership (its own interceptor publishes to its own feed, not this one).
        int theirs;
        await using (var db = Database.CreateContext())
        {
            var notice = new Notification(PortalRoles.Leadership, null, complaint.Id, NotificationKind.TaskAssigned, "派单", Driver.Time.GetUtcNow());
            db.Notifications.Add(notice);
            await db.SaveChangesAsync();
            theirs = notice.Id;
        }

        await UntilAsync(() => relay.Highest >= theirs);
        var told = Assert.Single(heard);
        Assert.Equal([new NoticeAddress(null, PortalRoles.Leadership, null)], told.Addresses);
        Assert.True(new NoticesChanged(told.Addresses, told.ClosedComplaintIds).Concerns(
            new ActingUser("u-leader", "分管领导", null, new HashSet<string> { PortalRoles.Leadership })));

        // This instance's own notice: published once, by its save interceptor, with its id.
        int ours;
        await using (var db = Database.CreateContext(new NoticeCommitSignal(feed)))
        {
            var notice = Notification.ToPerson("u-handler", complaint.Id, NotificationKind.TaskAssigned, "指派给你", Driver.Time.GetUtcNow());
            db.Notifications.Add(notice);
            await db.SaveChangesAsync();
            ours = notice.Id;
        }

        await UntilAsync(() => relay.Highest >= ours);
        await Task.Delay(200); // a few more of the relay's reads
        Assert.Equal(2, heard.Count);
        Assert.Equal([ours], heard.Last().NoticeIds);
        Assert.Equal([new NoticeAddress("u-handler", null, null)], heard.Last().Addresses);
        await relay.StopAsync(CancellationToken.None);
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 300 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }
}
