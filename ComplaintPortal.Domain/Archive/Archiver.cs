using System.Globalization;
using System.Security.Cryptography;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Archive;

/// <summary>
/// Archives (歸檔) every case that has rested at a final stage for the quiet period: a number in time order,
/// its class, and an immutable version holding the file with the ledger's verification and each evidence
/// file's SHA-256. A case whose ledger grew since (a reopening is a ledger entry) gets a new version once it
/// is quiet again; the old versions stay. A case back in work leaves the archive until it is final again.
/// </summary>
public sealed class Archiver(PortalDbContext db, EvidenceStore evidence, ArchiveOptions options, ArchiveFeed? feed = null, LedgerDigestArchive? digests = null)
{
    private static readonly CaseStage[] FinalStages = Enum.GetValues<CaseStage>().Where(s => s.IsFinal()).ToArray();

    /// <summary>One pass; returns how many versions it wrote (new files and new versions), reporting the count after each batch.</summary>
    public async Task<int> RunOnceAsync(DateTimeOffset now, IProgress<ArchiveJobProgress>? progress = null, CancellationToken ct = default)
    {
        var quietSince = now - options.QuietPeriod;
        await db.Complaints.Where(c => c.ArchivedAt != null && !FinalStages.Contains(c.Stage))
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.ArchivedAt, (DateTimeOffset?)null), ct);
        var years = await RetentionYears.LoadAsync(db, ct);
        var written = 0;
        var handled = new HashSet<int>();
        while (true)
        {
            // Time order: the earliest closed first, so numbers follow the order cases were closed in.
            var ids = await db.Complaints.AsNoTracking()
                .Where(c => c.ArchivedAt == null && FinalStages.Contains(c.Stage) && c.ClosedAt != null && c.ClosedAt <= quietSince
                    && !db.ArchivedFiles.Any(f => f.ComplaintId == c.Id && f.State == ArchiveFileState.Disposed))
                .OrderBy(c => c.ClosedAt).ThenBy(c => c.Id).Select(c => c.Id).Take(options.BatchSize).ToListAsync(ct);
            // A case the batch skipped would come back forever: stop when nothing new is left.
            if (ids.Count == 0 || ids.All(handled.Contains))
            {
                break;
            }

            handled.UnionWith(ids);

            written += await ArchiveBatchAsync(ids, now, quietSince, years, ct);
            db.ChangeTracker.Clear();
            progress?.Report(new(written, null));
        }

        written += await ReversionGrownAsync(now, quietSince, years, ct);
        if (written > 0)
        {
            feed?.Publish(new ArchiveChange(ArchiveChangeKind.Archived));
        }

        return written;
    }

    /// <summary>Archived cases whose ledger grew (a reopening, a late record) and that are quiet again get a new version.</summary>
    private async Task<int> ReversionGrownAsync(DateTimeOffset now, DateTimeOffset quietSince, RetentionYears years, CancellationToken ct)
    {
        var grown = await db.ArchivedFiles.AsNoTracking()
            .Where(f => f.State == ArchiveFileState.Kept)
            .Join(db.Complaints, f => f.ComplaintId, c => c.Id, (f, c) => new { c.Id, c.LedgerEventCount, f.LedgerEventCountSeen, c.Stage })
            .Where(x => x.LedgerEventCount > x.LedgerEventCountSeen && FinalStages.Contains(x.Stage))
            .Select(x => new { x.Id, Last = db.LedgerEvents.Where(e => e.ComplaintId == x.Id).Max(e => (DateTimeOffset?)e.OccurredAt) })
            .ToListAsync(ct);
        var due = grown.Where(g => g.Last <= quietSince).Select(g => g.Id).ToList();
        var written = 0;
        foreach (var batch in due.Chunk(options.BatchSize))
        {
            written += await ArchiveBatchAsync(batch, now, quietSince, years, ct);
            db.ChangeTracker.Clear();
        }

        return written;
    }

    private async Task<int> ArchiveBatchAsync(IReadOnlyCollection<int> ids, DateTimeOffset now, DateTimeOffset quietSince, RetentionYears years, CancellationToken ct)
    {
        // The batch is read in set queries without tracking; only what is written is tracked: the new files and
        // versions and the cases themselves (their Version guards against a concurrent reopening).
        var cases = await db.Complaints.Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var tasks = (await db.DepartmentTasks.AsNoTracking().Where(t => ids.Contains(t.ComplaintId)).ToListAsync(ct)).ToLookup(t => t.ComplaintId);
        var evidenceOf = (await db.Evidence.AsNoTracking().Where(e => ids.Contains(e.ComplaintId)).ToListAsync(ct)).ToLookup(e => e.ComplaintId);
        var events = (await db.LedgerEvents.AsNoTracking().Where(e => ids.Contains(e.ComplaintId)).ToListAsync(ct))
            .ToLookup(e => e.ComplaintId);
        var files = await db.ArchivedFiles.Where(f => ids.Contains(f.ComplaintId)).ToDictionaryAsync(f => f.ComplaintId, ct);
        var counter = await db.ArchiveNumberCounters.FirstOrDefaultAsync(c => c.Year == now.Year, ct);
        if (counter is null)
        {
            counter = new ArchiveNumberCounter(now.Year);
            db.ArchiveNumberCounters.Add(counter);
        }

        var written = 0;
        foreach (var complaint in cases.OrderBy(c => c.ClosedAt).ThenBy(c => c.Id))
        {
            if (!complaint.Stage.IsFinal() || (complaint.ClosedAt ?? now) > quietSince)
            {
                continue;
            }

            if (!files.TryGetValue(complaint.Id, out var file))
            {
                var department = tasks[complaint.Id].OrderBy(t => t.Id).Select(t => (int?)t.DepartmentId).FirstOrDefault();
                file = new ArchivedFile(ArchiveNumberCounter.Format(now.Year, counter.Next()), complaint, department, now,
                    years.RetainUntil(complaint.CategoryId, ArchiveImportance.General, complaint.ClosedAt ?? now));
                db.ArchivedFiles.Add(file);
                files[complaint.Id] = file;
            }
            else if (file.LedgerEventCountSeen >= complaint.LedgerEventCount && complaint.ArchivedAt is not null)
            {
                continue;
            }

            var snapshot = Snapshot(complaint, tasks[complaint.Id], evidenceOf[complaint.Id], events[complaint.Id].OrderBy(e => e.Sequence).ToList());
            file.AddVersion(now, snapshot);
            file.LedgerEventCountSeen = complaint.LedgerEventCount;
            complaint.ArchivedAt = now;
            written++;
        }

        // Changes are detected once here, not again by each save interceptor that lists the entries.
        db.ChangeTracker.DetectChanges();
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        return written;
    }

    private ArchiveSnapshot Snapshot(Complaint complaint, IEnumerable<DepartmentTask> tasks, IEnumerable<Evidence> evidenceFiles, IReadOnlyList<LedgerEvent> ledger)
    {
        var verification = LedgerAudit.VerifyCase(ledger, complaint.LedgerEventCount, complaint.LedgerHeadHash, digests?.LeavesOf(complaint.Id) ?? []);
        var seals = evidenceFiles.OrderBy(e => e.Id)
            .Select(e => new EvidenceSeal(e.Id, e.FileName, e.ContentType, e.SizeBytes, e.StoredName, e.Sha256, Measure(e.StoredName)))
            .ToList();
        var json = ArchiveContent.Of(complaint, tasks, ledger, seals).ToJson();
        var finding = verification.IsIntact ? null
            : string.Create(CultureInfo.InvariantCulture, $"{verification.Break} at {verification.BrokenSequence}");
        return new ArchiveSnapshot(ledger.Count, ledger.Count == 0 ? null : ledger[^1].Hash, verification.IsIntact, finding,
            json, ArchiveContent.Sha256(json), EvidenceSeal.ToJson(seals));
    }

    /// <summary>The SHA-256 of the stored bytes now, or null when the file is gone.</summary>
    internal string? Measure(string storedName)
    {
        try
        {
            using var stream = evidence.Open(storedName);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
