using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Archive;

public sealed class ArchiverTests : ArchiveTest
{
    [Fact]
    public async Task Case_is_archived_only_after_the_quiet_period_with_a_readable_number_and_its_class()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.Closed);

        Driver.Time.Set(complaint.ClosedAt!.Value + Options.QuietPeriod - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await ArchiveAsync());
        Driver.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await ArchiveAsync());

        var file = await FileOfAsync(complaint.Id);
        Assert.Equal("DA-2026-000001", file.ArchiveNumber);
        Assert.Equal(complaint.CategoryId, file.CategoryId);
        Assert.Equal(complaint.Tasks.OrderBy(t => t.Id).First().DepartmentId, file.DepartmentId);
        Assert.Equal(2026, file.Year);
        Assert.Equal(1, file.CurrentVersion);
        Assert.Contains(Changes, c => c.Kind == ArchiveChangeKind.Archived);
        Assert.Equal(0, await ArchiveAsync());
    }

    [Fact]
    public async Task Numbers_follow_the_order_cases_closed_in_and_are_never_reused()
    {
        var later = await Driver.RegisterAsync();
        var earlier = await Driver.CaseInStageAsync(CaseStage.Invalid);
        Driver.Time.Advance(TimeSpan.FromHours(1));
        await Driver.DoAsync(later.Id, WorkflowAction.Withdraw, new() { Note = "撤诉" }, Driver.Clerk);
        Driver.Time.Advance(Options.QuietPeriod + TimeSpan.FromHours(2));

        await ArchiveAsync();
        var third = await Driver.CaseInStageAsync(CaseStage.Withdrawn);
        Driver.Time.Advance(Options.QuietPeriod + TimeSpan.FromHours(1));
        await ArchiveAsync();

        Assert.Equal("DA-2026-000001", (await FileOfAsync(earlier.Id)).ArchiveNumber);
        Assert.Equal("DA-2026-000002", (await FileOfAsync(later.Id)).ArchiveNumber);
        Assert.Equal("DA-2026-000003", (await FileOfAsync(third.Id)).ArchiveNumber);
    }

    [Fact]
    public async Task Batch_reads_write_the_same_file_as_the_case_read_whole_with_its_tasks_and_evidence()
    {
        var closed = await Driver.CaseInStageAsync(CaseStage.Closed);
        var (withdrawn, _) = await WithdrawnCaseWithPhotoAsync();
        Driver.Time.Advance(Options.QuietPeriod + TimeSpan.FromMinutes(1));
        await ArchiveAsync();

        await using var db = Database.CreateContext();
        foreach (var id in new[] { closed.Id, withdrawn.Id })
        {
            // The case read whole, as one object graph: the archived content must be exactly what it says.
            var whole = await db.Complaints.AsNoTracking().Include(c => c.Tasks).Include(c => c.Evidence).SingleAsync(c => c.Id == id);
            var ledger = await db.LedgerEvents.AsNoTracking().Where(e => e.ComplaintId == id).OrderBy(e => e.Sequence).ToListAsync();
            var version = Assert.Single((await FileOfAsync(id)).Versions);
            var seals = EvidenceSeal.FromJson(version.EvidenceSeals);
            Assert.Equal(whole.Evidence.Select(e => e.Id).Order(), seals.Select(s => s.EvidenceId));
            var expected = ArchiveContent.Of(whole, whole.Tasks, ledger, seals).ToJson();
            Assert.Equal(ArchiveContent.Sha256(expected), version.ContentSha256);
        }

        Assert.NotEmpty((await db.Complaints.AsNoTracking().Include(c => c.Tasks).SingleAsync(c => c.Id == closed.Id)).Tasks);
    }

    [Fact]
    public async Task Version_holds_the_file_the_ledger_verification_and_each_evidence_hash()
    {
        var (complaint, photo) = await WithdrawnCaseWithPhotoAsync();
        Driver.Time.Advance(Options.QuietPeriod + TimeSpan.FromMinutes(1));
        await ArchiveAsync();

        var version = Assert.Single((await FileOfAsync(complaint.Id)).Versions);
        Assert.True(version.LedgerIntact);
        Assert.Equal(complaint.LedgerEventCount, version.LedgerEventCount);
        Assert.Equal(ArchiveContent.Sha256(version.Content!), version.ContentSha256);
        var content = ArchiveContent.FromJson(version.Content)!;
        Assert.Equal("王小明", content.Registration.ComplainantName);
        Assert.Equal(complaint.LedgerEventCount, content.Ledger.Count);
        var seal = Assert.Single(content.Evidence);
        Assert.Equal(photo.Sha256, seal.MeasuredSha256);
        Assert.True(seal.Matches);
    }

    [Fact]
    public async Task Archived_version_register_and_retention_log_cannot_be_changed()
    {
        var file = await ArchivedCaseAsync();
        await using var db = Database.CreateContext();
        var version = await db.ArchiveFileVersions.SingleAsync(v => v.ArchivedFileId == file.Id);
        db.Entry(version).Property(v => v.ContentSha256).CurrentValue = new string('0', 64);

        await Assert.ThrowsAsync<ArchiveRecordFrozenException>(() => db.SaveChangesAsync());

        db.ChangeTracker.Clear();
        db.Remove(await db.ArchiveFileVersions.SingleAsync(v => v.ArchivedFileId == file.Id));
        await Assert.ThrowsAsync<ArchiveRecordFrozenException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task A_reopening_ledger_entry_creates_a_new_version_and_keeps_the_old_one()
    {
        var file = await ArchivedCaseAsync();
        var first = Assert.Single(file.Versions);
        await using (var db = Database.CreateContext())
        {
            var complaint = await db.Complaints.SingleAsync(c => c.Id == file.ComplaintId);
            LedgerChain.Open(db, complaint).Append(Driver.Time.GetUtcNow(), Driver.Clerk.UserId, Driver.Clerk.Name, null, "LateCallback",
                complaint.Stage.ToString(), complaint.Stage.ToString(), "客户来电补充意见");
            await db.SaveChangesAsync();
        }

        Assert.Equal(0, await ArchiveAsync());
        Driver.Time.Advance(Options.QuietPeriod + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await ArchiveAsync());

        var after = await FileOfAsync(file.ComplaintId);
        Assert.Equal(file.ArchiveNumber, after.ArchiveNumber);
        Assert.Equal([1, 2], after.Versions.Select(v => v.Version).Order());
        var kept = after.Versions.Single(v => v.Version == 1);
        Assert.Equal(first.ContentSha256, kept.ContentSha256);
        Assert.Equal(first.Content, kept.Content);
        Assert.Contains("客户来电补充意见", after.Versions.Single(v => v.Version == 2).Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Archived_case_is_outside_every_role_case_visibility()
    {
        var file = await ArchivedCaseAsync();
        var everyone = new[]
        {
            Driver.Clerk, Driver.Leader, Driver.Outsider, Driver.HandlerOf(DepartmentCatalog.Quality), Driver.HeadOf(DepartmentCatalog.Quality), Archivist, Admin,
        };
        await using var db = Database.CreateContext();
        var complaint = await db.Complaints.Include(c => c.Tasks).SingleAsync(c => c.Id == file.ComplaintId);
        foreach (var user in everyone)
        {
            Assert.False(CaseVisibility.MaySee(complaint, user));
            Assert.False(await db.Complaints.Where(CaseVisibility.For(user)).AnyAsync(c => c.Id == file.ComplaintId));
        }
    }
}
