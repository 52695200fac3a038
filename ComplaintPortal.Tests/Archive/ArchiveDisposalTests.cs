using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Archive;

public sealed class ArchiveDisposalTests : ArchiveTest
{
    private async Task<T> WithDisposalsAsync<T>(Func<ArchiveDisposals, Task<T>> work)
    {
        await using var db = Database.CreateContext();
        return await work(new ArchiveDisposals(db, Store, Driver.Time, Feed));
    }

    private async Task<(ArchivedFile File, NewEvidencePath Photo)> PastRetentionWithPhotoAsync()
    {
        var (complaint, photo) = await WithdrawnCaseWithPhotoAsync();
        Driver.Time.Advance(Options.QuietPeriod + TimeSpan.FromMinutes(1));
        await ArchiveAsync();
        Driver.Time.Advance(TimeSpan.FromDays(366 * RetentionRule.DefaultGeneralYears));
        return (await FileOfAsync(complaint.Id), new(Path.Combine(Store.RootPath, photo.StoredName)));
    }

    [Fact]
    public async Task Listing_past_retention_removes_nothing_and_needs_leadership_to_dispose()
    {
        var (file, photo) = await PastRetentionWithPhotoAsync();

        Assert.Equal(1, await WithDisposalsAsync(d => d.ListDueAsync()));
        Assert.Equal(0, await WithDisposalsAsync(d => d.ListDueAsync()));
        await using var db = Database.CreateContext();
        var disposal = await db.ArchiveDisposals.SingleAsync();
        Assert.Equal(ArchiveError.NotPermitted, await WithDisposalsAsync(d => d.ApproveAsync(Archivist, disposal.Id)));
        Assert.Equal(ArchiveError.NotPermitted, await WithDisposalsAsync(d => d.ApproveAsync(Driver.Clerk, disposal.Id)));

        Assert.True(File.Exists(photo.Path));
        var complaint = await db.Complaints.Include(c => c.Evidence).SingleAsync(c => c.Id == file.ComplaintId);
        Assert.Equal("王小明", complaint.Complainant.Name);
        Assert.Single(complaint.Evidence);
        Assert.NotNull((await db.ArchiveFileVersions.SingleAsync(v => v.ArchivedFileId == file.Id)).Content);
    }

    [Fact]
    public async Task Approved_disposal_removes_personal_data_and_evidence_and_leaves_a_tombstone_in_the_ledger()
    {
        var (file, photo) = await PastRetentionWithPhotoAsync();
        await WithDisposalsAsync(d => d.ListDueAsync());
        await using var db = Database.CreateContext();
        var disposal = await db.ArchiveDisposals.SingleAsync();

        Assert.Equal(ArchiveError.None, await WithDisposalsAsync(d => d.ApproveAsync(Driver.Leader, disposal.Id)));

        db.ChangeTracker.Clear();
        var complaint = await db.Complaints.Include(c => c.Evidence).SingleAsync(c => c.Id == file.ComplaintId);
        Assert.Equal("", complaint.Complainant.Name);
        Assert.Null(complaint.Complainant.Phone);
        Assert.Equal("", complaint.Description);
        Assert.Empty(complaint.Evidence);
        Assert.False(File.Exists(photo.Path));
        Assert.All(await db.ArchiveFileVersions.Where(v => v.ArchivedFileId == file.Id).ToListAsync(), v => Assert.Null(v.Content));
        var done = await db.ArchiveDisposals.SingleAsync();
        Assert.Equal(DisposalStatus.Disposed, done.Status);

        var ledger = await db.LedgerEvents.Where(e => e.ComplaintId == file.ComplaintId).OrderBy(e => e.Sequence).ToListAsync();
        var tombstone = ledger[^1];
        Assert.Equal(ArchiveDisposals.TombstoneAction, tombstone.Action);
        Assert.Contains(file.ArchiveNumber, tombstone.Note, StringComparison.Ordinal);
        Assert.Contains("removed-sha256=" + done.RemovedSha256, tombstone.Note, StringComparison.Ordinal);
        Assert.Contains(Driver.Leader.Name, tombstone.Note, StringComparison.Ordinal);
        Assert.True(LedgerVerifier.Verify(ledger).IsIntact);
        Assert.Equal(ArchiveFileState.Disposed, (await db.ArchivedFiles.SingleAsync(f => f.Id == file.Id)).State);
    }

