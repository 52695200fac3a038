using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Persistence;

/// <summary>
/// A background job's lease over a real database: one holder at a time, renewed with its progress, given up at the end,
/// taken over once it has run out (and then the old holder's renewal fails), and two instances asking at once never both get it.
/// </summary>
public sealed class JobLeasesTests : CaseDatabaseTest
{
    private static readonly TimeSpan LeaseFor = TimeSpan.FromMinutes(1);

    private async Task<T> WithLeasesAsync<T>(Func<JobLeases, Task<T>> work)
    {
        await using var db = Database.CreateContext();
        return await work(new JobLeases(db));
    }

    private DateTimeOffset Now => Driver.Time.GetUtcNow();

    [Fact]
    public async Task One_holder_at_a_time_with_its_progress_read_by_the_others_until_it_gives_the_job_up()
    {
        Assert.Null(await WithLeasesAsync(l => l.HeldAsync("archive", Now)));
        Assert.True(await WithLeasesAsync(l => l.TryTakeAsync("archive", "server-a", "Inspect", "档案员 孙丽", Now, LeaseFor)));
        Assert.False(await WithLeasesAsync(l => l.TryTakeAsync("archive", "server-b", "Archive", null, Now, LeaseFor)));

        Driver.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(await WithLeasesAsync(l => l.RenewAsync("archive", "server-a", Now, LeaseFor, null, 23_000, 945_551)));
        Assert.False(await WithLeasesAsync(l => l.RenewAsync("archive", "server-b", Now, LeaseFor, null, 1, null)));

        var held = await WithLeasesAsync(l => l.HeldAsync("archive", Now));
        Assert.NotNull(held);
        Assert.Equal(("server-a", "Inspect", "档案员 孙丽", 23_000, (int?)945_551), (held.Holder, held.Work, held.StartedBy, held.Done, held.Total));
        Assert.Equal(Now - TimeSpan.FromSeconds(5), held.StartedAt);
        Assert.Equal(Now + LeaseFor, held.ExpiresAt);
        // Another job's lease is its own.
        Assert.True(await WithLeasesAsync(l => l.TryTakeAsync("statistics", "server-b", "Refresh", null, Now, LeaseFor)));

        // Only its holder gives it up.
        await WithLeasesAsync(async l => { await l.ReleaseAsync("archive", "server-b"); return 0; });
        Assert.NotNull(await WithLeasesAsync(l => l.HeldAsync("archive", Now)));
        await WithLeasesAsync(async l => { await l.ReleaseAsync("archive", "server-a"); return 0; });
        Assert.Null(await WithLeasesAsync(l => l.HeldAsync("archive", Now)));

        Assert.True(await WithLeasesAsync(l => l.TryTakeAsync("archive", "server-b", "Archive", null, Now, LeaseFor)));
        var taken = await WithLeasesAsync(l => l.HeldAsync("archive", Now));
        Assert.Equal(("server-b", "Archive", (string?)null, 0, (int?)null), (taken!.Holder, taken.Work, taken.StartedBy, taken.Done, taken.Total));

        // A job that moves from one thing to the next says which it is on.
        Assert.True(await WithLeasesAsync(l => l.RenewAsync("archive", "server-b", Now, LeaseFor, "CN", 3, 9)));
        Assert.Equal(("CN", 3, (int?)9), await WithLeasesAsync(async l => await l.HeldAsync("archive", Now) is { } h ? (h.Work, h.Done, h.Total) : default));
    }

    [Fact]
    public async Task A_lease_its_holder_stopped_renewing_is_taken_over_once_it_has_run_out_and_the_old_holder_then_loses_it()
    {
        Assert.True(await WithLeasesAsync(l => l.TryTakeAsync("archive", "server-a", "Archive", null, Now, LeaseFor)));

        Driver.Time.Advance(LeaseFor - TimeSpan.FromSeconds(1));
        Assert.False(await WithLeasesAsync(l => l.TryTakeAsync("archive", "server-b", "Inspect", null, Now, LeaseFor)));
        Driver.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await WithLeasesAsync(l => l.HeldAsync("archive", Now)));
        Assert.True(await WithLeasesAsync(l => l.TryTakeAsync("archive", "server-b", "Inspect", null, Now, LeaseFor)));

        // server-a wakes from its stall: its renewal fails (so its job stops) and its release leaves server-b's lease alone.
        Assert.False(await WithLeasesAsync(l => l.RenewAsync("archive", "server-a", Now, LeaseFor, null, 400, null)));
        await WithLeasesAsync(async l => { await l.ReleaseAsync("archive", "server-a"); return 0; });
        Assert.Equal("server-b", (await WithLeasesAsync(l => l.HeldAsync("archive", Now)))!.Holder);
    }

    [Fact]
    public async Task Instances_asking_for_a_new_job_at_the_same_moment_never_both_get_it()
    {
        for (var round = 0; round < 5; round++)
        {
            var name = $"job-{round}";
            var asks = Enumerable.Range(0, 4).Select(i => Task.Run(() => WithLeasesAsync(l => l.TryTakeAsync(name, $"server-{i}", "Archive", null, Now, LeaseFor))));
            var taken = await Task.WhenAll(asks);

            Assert.Single(taken, t => t);
            await using var db = Database.CreateContext();
            Assert.Equal(1, await db.JobLeases.CountAsync(l => l.Name == name));
        }
    }
}
