using System.Collections.Concurrent;
using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Archive;
using ComplaintPortal.Web.Features.Notices;
using ComplaintPortal.Web.Features.Supervision;
using ComplaintPortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Tests.Web;

/// <summary>
/// Two instances of the portal over one real database, each with its own feeds and relay: a revocation made through one
/// reaches the other's archive feed (so its open views of the request close) once, and is neither echoed back nor relayed
/// again; a rectification notice's change reaches the other's boards the same way.
/// </summary>
public sealed class InstanceSignalRelayTests : CaseDatabaseTest
{
    private sealed record Instance(InstanceSignalRelay Relay, ArchiveFeed Archive, RectificationNoticeSignal Rectification, SpotCheckFeed SpotChecks,
        ConcurrentQueue<ArchiveChange> HeardArchive, ConcurrentQueue<int> HeardRectification, ConcurrentQueue<SpotCheckChange> HeardSpotChecks);

    private Instance Start(IServiceScopeFactory scopes, string id)
    {
        var (archive, rectification, spotChecks) = (new ArchiveFeed(), new RectificationNoticeSignal(), new SpotCheckFeed());
        var instance = new Instance(
            new InstanceSignalRelay(scopes, [new ArchiveSignalTopic(archive), new RectificationSignalTopic(rectification), new SpotCheckSignalTopic(spotChecks)],
                new PortalInstance(id), Driver.Time,
                Options.Create(new InstanceSignalOptions { RelayInterval = TimeSpan.FromMilliseconds(50) }), NullLogger<InstanceSignalRelay>.Instance),
            archive, rectification, spotChecks, new(), new(), new());
        archive.Changed += instance.HeardArchive.Enqueue;
        rectification.Subscribe(instance.HeardRectification.Enqueue);
        spotChecks.Subscribe(instance.HeardSpotChecks.Enqueue);
        return instance;
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 300 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }

    [Fact]
    public async Task Cases_closed_and_notices_read_through_one_instance_recount_the_others_bells_and_new_notices_are_left_to_their_relay()
    {
        await using var services = new ServiceCollection().AddScoped<PortalDbContext>(_ => Database.CreateContext()).BuildServiceProvider();
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var (feedA, feedB) = (new NoticeFeed(), new NoticeFeed());
        var (heardA, heardB) = (new ConcurrentQueue<NoticesChanged>(), new ConcurrentQueue<NoticesChanged>());
        using var listenA = feedA.Subscribe(heardA.Enqueue);
        using var listenB = feedB.Subscribe(heardB.Enqueue);
        var interval = Options.Create(new InstanceSignalOptions { RelayInterval = TimeSpan.FromMilliseconds(50) });
        using var relayA = new InstanceSignalRelay(scopes, [new NoticeSignalTopic(feedA)], new PortalInstance("server-a"), Driver.Time, interval,
            NullLogger<InstanceSignalRelay>.Instance);
        using var relayB = new InstanceSignalRelay(scopes, [new NoticeSignalTopic(feedB)], new PortalInstance("server-b"), Driver.Time, interval,
            NullLogger<InstanceSignalRelay>.Instance);
        await relayA.StartAsync(CancellationToken.None);
        await relayB.StartAsync(CancellationToken.None);
        // Watching and where the signals end are set up as the host starts, not later on the thread pool.
        Assert.True(relayA.Started.IsCompletedSuccessfully && relayB.Started.IsCompletedSuccessfully);

        // Through A, as its save interceptor and notice book publish them: 17 cases closed in one save, a new notice, a read.
        var closed = Enumerable.Range(1_000_001, 17).ToList();
        feedA.Publish(new NoticesChanged([], closed, NoticeIds: [], QueuesLeft: new QueuesLeft(true, false, [3, 4])));
        feedA.Publish(new NoticesChanged([new NoticeAddress(null, "DepartmentHead", 3)], [], NoticeIds: [77]));
        feedA.Publish(new NoticesChanged([new NoticeAddress("u-reader", null, null)], []));

        await UntilAsync(() => heardB.Count >= 3);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var told = heardB.ToList();
        Assert.Equal(3, told.Count);
        Assert.All(told, c => Assert.True(c.FromElsewhere));
        // The closed cases in two signals (fifteen ids each at most), the read as the reader's address; the new notice is not among them.
        Assert.Equal(closed, told.SelectMany(c => c.ClosedComplaintIds));
        // Each with the queues the cases left, so that only the pages counting those count again there.
        Assert.All(told.Where(c => c.ClosedComplaintIds.Count > 0), c => Assert.Equal(new QueuesLeft(true, false, [3, 4]), c.QueuesLeft));
        Assert.Equal([new NoticeAddress("u-reader", null, null)], told.Single(c => c.Addresses.Count > 0).Addresses);
        // Nothing came back to A.
        Assert.Equal(3, heardA.Count);
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(["closed:" + string.Join(',', closed.Take(15)) + ",q,c,d3,d4", "closed:" + string.Join(',', closed.Skip(15)) + ",q,c,d3,d4", "read:u-reader"],
                await db.InstanceSignals.OrderBy(s => s.Id).Select(s => s.Data).ToListAsync());
        }