    [Fact]
    public async Task A_leader_approves_the_list_as_shown_and_the_disposal_job_carries_it_out_naming_the_leader()
    {
        var cases = new List<(Domain.Cases.Complaint Case, Domain.Workflow.NewEvidence Photo)>();
        for (var i = 0; i < 3; i++)
        {
            cases.Add(await WithdrawnCaseWithPhotoAsync());
        }

        Driver.Time.Advance(Options.QuietPeriod + TimeSpan.FromMinutes(1));
        await ArchiveAsync();
        Driver.Time.Advance(TimeSpan.FromDays(366 * RetentionRule.DefaultGeneralYears));
        var files = new List<ArchivedFile>();
        foreach (var (complaint, _) in cases)
        {
            files.Add(await FileOfAsync(complaint.Id));
        }

        // Listed two files to a transaction: every file once, across the batches.
        await using (var listing = Database.CreateContext())
        {
            Assert.Equal(3, await new ArchiveDisposals(listing, Store, Driver.Time, Feed) { ListBatch = 2 }.ListDueAsync());
        }

        var list = await WithDisposalsAsync(d => d.ListedAsync());
        Assert.Equal((3, 0), (list.Count, list.Approved));
        Assert.Equal(files.Min(f => f.RetainUntil), list.EarliestRetainUntil);
        Assert.Equal(files.Max(f => f.RetainUntil), list.LatestRetainUntil);
        await using var db = Database.CreateContext();
        var disposals = await db.ArchiveDisposals.OrderBy(d => d.Id).ToListAsync();
        Assert.Equal(disposals[^1].Id, list.LastListedId);
        // The second goes under legal hold after it was listed.
        await using (var hold = Database.CreateContext())
        {
            Assert.Equal(ArchiveError.None, await new ArchiveCatalog(hold, Driver.Time, Feed).SetLegalHoldAsync(Driver.Leader, disposals[1].ArchiveNumber, true));
        }

        Assert.Equal((ArchiveError.NotPermitted, 0), await WithDisposalsAsync(d => d.ApproveListAsync(Archivist, list.LastListedId)));
        // The leader approves the list as it stood up to the second: the first only (the second is held, the third came after).
        Assert.Equal((ArchiveError.None, 1), await WithDisposalsAsync(d => d.ApproveListAsync(Driver.Leader, disposals[1].Id)));
        Assert.Equal(0, await WithDisposalsAsync(d => d.ListDueAsync()));
        Assert.Equal((2, 1), ((await WithDisposalsAsync(d => d.ListedAsync())).Count, (await WithDisposalsAsync(d => d.ListedAsync())).Approved));
        // Approved is not yet disposed.
        Assert.Single(await db.Evidence.Where(e => e.ComplaintId == files[0].ComplaintId).ToListAsync());

        var reports = new List<ArchiveJobProgress>();
        Assert.Equal(1, await WithDisposalsAsync(d => d.DisposeApprovedAsync(new Collected(reports))));

        Assert.Equal([new ArchiveJobProgress(0, 1), new ArchiveJobProgress(1, 1)], reports);
        db.ChangeTracker.Clear();
        var states = await db.ArchiveDisposals.OrderBy(d => d.Id).Select(d => d.Status).ToListAsync();
        Assert.Equal([DisposalStatus.Disposed, DisposalStatus.Listed, DisposalStatus.Listed], states);
        Assert.Equal(ArchiveFileState.Disposed, (await db.ArchivedFiles.SingleAsync(f => f.Id == files[0].Id)).State);
        Assert.Empty(await db.Evidence.Where(e => e.ComplaintId == files[0].ComplaintId).ToListAsync());
        Assert.False(File.Exists(Path.Combine(Store.RootPath, cases[0].Photo.StoredName)));
        Assert.True(File.Exists(Path.Combine(Store.RootPath, cases[1].Photo.StoredName)));
        var ledger = await db.LedgerEvents.Where(e => e.ComplaintId == files[0].ComplaintId).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal((ArchiveDisposals.TombstoneAction, Driver.Leader.UserId), (ledger[^1].Action, ledger[^1].ActorUserId));
        Assert.Contains("approved-by=" + Driver.Leader.Name, ledger[^1].Note, StringComparison.Ordinal);
        Assert.True(LedgerVerifier.Verify(ledger).IsIntact);
        Assert.Equal("", (await db.Complaints.SingleAsync(c => c.Id == files[0].ComplaintId)).Complainant.Name);

        // The third approved, then put under legal hold before the job ran: it goes back to the list, kept whole.
        Assert.Equal((ArchiveError.None, 1), await WithDisposalsAsync(d => d.ApproveListAsync(Driver.Leader, list.LastListedId)));
        await using (var hold = Database.CreateContext())
        {
            Assert.Equal(ArchiveError.None, await new ArchiveCatalog(hold, Driver.Time, Feed).SetLegalHoldAsync(Driver.Leader, disposals[2].ArchiveNumber, true));
        }

        Assert.Equal(0, await WithDisposalsAsync(d => d.DisposeApprovedAsync()));
        db.ChangeTracker.Clear();
        var third = await db.ArchiveDisposals.SingleAsync(d => d.Id == disposals[2].Id);
        Assert.Equal((DisposalStatus.Listed, null), (third.Status, third.DeciderUserId));
        Assert.Equal(ArchiveFileState.Kept, (await db.ArchivedFiles.SingleAsync(f => f.Id == files[2].Id)).State);
    }

