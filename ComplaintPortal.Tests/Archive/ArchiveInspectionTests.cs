using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Tests.Ledger;

namespace ComplaintPortal.Tests.Archive;

public sealed class ArchiveInspectionTests : ArchiveTest
{
    private async Task<ArchiveInspection> InspectAsync()
    {
        await using var db = Database.CreateContext();
        return await new ArchiveInspector(db, new Archiver(db, Store, Options), Driver.Time, Feed).RunAsync(Archivist.Name);
    }

    [Fact]
    public async Task An_intact_archive_reports_no_damage()
    {
        await ArchivedCaseAsync();
        await ArchivedCaseAsync();

        var inspection = await InspectAsync();

        Assert.Equal((2, 0), (inspection.FilesChecked, inspection.DamagedFiles));
        Assert.Empty(inspection.FindingList);
        Assert.Contains(Changes, c => c.Kind == ArchiveChangeKind.Inspected);
    }

    [Fact]
    public async Task Archiving_and_inspection_report_how_far_they_are_for_the_desk()
    {
        Options.BatchSize = 2;
        for (var i = 0; i < 3; i++)
        {
            await Driver.CaseInStageAsync(Domain.Cases.CaseStage.Closed);
        }

        Driver.Time.Advance(Options.QuietPeriod + TimeSpan.FromMinutes(1));
        var archiving = new List<ArchiveJobProgress>();
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(3, await new Archiver(db, Store, Options, Feed).RunOnceAsync(Driver.Time.GetUtcNow(), new Reports(archiving)));
        }

        var inspecting = new List<ArchiveJobProgress>();
        await using (var db = Database.CreateContext())
        {
            await new ArchiveInspector(db, new Archiver(db, Store, Options), Driver.Time, Feed).RunAsync(Archivist.Name, new Reports(inspecting));
        }

        // Two batches of at most two cases; the inspection counts its files first, then reports after its one batch of up to 500.
        Assert.Equal([new(2, null), new(3, null)], archiving);
        Assert.Equal([new(0, 3), new(3, 3)], inspecting);
    }

    private sealed class Reports(List<ArchiveJobProgress> seen) : IProgress<ArchiveJobProgress>
    {
        public void Report(ArchiveJobProgress value) => seen.Add(value);
    }

    [Fact]
    public async Task A_corrupted_evidence_file_is_named_with_its_archive_number()
    {
        var (complaint, photo) = await WithdrawnCaseWithPhotoAsync();
        Driver.Time.Advance(Options.QuietPeriod + TimeSpan.FromMinutes(1));
        await ArchiveAsync();
        var file = await FileOfAsync(complaint.Id);
        await File.WriteAllBytesAsync(Path.Combine(Store.RootPath, photo.StoredName), [1, 2, 3]);

        var inspection = await InspectAsync();

        var finding = Assert.Single(inspection.FindingList);
        Assert.Equal((file.ArchiveNumber, InspectionProblem.EvidenceChanged, photo.FileName), (finding.ArchiveNumber, finding.Problem, finding.Detail));
        Assert.Equal(1, inspection.DamagedFiles);
    }

    [Fact]
    public async Task A_tampered_ledger_is_named_with_its_archive_number()
    {
        var intact = await ArchivedCaseAsync();
        var tampered = await ArchivedCaseAsync();
        var insider = new LedgerInsider(Database);
        await insider.DropTriggersAsync();
        await insider.RewriteAsync(tampered.ComplaintId, 2, "改写的记录");

        var inspection = await InspectAsync();

        Assert.Equal(1, inspection.DamagedFiles);
        Assert.All(inspection.FindingList, f => Assert.Equal(tampered.ArchiveNumber, f.ArchiveNumber));
        Assert.Contains(inspection.FindingList, f => f.Problem == InspectionProblem.LedgerDiffersFromArchive);
        Assert.DoesNotContain(inspection.FindingList, f => f.ArchiveNumber == intact.ArchiveNumber);
    }
}
