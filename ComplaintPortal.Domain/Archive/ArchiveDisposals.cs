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

    /// <summary>
    /// Lists every kept file past retention that is not under legal hold and not listed (or approved) yet; returns how many.
    /// In batches, each committed: the first listing after years of archiving runs to hundreds of thousands of files.
    /// </summary>
    public async Task<int> ListDueAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var (listed, lastId) = (0, 0);
        while (true)
        {
            var due = await db.ArchivedFiles.AsNoTracking()
                .Where(f => f.Id > lastId && f.State == ArchiveFileState.Kept && !f.LegalHold && f.RetainUntil <= now
                    && !db.ArchiveDisposals.Any(d => d.ArchivedFileId == f.Id && (d.Status == DisposalStatus.Listed || d.Status == DisposalStatus.Approved)))
                .OrderBy(f => f.Id).Take(ListBatch)
                .Select(f => new { f.Id, f.ArchiveNumber, f.RetainUntil }).ToListAsync(ct);
            if (due.Count == 0)
            {
                break;
            }

            db.ArchiveDisposals.AddRange(due.Select(f => new ArchiveDisposal(f.Id, f.ArchiveNumber, f.RetainUntil, now)));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            (listed, lastId) = (listed + due.Count, due[^1].Id);
        }

        if (listed > 0)
        {
            feed.Publish(new ArchiveChange(ArchiveChangeKind.DisposalsListed));
        }

        return listed;
    }

    /// <summary>Files listed per transaction (smaller in tests, to cross batches).</summary>
    internal int ListBatch { get; init; } = 5000;

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

        Decide(disposal, leader, DisposalStatus.Disposed, null);
        var storedNames = await DisposeAsync(disposal, file, (leader.UserId, leader.Name, leader.DepartmentId), ct);
        await db.SaveChangesAsync(ct);
        DiscardEvidence(storedNames);
        feed.Publish(new ArchiveChange(ArchiveChangeKind.DisposalDecided));
        return ArchiveError.None;
    }

    /// <summary>The files listed for disposal: how many, their retention ends, and the last one listed (what a leader approves at once).</summary>
    public async Task<DisposalList> ListedAsync(CancellationToken ct = default)
    {
        var listed = db.ArchiveDisposals.AsNoTracking().Where(d => d.Status == DisposalStatus.Listed);
        var approved = await db.ArchiveDisposals.CountAsync(d => d.Status == DisposalStatus.Approved, ct);
        var count = await listed.CountAsync(ct);
        if (count == 0)
        {
            return DisposalList.Empty with { Approved = approved };
        }

        // The converter stores instants as numbers SQLite cannot take the smallest of: the ends are read by ordering.
        var earliest = await listed.OrderBy(d => d.RetainUntil).Select(d => d.RetainUntil).FirstAsync(ct);
        var latest = await listed.OrderByDescending(d => d.RetainUntil).Select(d => d.RetainUntil).FirstAsync(ct);
        var lastId = await listed.MaxAsync(d => d.Id, ct);
        return new DisposalList(count, earliest, latest, lastId, approved);
    }

    /// <summary>
    /// A leader approves the whole list (销毁清册) as it stood when shown: every file listed up to <paramref name="lastListedId"/>,
    /// except those put under legal hold since (they stay listed). Each is recorded as approved by the leader and left to
    /// <see cref="DisposeApprovedAsync"/>. Returns how many were approved.
    /// </summary>
    public async Task<(ArchiveError Error, int Approved)> ApproveListAsync(ActingUser leader, int lastListedId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(leader);
        if (!leader.IsInRole(PortalRoles.Leadership))
        {
            return (ArchiveError.NotPermitted, 0);
        }

        var now = time.GetUtcNow();
        var approved = await db.ArchiveDisposals
            .Where(d => d.Status == DisposalStatus.Listed && d.Id <= lastListedId
                && !db.ArchivedFiles.Any(f => f.Id == d.ArchivedFileId && f.LegalHold))
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, DisposalStatus.Approved)
                .SetProperty(d => d.DeciderUserId, leader.UserId)
                .SetProperty(d => d.DeciderName, leader.Name)
                .SetProperty(d => d.DecidedAt, now), ct);
        if (approved > 0)
        {
            feed.Publish(new ArchiveChange(ArchiveChangeKind.DisposalDecided));
        }

        return (ArchiveError.None, approved);
    }

    /// <summary>
    /// Carries out the approved disposals, oldest approval first, one file per transaction (a restart keeps what was done and
    /// the next run goes on). The tombstone names the leader who approved. A file put under legal hold after the approval goes
    /// back to the list, undisposed. Returns how many files were disposed.
    /// </summary>
    public async Task<int> DisposeApprovedAsync(IProgress<ArchiveJobProgress>? progress = null, CancellationToken ct = default)
    {
        var total = await db.ArchiveDisposals.CountAsync(d => d.Status == DisposalStatus.Approved, ct);
        var (done, disposed, lastId) = (0, 0, 0);
        var departments = new Dictionary<string, int?>(StringComparer.Ordinal);
        progress?.Report(new ArchiveJobProgress(0, total));
        while (done < total)
        {
            var ids = await db.ArchiveDisposals.AsNoTracking().Where(d => d.Status == DisposalStatus.Approved && d.Id > lastId)
                .OrderBy(d => d.Id).Select(d => d.Id).Take(DisposalBatch).ToListAsync(ct);
            if (ids.Count == 0)
            {
                break;
            }

            foreach (var id in ids)
            {
                ct.ThrowIfCancellationRequested();
                lastId = id;
                var disposal = await db.ArchiveDisposals.FirstAsync(d => d.Id == id, ct);
                if (disposal.Status != DisposalStatus.Approved)
                {
                    continue;
                }

                var file = await db.ArchivedFiles.FirstAsync(f => f.Id == disposal.ArchivedFileId, ct);

                IReadOnlyList<string> storedNames = [];
                if (file.LegalHold || file.State != ArchiveFileState.Kept)
                {
                    disposal.Status = DisposalStatus.Listed;
                    (disposal.DeciderUserId, disposal.DeciderName, disposal.DecidedAt) = (null, null, null);
                }
                else
                {
                    var decider = disposal.DeciderUserId ?? "";
                    if (!departments.TryGetValue(decider, out var department))
                    {
                        department = departments[decider] = await db.Users.AsNoTracking().Where(u => u.Id == decider).Select(u => u.DepartmentId).FirstOrDefaultAsync(ct);
                    }

                    disposal.Status = DisposalStatus.Disposed;
                    storedNames = await DisposeAsync(disposal, file, (decider, disposal.DeciderName ?? "", department), ct);
                    disposed++;
                }

                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                DiscardEvidence(storedNames);
                progress?.Report(new ArchiveJobProgress(++done, total));
            }

            // Open approval pages and desks follow the list as it empties.
            feed.Publish(new ArchiveChange(ArchiveChangeKind.DisposalDecided));
        }

        return disposed;
    }

    /// <summary>Files a disposal job carries out between reading the next ones.</summary>
    private const int DisposalBatch = 200;

    /// <summary>
    /// Empties <paramref name="file"/>: every version's content, the case's personal data and evidence rows, and appends the tombstone
    /// naming <paramref name="approvedBy"/> to the case's ledger. Saved by the caller; returns the evidence files to discard after.
    /// </summary>
    private async Task<IReadOnlyList<string>> DisposeAsync(ArchiveDisposal disposal, ArchivedFile file, (string UserId, string Name, int? DepartmentId) approvedBy,
        CancellationToken ct)
    {
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
        disposal.RemovedSha256 = removed;
        var note = string.Create(CultureInfo.InvariantCulture,
            $"archive={file.ArchiveNumber}; category={file.CategoryId}; department={file.DepartmentId}; year={file.Year}; closed={file.ClosedAt:O}; archived={file.ArchivedAt:O}; retained-until={file.RetainUntil:O}; disposed={now:O}; removed-sha256={removed}; approved-by={approvedBy.Name}");
        LedgerChain.Open(db, complaint).Append(now, approvedBy.UserId, approvedBy.Name, approvedBy.DepartmentId, TombstoneAction,
            complaint.Stage.ToString(), complaint.Stage.ToString(), note);
        file.LedgerEventCountSeen = complaint.LedgerEventCount;
        return storedNames;
    }

    /// <summary>The bytes go after the record says so; a file already gone is no failure.</summary>
    private void DiscardEvidence(IReadOnlyList<string> storedNames)
    {
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
