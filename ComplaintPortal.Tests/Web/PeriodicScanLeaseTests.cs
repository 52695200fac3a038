using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ComplaintPortal.Tests.Web;

/// <summary>
/// A scan with a lease (the deadline monitor, the rectification monitor, the timeliness counts) runs on one instance at a
/// time among those sharing the database: the other instance's passes skip, and it takes over as soon as the first stops.
/// </summary>
public sealed class PeriodicScanLeaseTests : CaseDatabaseTest
{
    private sealed class CountingScan(IServiceScopeFactory scopes, TimeProvider time) : PeriodicScan(scopes, time, NullLogger.Instance)
    {
        private int scans;

        public int Scans => Volatile.Read(ref scans);

        protected override bool Enabled => true;

        protected override TimeSpan Interval => TimeSpan.FromMilliseconds(100);

        protected override string? ScanLease => "test-scan";

        protected override Task<int> ScanAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref scans);
            return Task.FromResult(0);
        }
    }

    private ServiceProvider Instance(string id) =>
        new ServiceCollection()
            .AddScoped<PortalDbContext>(_ => Database.CreateContext())
            .AddScoped<JobLeases>()
            .AddSingleton<TimeProvider>(Driver.Time)
            .AddSingleton(new PortalInstance(id))
            .AddSingleton<LeasedWork>()
            .AddLogging()
            .BuildServiceProvider();

    private static async Task UntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 300 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }

    [Fact]
    public async Task Only_the_instance_holding_the_scans_lease_scans_and_another_takes_over_when_it_stops()
    {
        await using var a = Instance("server-a");
        await using var b = Instance("server-b");
        var scanA = new CountingScan(a.GetRequiredService<IServiceScopeFactory>(), Driver.Time);
        var scanB = new CountingScan(b.GetRequiredService<IServiceScopeFactory>(), Driver.Time);

        await scanA.StartAsync(CancellationToken.None);
        await UntilAsync(() => scanA.Scans >= 2);
        await scanB.StartAsync(CancellationToken.None);
        await UntilAsync(() => scanB.Passes >= 4);

        Assert.Equal(0, scanB.Scans);
        Assert.True(scanA.Scans >= 3);

        // A stops (a deployment, say): it gives the lease up, and B scans at its next pass rather than two intervals later.
        await scanA.StopAsync(CancellationToken.None);
        await UntilAsync(() => scanB.Scans >= 2);
        var aScans = scanA.Scans;
        await Task.Delay(300);
        Assert.Equal(aScans, scanA.Scans);
        await scanB.StopAsync(CancellationToken.None);
        scanA.Dispose();
        scanB.Dispose();
    }
}