        await relayA.StopAsync(CancellationToken.None);
        await relayB.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void A_closed_signal_without_its_queues_may_have_left_any_queue()
    {
        var feed = new NoticeFeed();
        var heard = new List<NoticesChanged>();
        using var listening = feed.Subscribe(heard.Add);
        var topic = new NoticeSignalTopic(feed);
        var told = new List<string>();
        using var watching = topic.Watch(told.Add);

        // Departments too many for the signal's 200 characters: the ids go alone.
        feed.Publish(new NoticesChanged([], [5, 6], QueuesLeft: new QueuesLeft(false, true, [.. Enumerable.Range(1_000, 40)])));
        Assert.Equal(["closed:5,6"], told);
        topic.Hear(told[0]);
        topic.Hear("closed:7,q,l");
        topic.Hear("closed:8,x,9,q,c,l,d2,dy");
        topic.Hear("closed:10,q");

        Assert.Equal(["5,6", "7", "8,9", "10"], heard.Skip(1).Select(c => string.Join(',', c.ClosedComplaintIds)));
        Assert.Equal([null, new QueuesLeft(false, true, []), new QueuesLeft(true, true, [2]), QueuesLeft.None], heard.Skip(1).Select(c => c.QueuesLeft));

        // A server of the version before (which read "closed:" as numbers split by commas, passing over the rest) reads the cases of
        // the form with queues, and nothing more.
        feed.Publish(new NoticesChanged([], [11, 12], QueuesLeft: new QueuesLeft(true, false, [3, 21])));
        Assert.Equal("closed:11,12,q,c,d3,d21", told[^1]);
        Assert.Equal([11, 12], told[^1]["closed:".Length..].Split(',')
            .Select(id => int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0).Where(id => id > 0));

        // An archive request decided (committed with the requester's notice): the leaders on the other servers count again.
        feed.Publish(new NoticesChanged([new NoticeAddress("u-requester", null, null), new NoticeAddress(null, PortalRoles.Leadership, null)], [],
            NoticeIds: [90], RequestsDecided: true));
        Assert.Equal("archive-decided", told[^1]);
        topic.Hear(told[^1]);
        var decided = heard[^1];
        Assert.True(decided.RequestsDecided && decided.FromElsewhere);
        Assert.True(decided.Reaches(new ActingUser("u-leader", "leader", null, new HashSet<string> { PortalRoles.Leadership })));
        Assert.False(decided.Reaches(new ActingUser("u-clerk", "clerk", null, new HashSet<string> { PortalRoles.IntakeClerk })));

        // An overdue loan ended: the archive clerks on the other servers count again.
        feed.Publish(new NoticesChanged([new NoticeAddress(null, PortalRoles.ArchiveClerk, null)], [], LoansEnded: true));
        Assert.Equal("archive-loans-ended", told[^1]);
        topic.Hear(told[^1]);
        var ended = heard[^1];
        Assert.True(ended.LoansEnded && ended.FromElsewhere);
        Assert.True(ended.Reaches(new ActingUser("u-archivist", "archivist", null, new HashSet<string> { PortalRoles.ArchiveClerk })));
        Assert.False(ended.Reaches(new ActingUser("u-leader", "leader", null, new HashSet<string> { PortalRoles.Leadership })));

        // An improvement action took a step: its department's heads, leadership and the committee on the other servers count again.
        feed.Publish(new NoticesChanged([.. ImprovementsMoved.Addresses([4])], [], ImprovementsMoved: [4]));
        Assert.Equal("improvements:4", told[^1]);
        topic.Hear(told[^1]);
        topic.Hear("improvements:x");
        var moved = heard[^1];
        Assert.True(moved.FromElsewhere);
        Assert.Equal([4], moved.ImprovementsMoved);
        Assert.True(moved.Reaches(new ActingUser("u-head", "head", 4, new HashSet<string> { PortalRoles.DepartmentHead })));
        Assert.True(moved.Reaches(new ActingUser("u-supervisor", "supervisor", null, new HashSet<string> { PortalRoles.Supervisor })));
        Assert.False(moved.Reaches(new ActingUser("u-head-5", "head", 5, new HashSet<string> { PortalRoles.DepartmentHead })));
    }

