using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Archive;

/// <summary>
/// Retention's end (檔案銷毀): the monthly list of files past retention, leadership's decision, and the
/// disposal itself. Disposal removes the personal data and the evidence, empties every archived version and
/// leaves a tombstone in the case's ledger (number, class, dates, hash of what was removed, who approved).
/// Nothing is disposed without a leader's approval; a file under legal hold is never listed or disposed.
/// </summary>
public sealed class ArchiveDisposals(PortalDbContext db, EvidenceStore evidence, TimeProvider time, ArchiveFeed feed)
{
    public const string TombstoneAction = "ArchiveDisposed";

    /// <summary>Lists every kept file past retention that is not under legal hold and not listed yet; returns how many.</summary>
    public async Task<int> ListDueAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var due = await db.ArchivedFiles.AsNoTracking()
            .Where(f => f.State == ArchiveFileState.Kept && !f.LegalHold && f.RetainUntil <= now
                && !db.ArchiveDisposals.Any(d => d.ArchivedFileId == f.Id && d.Status == DisposalStatus.Listed))
            .Select(f => new { f.Id, f.ArchiveNumber, f.RetainUntil }).ToListAsync(ct);
        db.ArchiveDisposals.AddRange(due.Select(f => new ArchiveDisposal(f.Id, f.ArchiveNumber, f.RetainUntil, now)));
        await db.SaveChangesAsync(ct);
        if (due.Count > 0)
        {
            feed.Publish(new ArchiveChange(ArchiveChangeKind.DisposalsListed));
        }

        return due.Count;
    }

    public async Task<ArchiveError> RejectAsync(ActingUser leader, int disposalId, string? reason, CancellationToken ct = default)
    {
        var (error, disposal, _) = await ListedForLeaderAsync(leader, disposalId, ct);
        if (disposal is null)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return ArchiveError.ReasonRequired;
        }

        Decide(disposal, leader, DisposalStatus.Rejected, reason.Trim());
        await db.SaveChangesAsync(ct);
        feed.Publish(new ArchiveChange(ArchiveChangeKind.DisposalDecided));
        return ArchiveError.None;
    }

    /// <summary>A leader approves; the file is disposed in the same transaction.</summary>
    public async Task<ArchiveError> ApproveAsync(ActingUser leader, int disposalId, CancellationToken ct = default)
    {
        var (error, disposal, file) = await ListedForLeaderAsync(leader, disposalId, ct);
        if (disposal is null || file is null)
        {
            return error;
        }

        if (file.LegalHold)
        {
            return ArchiveError.UnderLegalHold;
        }

        var now = time.GetUtcNow();
        var complaint = await db.Complaints.Include(c => c.Evidence).FirstAsync(c => c.Id == file.ComplaintId, ct);
        var versions = await db.ArchiveFileVersions.Where(v => v.ArchivedFileId == file.Id).OrderBy(v => v.Version).ToListAsync(ct);
        var storedNames = complaint.Evidence.Select(e => e.StoredName)
            .Concat(versions.SelectMany(v => EvidenceSeal.FromJson(v.EvidenceSeals)).Select(s => s.StoredName)).Distinct(StringComparer.Ordinal).ToList();
        var removed = ArchiveContent.Sha256(string.Join('\n',
            versions.Select(v => v.ContentSha256).Concat(complaint.Evidence.OrderBy(e => e.Id).Select(e => e.Sha256))));

        foreach (var version in versions)
        {
            version.Purge(now);
        }

        db.Evidence.RemoveRange(complaint.Evidence.ToList());
        complaint.RemovePersonalData(now);
        file.State = ArchiveFileState.Disposed;
        file.DisposedAt = now;
        Decide(disposal, leader, DisposalStatus.Disposed, null);
        disposal.RemovedSha256 = removed;
        var note = string.Create(CultureInfo.InvariantCulture,
            $"archive={file.ArchiveNumber}; category={file.CategoryId}; department={file.DepartmentId}; year={file.Year}; closed={file.ClosedAt:O}; archived={file.ArchivedAt:O}; retained-until={file.RetainUntil:O}; disposed={now:O}; removed-sha256={removed}; approved-by={leader.Name}");
        LedgerChain.Open(db, complaint).Append(now, leader.UserId, leader.Name, leader.DepartmentId, TombstoneAction,
            complaint.Stage.ToString(), complaint.Stage.ToString(), note);
        file.LedgerEventCountSeen = complaint.LedgerEventCount;
        await db.SaveChangesAsync(ct);

        // The bytes go after the record says so; a file already gone is no failure.
        foreach (var name in storedNames)
        {
            try
            {
                evidence.Discard(name);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // Left for the next inspection to report.
            }
        }

        feed.Publish(new ArchiveChange(ArchiveChangeKind.DisposalDecided));
        return ArchiveError.None;
    }

    private void Decide(ArchiveDisposal disposal, ActingUser leader, DisposalStatus status, string? reason)
    {
        disposal.Status = status;
        disposal.DeciderUserId = leader.UserId;
        disposal.DeciderName = leader.Name;
        disposal.DecidedAt = time.GetUtcNow();
        disposal.Reason = reason is { Length: > ArchiveAccessRequest.ReasonMaxLength } ? reason[..ArchiveAccessRequest.ReasonMaxLength] : reason;
    }

    private async Task<(ArchiveError, ArchiveDisposal?, ArchivedFile?)> ListedForLeaderAsync(ActingUser leader, int disposalId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(leader);
        if (!leader.IsInRole(PortalRoles.Leadership))
        {
            return (ArchiveError.NotPermitted, null, null);
        }

        var disposal = await db.ArchiveDisposals.FirstOrDefaultAsync(d => d.Id == disposalId, ct);
        if (disposal is null)
        {
            return (ArchiveError.NotFound, null, null);
        }

        if (disposal.Status != DisposalStatus.Listed)
        {
            return (ArchiveError.WrongState, null, null);
        }

        var file = await db.ArchivedFiles.FirstAsync(f => f.Id == disposal.ArchivedFileId, ct);
        return (ArchiveError.None, disposal, file);
    }
}
