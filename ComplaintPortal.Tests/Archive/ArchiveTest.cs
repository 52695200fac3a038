using System.Security.Cryptography;
using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Archive;

/// <summary>Cases worked to a final stage on a real database, then archived by the real archiver on the test's clock.</summary>
public abstract class ArchiveTest : CaseDatabaseTest
{
    protected static readonly ViewerContext Viewer = new("质量部", "10.0.0.7");

    protected ArchiveFeed Feed { get; } = new();

    protected List<ArchiveChange> Changes { get; } = [];

    protected ArchiveOptions Options { get; } = new();

    protected EvidenceStore Store => new(Path.Combine(Database.Folder, "evidence"));

    protected ActingUser Archivist { get; } = new("u-archivist", "档案员 孙丽", null, new HashSet<string> { PortalRoles.ArchiveClerk });

    protected ActingUser Admin { get; } = new("u-admin", "管理员", null, new HashSet<string> { PortalRoles.Administrator });

    protected ActingUser Requester => Driver.HandlerOf(DepartmentCatalog.Quality);

    protected ArchiveTest() => Feed.Changed += Changes.Add;

    protected async Task<int> ArchiveAsync()
    {
        await using var db = Database.CreateContext();
        return await new Archiver(db, Store, Options, Feed).RunOnceAsync(Driver.Time.GetUtcNow());
    }

    /// <summary>A case closed by the ordinary steps, left quiet for the quiet period and archived.</summary>
    protected async Task<ArchivedFile> ArchivedCaseAsync(CaseStage stage = CaseStage.Closed)
    {
        var complaint = await Driver.CaseInStageAsync(stage);
        Driver.Time.Advance(Options.QuietPeriod + TimeSpan.FromMinutes(1));
        await ArchiveAsync();
        return await FileOfAsync(complaint.Id);
    }

    /// <summary>A registered case with one photo attached, then withdrawn (a final stage).</summary>
    protected async Task<(Complaint Case, NewEvidence Photo)> WithdrawnCaseWithPhotoAsync()
    {
        var complaint = await Driver.RegisterAsync();
        var bytes = RandomNumberGenerator.GetBytes(256);
        var (stored, sha, size) = await Store.SaveAsync(new MemoryStream(bytes));
        var photo = new NewEvidence("现场照片.png", "image/png", size, stored, sha);
        await Driver.DoAsync(complaint.Id, WorkflowAction.AttachEvidence, new() { Evidence = photo }, Driver.Clerk);
        var withdrawn = await Driver.DoAsync(complaint.Id, WorkflowAction.Withdraw, new() { Note = "客户撤诉" }, Driver.Clerk);
        return (withdrawn, photo);
    }

    protected async Task<ArchivedFile> FileOfAsync(int complaintId)
    {
        await using var db = Database.CreateContext();
        return await db.ArchivedFiles.AsNoTracking().Include(f => f.Versions).SingleAsync(f => f.ComplaintId == complaintId);
    }

    protected async Task<T> WithAccessAsync<T>(Func<ArchiveAccess, Task<T>> work)
    {
        await using var db = Database.CreateContext();
        return await work(new ArchiveAccess(db, Driver.Time, Feed));
    }

    protected async Task<ArchiveAccessRequest> ApprovedRequestAsync(ActingUser requester, AccessScope scope, TimeSpan length)
    {
        var now = Driver.Time.GetUtcNow();
        var (error, request) = await WithAccessAsync(a => a.RequestAsync(requester, "复核客户重复投诉", scope, now, now + length));
        Assert.Equal(ArchiveError.None, error);
        Assert.Equal(ArchiveError.None, await WithAccessAsync(a => a.ApproveAsync(Driver.Leader, request!.Id, null, null, null, "同意")));
        return request!;
    }

    protected static AccessScope Numbers(params string[] numbers) => new(numbers, null, null, null);

    protected async Task<PortalDbContext> ContextAsync()
    {
        await Task.CompletedTask;
        return Database.CreateContext();
    }
}
