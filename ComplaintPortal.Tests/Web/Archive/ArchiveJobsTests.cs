using System.Collections.Concurrent;
using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Tests.Archive;
using ComplaintPortal.Web.Features.Archive;
using ComplaintPortal.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ComplaintPortal.Tests.Web.Archive;

/// <summary>The archive's scheduled jobs leave start-up alone: the first pass waits for <see cref="ArchiveOptions.InitialDelay"/>.</summary>
public sealed class ArchiveJobsTests : ArchiveTest
{
    [Fact]
    public async Task Archiving_job_waits_for_the_initial_delay_before_its_first_pass()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.Closed);
        Driver.Time.Advance(Options.QuietPeriod + TimeSpan.FromMinutes(1));
        var options = new ArchiveOptions { InitialDelay = TimeSpan.FromMinutes(3) };
        var clock = new HeldTimers(Driver.Time);
        var archived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Feed.Changed += c =>
        {
            if (c.Kind == ArchiveChangeKind.Archived)
            {
                archived.TrySetResult();
            }
        };
        await using var services = new ServiceCollection()
            .AddScoped<PortalDbContext>(_ => Database.CreateContext())
            .AddSingleton(Store).AddSingleton(options).AddSingleton(Feed).AddScoped<Archiver>().AddScoped<JobLeases>()
            .BuildServiceProvider();
        using var gate = new ArchiveJobGate(
            new LeasedWork(services.GetRequiredService<IServiceScopeFactory>(), Driver.Time, new PortalInstance("a"), NullLogger<LeasedWork>.Instance),
            Driver.Time, options, NullLogger<ArchiveJobGate>.Instance);
        var job = new ArchivingService(services.GetRequiredService<IServiceScopeFactory>(), clock, options, gate, NullLogger<ArchivingService>.Instance);

        await job.StartAsync(CancellationToken.None);
        var first = await clock.FirstTimerAsync();
        var archivedBeforeDelay = await CountFilesAsync();
        first.Fire();
        await archived.Task.WaitAsync(TimeSpan.FromSeconds(60), CancellationToken.None);
        await job.StopAsync(CancellationToken.None);

        Assert.Equal(options.InitialDelay, first.Due);
        Assert.Equal(0, archivedBeforeDelay);
        Assert.Equal(complaint.Id, (await FileOfAsync(complaint.Id)).ComplaintId);
    }

    [Fact]
    public void Initial_delay_defaults_to_a_few_minutes()
    {
        Assert.InRange(new ArchiveOptions().InitialDelay, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(15));
    }

    private async Task<int> CountFilesAsync()
    {
        await using var db = Database.CreateContext();
        return db.ArchivedFiles.Count();
    }

    /// <summary>The test's clock, whose timers fire only when the test says so (and say what they were asked to wait).</summary>
    private sealed class HeldTimers(TimeProvider clock) : TimeProvider
    {
        private readonly ConcurrentQueue<HeldTimer> timers = new();

        public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = new HeldTimer(callback, state, dueTime);
            timers.Enqueue(timer);
            return timer;
        }

        public async Task<HeldTimer> FirstTimerAsync()
        {
            // The service starts its loop on a background thread; wait (bounded) for its first timer.
            for (var i = 0; i < 600 && timers.IsEmpty; i++)
            {
                await Task.Delay(100);
            }

            return timers.TryPeek(out var first) ? first : throw new InvalidOperationException("The job asked for no timer.");
        }
    }

    private sealed class HeldTimer(TimerCallback callback, object? state, TimeSpan due) : ITimer
    {
        public TimeSpan Due { get; } = due;

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
