using System.Collections.Concurrent;
using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Archive;
using ComplaintPortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ComplaintPortal.Tests.Web.Archive;

/// <summary>
/// Two instances of the portal over one real database, each with its own archive feed and relay: a revocation made through
/// one reaches the other's feed (so its open views of the request close), once, and is neither echoed back nor relayed again.
/// </summary>
public sealed class ArchiveRelayTests : CaseDatabaseTest
{
    private readonly ArchiveOptions options = new() { RelayInterval = TimeSpan.FromMilliseconds(50) };

    [Fact]
    public async Task A_revocation_through_one_instance_reaches_the_others_feed_once_and_goes_no_further()
    {
        await using var services = new ServiceCollection().AddScoped<PortalDbContext>(_ => Database.CreateContext()).BuildServiceProvider();
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var (feedA, feedB) = (new ArchiveFeed(), new ArchiveFeed());
        var (heardA, heardB) = (new ConcurrentQueue<ArchiveChange>(), new ConcurrentQueue<ArchiveChange>());
        feedA.Changed += heardA.Enqueue;
        feedB.Changed += heardB.Enqueue;
        using var relayA = new ArchiveRelay(scopes, feedA, new PortalInstance("server-a"), Driver.Time, options, NullLogger<ArchiveRelay>.Instance);
        using var relayB = new ArchiveRelay(scopes, feedB, new PortalInstance("server-b"), Driver.Time, options, NullLogger<ArchiveRelay>.Instance);
        await relayA.StartAsync(CancellationToken.None);
        await relayB.StartAsync(CancellationToken.None);
        await Task.WhenAll(relayA.Started, relayB.Started);

        // The clerk revokes request 7 through server A (its service publishes to A's feed after the commit).
        feedA.Publish(new ArchiveChange(ArchiveChangeKind.AccessEnded, 7));

        for (var i = 0; i < 300 && heardB.IsEmpty; i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal([new ArchiveChange(ArchiveChangeKind.AccessEnded, 7, FromElsewhere: true)], heardB);
        // A few more rounds of both relays: nothing echoes back to A, nothing is told twice to B, one signal in all.
        await Task.Delay(options.RelayInterval * 6);
        Assert.Equal([new ArchiveChange(ArchiveChangeKind.AccessEnded, 7)], heardA);
        Assert.Single(heardB);
        await using (var db = Database.CreateContext())
        {
            var signal = await db.InstanceSignals.SingleAsync();
            Assert.Equal((ArchiveRelay.Topic, "3:7", "server-a"), (signal.Topic, signal.Data, signal.Origin));
        }

        // A change without a request (files archived) travels too.
        feedB.Publish(new ArchiveChange(ArchiveChangeKind.Archived));
        for (var i = 0; i < 300 && heardA.Count < 2; i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(new ArchiveChange(ArchiveChangeKind.Archived, null, FromElsewhere: true), heardA.Last());
        await relayA.StopAsync(CancellationToken.None);
        await relayB.StopAsync(CancellationToken.None);
    }
}
