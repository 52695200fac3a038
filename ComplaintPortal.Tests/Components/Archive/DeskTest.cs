using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Components.Cases;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Archive;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Components.Archive;

/// <summary>The clerk's desk over a real database, as its tests set it up: the archive's services, a clerk signed in, a file archived.</summary>
public abstract class DeskTest : CaseDatabaseTest
{
    protected readonly ArchiveFeed feed = new();
    // Another instance's job is read from its lease this often (5 s in the portal).
    protected readonly ArchiveOptions options = new() { LeaseInterval = TimeSpan.FromMilliseconds(100) };
    protected readonly ActingUser clerk = new("u-desk-clerk", "档案员 孙丽", null, new HashSet<string> { PortalRoles.ArchiveClerk });

    protected CasePageContext NewContext(string culture = "zh-Hans")
    {
        var context = new CasePageContext(culture, Database, Driver, more: services =>
        {
            services.AddSingleton(feed);
            services.AddSingleton(options);
            services.AddScoped<ArchiveAccess>();
            services.AddScoped<ArchiveCatalog>();
            services.AddScoped<ArchiveDisposals>();
            services.AddScoped<ArchiveInspector>();
            services.AddScoped<Archiver>();
            services.AddScoped<ArchiveViewers>();
            services.AddSingleton<ArchiveJobGate>();
            services.AddSingleton<ArchiveDeskJobs>();
            services.AddHttpContextAccessor();
        });
        context.SignInAs(clerk);
        return context;
    }

    protected async Task AddClerkAccountAsync()
    {
        await using var db = Database.CreateContext();
        db.Users.Add(new PortalUser { Id = clerk.UserId, UserName = "desk.clerk", DisplayName = clerk.Name });
        await db.SaveChangesAsync();
    }

    protected async Task<string> ArchivedNumberAsync()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.Closed);
        Driver.Time.Advance(options.QuietPeriod + TimeSpan.FromMinutes(1));
        await using var db = Database.CreateContext();
        await new Archiver(db, new EvidenceStore(Path.Combine(Database.Folder, "evidence")), options, feed).RunOnceAsync(Driver.Time.GetUtcNow());
        return db.ArchivedFiles.Single(f => f.ComplaintId == complaint.Id).ArchiveNumber;
    }

    protected async Task<ArchiveAccessRequest> RequestAsync(string number, bool approve)
    {
        await using var db = Database.CreateContext();
        var access = new ArchiveAccess(db, Driver.Time, feed);
        var now = Driver.Time.GetUtcNow();
        var (_, request) = await access.RequestAsync(Driver.HandlerOf(DepartmentCatalog.Quality), "质量追溯", new AccessScope([number], null, null, null), now, now.AddDays(2));
        if (approve)
        {
            await access.ApproveAsync(Driver.Leader, request!.Id, null, null, null, null);
        }

        return request!;
    }

    protected static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 150 && !await condition(); i++)
        {
            await Task.Delay(100);
        }
    }
}
