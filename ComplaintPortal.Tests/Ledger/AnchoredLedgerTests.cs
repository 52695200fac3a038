using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Ledger;

/// <summary>The ledger anchored outside the database: case heads, the global sequence and signed digests.</summary>
public sealed class AnchoredLedgerTests : CaseDatabaseTest, IDisposable
{
    private LedgerDigestArchive Archive => new(Path.Combine(Database.Folder, "digests"));

    private LedgerDigestKey Key => key ??= LedgerDigestKey.LoadOrCreate(Path.Combine(Database.Folder, "key", "signing.pem"));

    private LedgerDigestKey? key;

    private LedgerInsider Insider => new(Database);

    [Fact]
    public async Task Every_append_moves_the_case_head_in_the_same_save()
    {
        var id = (await Driver.CaseInStageAsync(CaseStage.UnderReview)).Id;

        await using var db = Database.CreateContext();
        var complaint = await db.Complaints.SingleAsync(c => c.Id == id);
        var events = await db.LedgerEvents.Where(e => e.ComplaintId == id).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal((events.Count, events[^1].Hash), (complaint.LedgerEventCount, complaint.LedgerHeadHash));
    }

    [Fact]
    public async Task Positions_run_without_gaps_over_every_case_even_when_registrations_race()
    {
        await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            await using var db = Database.CreateContext();
            await new ComplaintIntake(db, Driver.Time, CaseNumberPolicy.Default).RegisterAsync(Workflow.CaseDriver.SampleIntake(), Driver.Clerk);
        }));
        await Driver.CaseInStageAsync(CaseStage.Acknowledged);

        await using var check = Database.CreateContext();
        var positions = await check.LedgerEvents.OrderBy(e => e.Position).Select(e => e.Position).ToListAsync();
        Assert.Equal(Enumerable.Range(1, positions.Count).Select(p => (long)p), positions);
    }

    [Fact]
    public async Task Digests_are_signed_chained_and_an_untouched_ledger_checks_clean()
    {
        await Driver.CaseInStageAsync(CaseStage.Acknowledged);
        var first = await SealAsync();
        await Driver.CaseInStageAsync(CaseStage.Assessed);
        var second = await SealAsync();
        var nothingNew = await SealAsync();

        var a = Assert.Single(first);
        var b = Assert.Single(second);
        Assert.Empty(nothingNew);
        Assert.Equal((1L, a.To + 1, a.Hash), (a.From, b.From, b.Previous));
        Assert.Equal([a.Hash, b.Hash], Archive.ReadAll().Where(Key.Verify).Select(d => d.Hash()));
        Assert.True(File.Exists(Path.Combine(Archive.Folder, LedgerDigestKey.PublicKeyFileName)));
        await using var db = Database.CreateContext();
        Assert.Empty(await LedgerAudit.VerifyAllAsync(db, Archive, Key));
    }

    [Fact]
    public async Task Rewriting_an_event_and_recomputing_the_following_hashes_and_the_head_is_named()
    {
        var id = (await Driver.CaseInStageAsync(CaseStage.UnderReview)).Id;
        var other = (await Driver.CaseInStageAsync(CaseStage.Assessed)).Id;
        await SealAsync();
        await Insider.DropTriggersAsync();

        await Insider.RewriteAsync(id, 3, "客户已满意，无需处理");

        await using var db = Database.CreateContext();
        var chainOnly = await LedgerAudit.VerifyCaseAsync(db, id, null);
        var anchored = await LedgerAudit.VerifyCaseAsync(db, id, Archive);
        Assert.True(chainOnly.IsIntact); // the chain and head alone were fooled …
        Assert.Equal((false, 3, LedgerBreak.ChangedSinceSealed), (anchored.IsIntact, anchored.BrokenSequence, anchored.Break));
        Assert.True((await LedgerAudit.VerifyCaseAsync(db, other, Archive)).IsIntact);
        var findings = await LedgerAudit.VerifyAllAsync(db, Archive, Key);
        Assert.All(findings, f => Assert.Equal((LedgerFindingKind.ChangedSinceSealed, id), (f.Kind, f.ComplaintId)));
        Assert.Equal(3, findings.Min(f => f.Sequence));
    }

    [Fact]
    public async Task Deleting_a_cases_last_event_is_named_truncation_by_the_head_and_by_the_digests()
    {
        var headOnly = (await Driver.CaseInStageAsync(CaseStage.Acknowledged)).Id;
        var headMoved = (await Driver.CaseInStageAsync(CaseStage.Acknowledged)).Id;
        int last;
        await using (var before = Database.CreateContext())
        {
            last = await before.LedgerEvents.Where(e => e.ComplaintId == headOnly).MaxAsync(e => e.Sequence);
        }

        await SealAsync();
        await Insider.DropTriggersAsync();

        await Insider.CutLastEventAsync(headOnly, moveHead: false);
        await Insider.CutLastEventAsync(headMoved, moveHead: true);

        await using var db = Database.CreateContext();
        var byHead = await LedgerAudit.VerifyCaseAsync(db, headOnly, null);
        var byDigest = await LedgerAudit.VerifyCaseAsync(db, headMoved, Archive);
        Assert.Equal((false, last, LedgerBreak.Truncated), (byHead.IsIntact, byHead.BrokenSequence, byHead.Break));
        Assert.Equal((false, last, LedgerBreak.Truncated), (byDigest.IsIntact, byDigest.BrokenSequence, byDigest.Break));
        var findings = await LedgerAudit.VerifyAllAsync(db, Archive, Key);
        Assert.Contains(new LedgerFinding(LedgerFindingKind.Truncated, headOnly, last, null, null), findings);
        Assert.Contains(findings, f => f.Kind == LedgerFindingKind.RemovedSinceSealed && f.Sequence == last && f.ComplaintId == headMoved);
    }

    [Fact]
    public async Task Deleting_an_event_in_the_middle_of_the_global_sequence_is_named_sealed_or_not()
    {
        await Driver.CaseInStageAsync(CaseStage.Acknowledged);
        var victim = (await Driver.CaseInStageAsync(CaseStage.Acknowledged)).Id;
        await Driver.CaseInStageAsync(CaseStage.Acknowledged);
        var digest = Assert.Single(await SealAsync());
        await Driver.CaseInStageAsync(CaseStage.Acknowledged);
        await Driver.CaseInStageAsync(CaseStage.Registered);
        await using var db = Database.CreateContext();
        var sealedEvent = await db.LedgerEvents.AsNoTracking().SingleAsync(e => e.ComplaintId == victim && e.Sequence == 2);
        var unsealedEvent = await db.LedgerEvents.AsNoTracking().Where(e => e.Position > digest.To).OrderBy(e => e.Position).FirstAsync();
        await Insider.DropTriggersAsync();

        await Insider.DeleteAsync(sealedEvent.Id);
        await Insider.DeleteAsync(unsealedEvent.Id);

        var findings = await LedgerAudit.VerifyAllAsync(db, Archive, Key);
        Assert.Contains(new LedgerFinding(LedgerFindingKind.RemovedSinceSealed, victim, 2, sealedEvent.Position, digest.FileName), findings);
        Assert.Contains(new LedgerFinding(LedgerFindingKind.PositionGap, null, null, unsealedEvent.Position, null), findings);
        Assert.Equal(LedgerBreak.SequenceGap, (await LedgerAudit.VerifyCaseAsync(db, victim, Archive)).Break);
    }

    [Fact]
    public async Task A_hole_found_when_sealing_is_recorded_in_the_digest()
    {
        await Driver.CaseInStageAsync(CaseStage.Acknowledged);
        await using var db = Database.CreateContext();
        var middle = await db.LedgerEvents.AsNoTracking().SingleAsync(e => e.Position == 2);
        await Insider.DropTriggersAsync();
        await Insider.DeleteAsync(middle.Id);

        var digest = Assert.Single(await SealAsync());

        Assert.Equal(1, digest.MissingCount);
        Assert.Equal([2L], Assert.Single(Archive.ReadAll()).Missing);
        Assert.Contains(new LedgerFinding(LedgerFindingKind.MissingWhenSealed, null, null, 2, digest.FileName), await LedgerAudit.VerifyAllAsync(db, Archive, Key));
    }

    [Fact]
    public async Task A_forged_or_removed_digest_is_noticed()
    {
        await Driver.CaseInStageAsync(CaseStage.Registered);
        var first = Assert.Single(await SealAsync());
        await Driver.CaseInStageAsync(CaseStage.Registered);
        var second = Assert.Single(await SealAsync());
        await Driver.CaseInStageAsync(CaseStage.Registered);
        var third = Assert.Single(await SealAsync());

        var forgedPath = Path.Combine(Archive.Folder, first.FileName);
        await File.WriteAllTextAsync(forgedPath, (await File.ReadAllTextAsync(forgedPath)).Replace(first.Root, new string('a', 64), StringComparison.Ordinal));
        File.Delete(Path.Combine(Archive.Folder, second.FileName));

        await using var db = Database.CreateContext();
        var findings = await LedgerAudit.VerifyAllAsync(db, Archive, Key);
        Assert.Contains(new LedgerFinding(LedgerFindingKind.DigestForged, null, null, first.From, first.FileName), findings);
        Assert.Contains(new LedgerFinding(LedgerFindingKind.DigestChainBroken, null, null, third.From, third.FileName), findings);
    }

    [Fact]
    public async Task A_digest_checks_only_with_the_key_that_signed_it()
    {
        await Driver.CaseInStageAsync(CaseStage.Registered);
        await SealAsync();
        var digest = Assert.Single(Archive.ReadAll());
        using var stranger = LedgerDigestKey.LoadOrCreate(Path.Combine(Database.Folder, "other", "key.pem"));
        using var published = LedgerDigestKey.FromPublicKeyPem(await File.ReadAllTextAsync(Path.Combine(Archive.Folder, LedgerDigestKey.PublicKeyFileName)));

        Assert.True(published.Verify(digest));
        Assert.False(Key.Verify(stranger.Sign(digest)));
        Assert.False(Key.Verify(digest with { Signature = stranger.Sign(digest).Signature }));
    }

    [Fact]
    public async Task A_step_whose_summary_is_two_full_texts_is_kept_whole_in_the_ledger()
    {
        var complaint = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var task = complaint.Tasks[0];
        var note = new string('查', Complaint.TextMaxLength);
        var cause = new string('因', Complaint.TextMaxLength);

        await Driver.DoAsync(complaint.Id, WorkflowAction.RecordFindings, new() { TaskId = task.Id, Note = note, RootCause = cause }, Driver.HandlerOf(task.DepartmentId));

        await using var db = Database.CreateContext();
        var last = await db.LedgerEvents.Where(e => e.ComplaintId == complaint.Id).OrderBy(e => e.Sequence).Select(e => e.Note).LastAsync();
        Assert.Equal(note + "; root cause: " + cause, last);
    }

    public void Dispose() => key?.Dispose();

    private async Task<IReadOnlyList<LedgerDigestHeader>> SealAsync()
    {
        await using var db = Database.CreateContext();
        return await new LedgerSealer(db, Archive, Key).SealAsync(Driver.Time.GetUtcNow());
    }
}
