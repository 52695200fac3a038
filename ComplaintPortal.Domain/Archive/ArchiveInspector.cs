using System.Globalization;
using System.Text.Json;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Archive;

/// <summary>
/// The archive's regular inspection (定期檢查): every kept file's ledger is verified again (chain, head, signed
/// digests) and compared with what each version recorded, each version's content with its hash, and each
/// evidence file's bytes with the SHA-256 taken at archiving. Damage is reported by archive number.
/// </summary>
public sealed class ArchiveInspector(PortalDbContext db, Archiver archiver, TimeProvider time, ArchiveFeed feed, LedgerDigestArchive? digests = null)
{
    public const string ScheduledBy = "system:archive";
    private const int BatchSize = 500;

    /// <summary>Inspects every kept file, reporting how many of how many after each batch.</summary>
    public async Task<ArchiveInspection> RunAsync(string byName, IProgress<ArchiveJobProgress>? progress = null, CancellationToken ct = default)
    {
        var inspection = new ArchiveInspection(time.GetUtcNow(), byName);
        var total = progress is null ? 0 : await db.ArchivedFiles.CountAsync(f => f.State == ArchiveFileState.Kept, ct);
        progress?.Report(new(0, total));
        var findings = new List<InspectionFinding>();
        var lastId = 0;
        var damaged = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var files = await db.ArchivedFiles.AsNoTracking().Where(f => f.Id > lastId && f.State == ArchiveFileState.Kept)
                .OrderBy(f => f.Id).Take(BatchSize).ToListAsync(ct);
            if (files.Count == 0)
            {
                break;
            }

            lastId = files[^1].Id;
            var fileIds = files.Select(f => f.Id).ToList();
            var caseIds = files.Select(f => f.ComplaintId).ToList();
            var versions = (await db.ArchiveFileVersions.AsNoTracking().Where(v => fileIds.Contains(v.ArchivedFileId)).ToListAsync(ct))
                .ToLookup(v => v.ArchivedFileId);
            var events = (await db.LedgerEvents.AsNoTracking().Where(e => caseIds.Contains(e.ComplaintId)).ToListAsync(ct)).ToLookup(e => e.ComplaintId);
            var heads = await db.Complaints.AsNoTracking().Where(c => caseIds.Contains(c.Id))
                .Select(c => new { c.Id, c.LedgerEventCount, c.LedgerHeadHash }).ToDictionaryAsync(c => c.Id, ct);
            foreach (var file in files)
            {
                var ledger = events[file.ComplaintId].OrderBy(e => e.Sequence).ToList();
                var head = heads[file.ComplaintId];
                var found = Inspect(file, versions[file.Id].OrderBy(v => v.Version).ToList(), ledger, head.LedgerEventCount, head.LedgerHeadHash);
                findings.AddRange(found);
                if (found.Count > 0)
                {
                    damaged.Add(file.ArchiveNumber);
                }

                inspection.FilesChecked++;
            }

            progress?.Report(new(inspection.FilesChecked, Math.Max(total, inspection.FilesChecked)));
        }

        inspection.DamagedFiles = damaged.Count;
        inspection.Findings = JsonSerializer.Serialize(findings);
        inspection.FinishedAt = time.GetUtcNow();
        db.ArchiveInspections.Add(inspection);
        await db.SaveChangesAsync(ct);
        feed.Publish(new ArchiveChange(ArchiveChangeKind.Inspected));
        return inspection;
    }

    private List<InspectionFinding> Inspect(ArchivedFile file, IReadOnlyList<ArchiveFileVersion> versions, IReadOnlyList<LedgerEvent> ledger, int headCount, string? headHash)
    {
        var findings = new List<InspectionFinding>();
        var latest = versions.Count == 0 ? 0 : versions[^1].Version;
        var verification = LedgerAudit.VerifyCase(ledger, headCount, headHash, digests?.LeavesOf(file.ComplaintId) ?? []);
        if (!verification.IsIntact)
        {
            findings.Add(new(file.ArchiveNumber, latest, InspectionProblem.LedgerBroken,
                string.Create(CultureInfo.InvariantCulture, $"{verification.Break} #{verification.BrokenSequence}")));
        }

        var bySequence = ledger.ToDictionary(e => e.Sequence);
        foreach (var version in versions)
        {
            if (version.LedgerEventCount > 0
                && (!bySequence.TryGetValue(version.LedgerEventCount, out var last) || !string.Equals(last.Hash, version.LedgerHeadHash, StringComparison.Ordinal)))
            {
                findings.Add(new(file.ArchiveNumber, version.Version, InspectionProblem.LedgerDiffersFromArchive,
                    version.LedgerEventCount.ToString(CultureInfo.InvariantCulture)));
            }

            if (version.Content is { } content && !string.Equals(ArchiveContent.Sha256(content), version.ContentSha256, StringComparison.Ordinal))
            {
                findings.Add(new(file.ArchiveNumber, version.Version, InspectionProblem.ContentChanged, null));
            }
        }

        if (versions.Count > 0)
        {
            foreach (var seal in EvidenceSeal.FromJson(versions[^1].EvidenceSeals).Where(s => s.MeasuredSha256 is not null))
            {
                var now = archiver.Measure(seal.StoredName);
                if (now is null)
                {
                    findings.Add(new(file.ArchiveNumber, latest, InspectionProblem.EvidenceMissing, seal.FileName));
                }
                else if (!string.Equals(now, seal.MeasuredSha256, StringComparison.Ordinal))
                {
                    findings.Add(new(file.ArchiveNumber, latest, InspectionProblem.EvidenceChanged, seal.FileName));
                }
            }
        }

        return findings;
    }
}
