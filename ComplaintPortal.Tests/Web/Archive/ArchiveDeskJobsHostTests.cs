using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Archive;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ComplaintPortal.Tests.Web.Archive;

/// <summary>The desk's jobs stop with the portal's other background work, before the services they need are disposed.</summary>
public sealed class ArchiveDeskJobsHostTests
{
    [Fact]
    public async Task The_desk_s_jobs_are_stopped_by_the_host_and_the_portal_shuts_down_cleanly()
    {
        var app = new PortalAppFactory();
        app.Settings["Archive:JobsEnabled"] = "false";
        var jobs = app.Services.GetRequiredService<ArchiveDeskJobs>();

        // Stopped as a hosted service (a running job then gives up the archive's lease while the database is still there).
        Assert.Same(jobs, app.Services.GetServices<IHostedService>().OfType<ArchiveDeskJobs>().Single());

        // The container disposes it as the singleton and again as the hosted service: once is done, the second is nothing.
        await app.DisposeAsync();
        jobs.Dispose();
        // A host stopped after its services were disposed (as the test factory's synchronous Dispose may do) stops nothing.
        await ((IHostedService)jobs).StopAsync(CancellationToken.None);
    }
}