    [Fact]
    public async Task A_file_under_legal_hold_is_never_listed_and_important_files_are_kept_longer()
    {
        var held = await ArchivedCaseAsync();
        var important = await ArchivedCaseAsync();
        await using (var db = Database.CreateContext())
        {
            var catalog = new ArchiveCatalog(db, Driver.Time, Feed);
            Assert.Equal(ArchiveError.NotPermitted, await catalog.SetLegalHoldAsync(Archivist, held.ArchiveNumber, true));
            Assert.Equal(ArchiveError.None, await catalog.SetLegalHoldAsync(Driver.Leader, held.ArchiveNumber, true));
            Assert.Equal(ArchiveError.None, await catalog.SetImportanceAsync(Driver.Leader, important.ArchiveNumber, ArchiveImportance.Important));
        }

        Driver.Time.Advance(TimeSpan.FromDays(366 * RetentionRule.DefaultGeneralYears));

        Assert.Equal(0, await WithDisposalsAsync(d => d.ListDueAsync()));
        Assert.Equal(important.ClosedAt.AddYears(RetentionRule.DefaultImportantYears), (await FileOfAsync(important.ComplaintId)).RetainUntil);
        // Marking writes the case's ledger; the archive does not take it for a reopening.
        Driver.Time.Advance(Options.QuietPeriod * 2);
        Assert.Equal(0, await ArchiveAsync());
    }

