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
/// Two instances of the portal over one real database, each with its own gate: an archive job on one keeps the other's
/// scheduled pass away and makes a job asked for at its desk wait (naming what it waits for, with its progress); a job
/// whose lease another instance took over stops.
/// </summary>
public sealed class ArchiveJobGateTests : CaseDatabaseTest
{
    // Renewals and the waiting job's looks every 50 ms (5 s in the portal).
    private readonly ArchiveOptions options = new() { LeaseInterval = TimeSpan.FromMilliseconds(50) };
    private ServiceProvider Services() =>
        new ServiceCollection()
            .AddScoped<PortalDbContext>(_ => Database.CreateContext())
            .AddScoped<JobLeases>()
            .BuildServiceProvider();

    private ArchiveJobGate Instance(ServiceProvider services, string id) =>
        new(new LeasedWork(services.GetRequiredService<IServiceScopeFactory>(), Driver.Time, new PortalInstance(id), NullLogger<LeasedWork>.Instance),
            Driver.Time, options, NullLogger<ArchiveJobGate>.Instance);

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 300 && !await condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(await condition());
    }

    [Fact]
    public async Task A_scheduled_pass_is_left_to_the_instance_running_an_archive_job_which_tells_the_others_how_far_it_is()
    {
        await using var services = Services();
        using var a = Instance(services, "server-a");
        using var b = Instance(services, "server-b");
        var finish = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var inspection = a.RunAsync(new ArchiveWork(DeskJob.Inspect, "档案员 孙丽"), (progress, _) =>
        {
            progress.Report(new ArchiveJobProgress(7, 20));
            return finish.Task;
        }, null, null, CancellationToken.None);

        // The holder's renewal records its progress for the other instance's desk.
        await UntilAsync(async () => await b.HeldAsync() is { Done: 7 });
        var held = (await b.HeldAsync())!;
        Assert.Equal(("Inspect", "档案员 孙丽", (int?)20), (held.Work, held.StartedBy, held.Total));
        Assert.False(b.IsOurs(held));
        Assert.True(a.IsOurs(held));

        var ranOnB = false;
        var (ran, _) = await b.RunAsync(new ArchiveWork(DeskJob.Archive, null), (_, _) =>
        {
            ranOnB = true;
            return Task.FromResult(1);
        }, null, null, CancellationToken.None);
        Assert.False(ran);
        Assert.False(ranOnB);

        finish.SetResult(3);
        Assert.Equal((true, 3), await inspection);
        Assert.Null(await b.HeldAsync());
        Assert.Equal((true, 1), await b.RunAsync(new ArchiveWork(DeskJob.Archive, null), (_, _) => Task.FromResult(1), null, null, CancellationToken.None));
    }

    [Fact]
    public async Task A_job_asked_for_at_a_desk_waits_for_another_instances_job_and_is_told_what_it_waits_for()
    {
        await using var services = Services();
        using var a = Instance(services, "server-a");
        using var b = Instance(services, "server-b");
        var finish = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var aOver = false;
        var archiving = a.RunAsync(new ArchiveWork(DeskJob.Archive, null), async (progress, _) =>
        {
            progress.Report(new ArchiveJobProgress(400, null));
            var archived = await finish.Task;
            aOver = true;
            return archived;
        }, null, null, CancellationToken.None);
        await UntilAsync(async () => await b.HeldAsync() is not null);

        var seen = new List<JobLease?>();
        bool? aOverWhenBStarted = null;
        var listing = b.RunAsync(new ArchiveWork(DeskJob.ListDisposals, "档案员 周敏"), (_, _) =>
        {
            aOverWhenBStarted = aOver;
            return Task.FromResult(2);
        }, null, lease =>
        {
            lock (seen)
            {
                seen.Add(lease);
            }
        }, CancellationToken.None);

        await UntilAsync(() =>
        {
            lock (seen)
            {
                return Task.FromResult(seen.Count(l => l is { Done: 400 }) >= 2);
            }
        });
        Assert.False(listing.IsCompleted);
        Assert.Null(aOverWhenBStarted);
        lock (seen)
        {
            Assert.All(seen.OfType<JobLease>(), l => Assert.Equal(("server-a", "Archive", (string?)null), (l.Holder, l.Work, l.StartedBy)));
        }

        finish.SetResult(5);
        Assert.Equal((true, 5), await archiving);
        Assert.Equal((true, 2), await listing.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(aOverWhenBStarted);
    }

    [Fact]
    public async Task A_job_whose_lease_another_instance_took_over_stops_and_leaves_that_instances_lease_alone()
    {
        await using var services = Services();
        using var a = Instance(services, "server-a");
        var running = a.RunAsync(new ArchiveWork(DeskJob.Inspect, "档案员 孙丽"), async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return 0;
        }, null, null, CancellationToken.None);
        await UntilAsync(async () => await a.HeldAsync() is not null);

        // server-a stalled past its lease, and server-b took the job over meanwhile.
        await using (var db = Database.CreateContext())
        {
            await db.JobLeases.Where(l => l.Name == ArchiveJobGate.LeaseName).ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, "server-b"));
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("server-b", (await a.HeldAsync())!.Holder);
    }
}