    [Fact]
    public async Task A_change_through_one_instance_reaches_the_others_pages_once_and_goes_no_further()
    {
        await using var services = new ServiceCollection().AddScoped<PortalDbContext>(_ => Database.CreateContext()).BuildServiceProvider();
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var a = Start(scopes, "server-a");
        var b = Start(scopes, "server-b");
        using var relays = new CompositeDisposable(a.Relay, b.Relay);
        await a.Relay.StartAsync(CancellationToken.None);
        await b.Relay.StartAsync(CancellationToken.None);
        await Task.WhenAll(a.Relay.Started, b.Relay.Started);

        // The clerk revokes request 7 through server A (its service publishes to A's feed after the commit).
        a.Archive.Publish(new ArchiveChange(ArchiveChangeKind.AccessEnded, 7));

        await UntilAsync(() => !b.HeardArchive.IsEmpty);
        Assert.Equal([new ArchiveChange(ArchiveChangeKind.AccessEnded, 7, FromElsewhere: true)], b.HeardArchive);
        // A few more rounds of both relays: nothing echoes back to A, nothing is told twice to B, one signal in all.
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.Equal([new ArchiveChange(ArchiveChangeKind.AccessEnded, 7)], a.HeardArchive);
        Assert.Single(b.HeardArchive);
        await using (var db = Database.CreateContext())
        {
            var signal = await db.InstanceSignals.SingleAsync();
            Assert.Equal(("archive", "3:7", "server-a"), (signal.Topic, signal.Data, signal.Origin));
        }

        // A change without a request (files archived) travels too, the other way.
        b.Archive.Publish(new ArchiveChange(ArchiveChangeKind.Archived));
        await UntilAsync(() => a.HeardArchive.Count == 2);
        Assert.Equal(new ArchiveChange(ArchiveChangeKind.Archived, null, FromElsewhere: true), a.HeardArchive.Last());

        // A rectification notice of department 3 changes through B: A's boards of department 3 reload, once.
        b.Rectification.Raise(3);
        await UntilAsync(() => !a.HeardRectification.IsEmpty);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.Equal([3], a.HeardRectification);
        Assert.Equal([3], b.HeardRectification);
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(3, await db.InstanceSignals.CountAsync());
        }

        // A member records check 12 of draw 4 through A: B's queues and registers read again, once. A draw made through B
        // (no check named) reaches A the same way.
        a.SpotChecks.Publish(new SpotCheckChange(SpotCheckChangeKind.Checked, 4, 12));
        await UntilAsync(() => !b.HeardSpotChecks.IsEmpty);
        b.SpotChecks.Publish(new SpotCheckChange(SpotCheckChangeKind.Drawn, 5));
        await UntilAsync(() => a.HeardSpotChecks.Count == 2);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.Equal([new SpotCheckChange(SpotCheckChangeKind.Checked, 4, 12), new SpotCheckChange(SpotCheckChangeKind.Drawn, 5, null, FromElsewhere: true)],
            a.HeardSpotChecks);
        Assert.Equal([new SpotCheckChange(SpotCheckChangeKind.Checked, 4, 12, FromElsewhere: true), new SpotCheckChange(SpotCheckChangeKind.Drawn, 5)],
            b.HeardSpotChecks);
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(["2:4:12", "0:5:"], await db.InstanceSignals.Where(s => s.Topic == "spot-check").OrderBy(s => s.Id).Select(s => s.Data).ToListAsync());
        }

        await a.Relay.StopAsync(CancellationToken.None);
        await b.Relay.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void A_spot_check_signal_in_a_form_not_known_is_not_published()
    {
        var feed = new SpotCheckFeed();
        var heard = new List<SpotCheckChange>();
        using var listening = feed.Subscribe(heard.Add);
        var topic = new SpotCheckSignalTopic(feed);

        foreach (var data in new[] { "", "2:4", "9:4:", "x:4:", "2::12", "2:4:12:1", "-1:4:" })
        {
            topic.Hear(data);
        }

        topic.Hear("1:4:");
        Assert.Equal([new SpotCheckChange(SpotCheckChangeKind.Discarded, 4, null, FromElsewhere: true)], heard);
    }

    [Fact]
    public async Task A_change_whose_signal_could_not_be_written_is_told_at_the_next_round()
    {
        var failOnce = new FailFirstSave();
        await using var services = new ServiceCollection().AddScoped<PortalDbContext>(_ => Database.CreateContext(failOnce)).BuildServiceProvider();
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var a = Start(scopes, "server-a");
        var b = Start(scopes, "server-b");
        using var relays = new CompositeDisposable(a.Relay, b.Relay);
        await a.Relay.StartAsync(CancellationToken.None);
        await b.Relay.StartAsync(CancellationToken.None);
        await Task.WhenAll(a.Relay.Started, b.Relay.Started);

        a.Archive.Publish(new ArchiveChange(ArchiveChangeKind.RequestFiled, 9));

        await UntilAsync(() => !b.HeardArchive.IsEmpty);
        Assert.Equal(1, failOnce.Failed);
        Assert.Equal([new ArchiveChange(ArchiveChangeKind.RequestFiled, 9, FromElsewhere: true)], b.HeardArchive);
        await a.Relay.StopAsync(CancellationToken.None);
        await b.Relay.StopAsync(CancellationToken.None);
    }

    /// <summary>The database refuses the first save (as a busy one would), and takes the others.</summary>
    private sealed class FailFirstSave : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor
    {
        private int failed;

        public int Failed => Volatile.Read(ref failed);

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> SavingChangesAsync(
            Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result,
            CancellationToken cancellationToken = default) =>
            Interlocked.CompareExchange(ref failed, 1, 0) == 0
                ? throw new DbUpdateException("The database is busy.")
                : ValueTask.FromResult(result);
    }

    private sealed class CompositeDisposable(params IDisposable[] items) : IDisposable
    {
        public void Dispose()
        {
            foreach (var item in items)
            {
                item.Dispose();
            }
        }
    }
}