    [Fact]
    public async Task Retention_change_by_an_administrator_is_logged_and_re_dates_the_files()
    {
        var file = await ArchivedCaseAsync();
        await using var db = Database.CreateContext();
        var book = new RetentionBook(db, Driver.Time);

        Assert.Equal(ArchiveError.NotPermitted, await book.SetAsync(Driver.Leader, null, 5, 10));
        Assert.Equal(ArchiveError.RetentionYearsInvalid, await book.SetAsync(Admin, null, 5, 4));
        Assert.Equal(ArchiveError.None, await book.SetAsync(Admin, file.CategoryId, 5, 12));

        var change = Assert.Single(await db.RetentionRuleChanges.ToListAsync());
        Assert.Equal((Admin.Name, file.CategoryId, (int?)null, 5, 12), (change.ActorName, change.CategoryId, change.OldGeneralYears, change.NewGeneralYears, change.NewImportantYears));
        Assert.Equal(file.ClosedAt.AddYears(5), (await FileOfAsync(file.ComplaintId)).RetainUntil);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Two_administrators_saving_one_retention_rule_in_the_same_instant_cannot_both_land(bool defaultRule)
    {
        // The default rule (there from the start) meets on its version; a type's first rule, created by both, on the
        // unique type. Both read the years before either save and pass the comparison with what their pages showed.
        var file = await ArchivedCaseAsync();
        int? type = defaultRule ? null : file.CategoryId;
        (int, int) shown;
        await using (var db = Database.CreateContext())
        {
            var rule = (await new RetentionBook(db, Driver.Time).LoadAsync()).RuleFor(type);
            shown = (rule.GeneralYears, rule.ImportantYears);
        }

        var first = new BeforeFirstSave(async () =>
        {
            await using var other = Database.CreateContext();
            Assert.Equal(ArchiveError.None, await new RetentionBook(other, Driver.Time).SetAsync(Admin, type, 5, 12, shown));
        });
        await using (var db = Database.CreateContext(first))
        {
            Assert.Equal(ArchiveError.ConcurrencyConflict, await new RetentionBook(db, Driver.Time).SetAsync(Admin, type, 2, 4, shown));
        }

        Assert.True(first.Ran);
        await using var check = Database.CreateContext();
        var rules = await check.RetentionRules.AsNoTracking().Where(r => r.CategoryId == type).ToListAsync();
        Assert.Equal((5, 12), (Assert.Single(rules).GeneralYears, rules[0].ImportantYears));
        Assert.Single(await check.RetentionRuleChanges.AsNoTracking().ToListAsync());
        Assert.Equal(file.ClosedAt.AddYears(5), (await FileOfAsync(file.ComplaintId)).RetainUntil);
    }

    [Fact]
    public async Task A_retention_change_from_the_years_before_another_administrator_s_change_is_refused_and_nothing_is_overwritten()
    {
        var file = await ArchivedCaseAsync();
        await using var db = Database.CreateContext();
        var book = new RetentionBook(db, Driver.Time);
        var shown = (await book.LoadAsync()).RuleFor(file.CategoryId);
        var before = (shown.GeneralYears, shown.ImportantYears);

        // Two administrators opened the page; the first saves, then the second saves from the years they were shown.
        Assert.Equal(ArchiveError.None, await book.SetAsync(Admin, file.CategoryId, 5, 12, before));
        Assert.Equal(ArchiveError.ConcurrencyConflict, await book.SetAsync(Admin, file.CategoryId, 2, 4, before));

        var now = (await book.LoadAsync()).RuleFor(file.CategoryId);
        Assert.Equal((5, 12), (now.GeneralYears, now.ImportantYears));
        Assert.Single(await db.RetentionRuleChanges.ToListAsync());
        Assert.Equal(file.ClosedAt.AddYears(5), (await FileOfAsync(file.ComplaintId)).RetainUntil);
        // From the years now shown it saves.
        Assert.Equal(ArchiveError.None, await book.SetAsync(Admin, file.CategoryId, 6, 12, (5, 12)));
    }

    private sealed record NewEvidencePath(string Path);

    /// <summary>Each progress report as it is made (<see cref="Progress{T}"/> posts them later, to a thread of its own).</summary>
    private sealed class Collected(List<ArchiveJobProgress> into) : IProgress<ArchiveJobProgress>
    {
        public void Report(ArchiveJobProgress value) => into.Add(value);
    }

    [Fact]
    public async Task The_list_read_a_page_at_a_time_in_either_order_is_every_listed_file_and_a_number_finds_one()
    {
        for (var i = 0; i < 5; i++)
        {
            await WithdrawnCaseWithPhotoAsync();
        }

        Driver.Time.Advance(Options.QuietPeriod + TimeSpan.FromMinutes(1));
        await ArchiveAsync();
        Driver.Time.Advance(TimeSpan.FromDays(366 * RetentionRule.DefaultGeneralYears));
        Assert.Equal(5, await WithDisposalsAsync(d => d.ListDueAsync()));
        await using var db = Database.CreateContext();
        // Retention ends out of the numbers' order (as files kept for different classes' years would be), two on one day.
        var days = new[] { 3, 1, 4, 1, 2 };
        var listed = await db.ArchiveDisposals.OrderBy(d => d.Id).ToListAsync();
        for (var i = 0; i < listed.Count; i++)
        {
            var end = listed[0].RetainUntil.AddDays(-days[i]);
            await db.ArchiveDisposals.Where(d => d.Id == listed[i].Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.RetainUntil, end));
        }

        // One decided: no longer on the list.
        Assert.Equal(ArchiveError.None, await WithDisposalsAsync(d => d.RejectAsync(Driver.Leader, listed[2].Id, "涉及未结诉讼")));
        var waiting = await db.ArchiveDisposals.AsNoTracking().Where(d => d.Status == DisposalStatus.Listed).ToListAsync();
        Assert.Equal(4, waiting.Count);
        var files = await db.ArchivedFiles.AsNoTracking().ToDictionaryAsync(f => f.Id);

        async Task<List<int>> ReadAll(string? number, DisposalOrder order, bool descending)
        {
            await using var read = Database.CreateContext();
            var catalog = new ArchiveCatalog(read, Driver.Time, Feed);
            var ids = new List<int>();
            for (var skip = 0; ; skip += 2)
            {
                var (rows, total) = await catalog.ListedPageAsync(number, order, descending, skip, 2);
                // Each with its file's case and class, what a leader decides by.
                Assert.All(rows, r => Assert.Equal((files[r.Disposal.ArchivedFileId].CaseNumber, files[r.Disposal.ArchivedFileId].Year), (r.CaseNumber, r.Year)));
                ids.AddRange(rows.Select(r => r.Disposal.Id));
                if (skip + 2 >= total)
                {
                    Assert.Equal(total, ids.Count);
                    return ids;
                }
            }
        }

        Assert.Equal(waiting.OrderBy(d => d.RetainUntil).ThenBy(d => d.Id).Select(d => d.Id), await ReadAll(null, DisposalOrder.RetainUntil, false));
        Assert.Equal(waiting.OrderByDescending(d => d.RetainUntil).ThenByDescending(d => d.Id).Select(d => d.Id), await ReadAll(null, DisposalOrder.RetainUntil, true));
        Assert.Equal(waiting.OrderBy(d => d.ArchiveNumber, StringComparer.Ordinal).Select(d => d.Id), await ReadAll(null, DisposalOrder.ArchiveNumber, false));
        Assert.Equal(waiting.OrderByDescending(d => d.ArchiveNumber, StringComparer.Ordinal).Select(d => d.Id), await ReadAll(null, DisposalOrder.ArchiveNumber, true));
        Assert.NotEqual(await ReadAll(null, DisposalOrder.RetainUntil, false), await ReadAll(null, DisposalOrder.ArchiveNumber, false));
        // Part of a number, in any case; a decided file's number finds nothing.
        Assert.Equal([listed[4].Id], await ReadAll(listed[4].ArchiveNumber[^4..].ToLowerInvariant(), DisposalOrder.RetainUntil, false));
        Assert.Empty(await ReadAll(listed[2].ArchiveNumber, DisposalOrder.RetainUntil, false));
    }
}
