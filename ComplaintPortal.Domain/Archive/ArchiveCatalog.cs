using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Archive;

/// <summary>Filters of the archive browser; metadata only, so anyone may browse.</summary>
public sealed record ArchiveFilter(string? Number = null, int? CategoryId = null, int? DepartmentId = null, int? Year = null,
    RetentionState? State = null);

/// <summary>
/// How the browser orders its files. Archive numbers are given in the order files are archived, so the number and the
/// archiving time are one order (the file's id); the retention date is the other order a clerk asks for.
/// </summary>
public enum ArchiveSort
{
    Archived = 0,
    RetainUntil = 1,
}

/// <summary>How the disposal list is ordered: by the day a file's retention ended (the default, earliest first), or by number.</summary>
public enum DisposalOrder
{
    RetainUntil = 0,
    ArchiveNumber = 1,
}

/// <summary>A file on the disposal list with what a leader decides by: its case and its class (type, department, year).</summary>
public sealed record ListedDisposal(ArchiveDisposal Disposal, string CaseNumber, int? CategoryId, int? DepartmentId, int Year);

/// <summary>Where a file stands in its retention, as the browser shows it.</summary>
public enum RetentionState
{
    Kept = 0,
    PastRetention = 1,
    LegalHold = 2,
    Disposed = 3,
}

/// <summary>One row of the archive browser: the file's metadata, never its content.</summary>
public sealed record ArchiveRow(int Id, string ArchiveNumber, string CaseNumber, int? CategoryId, int? DepartmentId, int Year,
    DateTimeOffset ClosedAt, DateTimeOffset ArchivedAt, int CurrentVersion, ArchiveImportance Importance, bool LegalHold,
    DateTimeOffset RetainUntil, ArchiveFileState State)
{
    public RetentionState RetentionAt(DateTimeOffset now) =>
        State == ArchiveFileState.Disposed ? RetentionState.Disposed
        : LegalHold ? RetentionState.LegalHold
        : RetainUntil <= now ? RetentionState.PastRetention
        : RetentionState.Kept;
}

/// <summary>The archive's lists (browser, requests, queues) and leadership's marks on a file.</summary>
public sealed partial class ArchiveCatalog(PortalDbContext db, TimeProvider time, ArchiveFeed feed)
{
    /// <summary>A page of the files the filter selects, newest first unless a sort is given (ties by archiving order).</summary>
    public async Task<(IReadOnlyList<ArchiveRow> Rows, int Total)> PageAsync(ArchiveFilter filter, int page, int pageSize,
        ArchiveSort sort = ArchiveSort.Archived, bool descending = true, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.ArchivedFiles.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Number))
        {
            var n = filter.Number.Trim().ToUpperInvariant();
            query = query.Where(f => f.ArchiveNumber.Contains(n) || f.CaseNumber.Contains(n));
        }

        query = filter.CategoryId is { } c ? query.Where(f => f.CategoryId == c) : query;
        query = filter.DepartmentId is { } d ? query.Where(f => f.DepartmentId == d) : query;
        query = filter.Year is { } y ? query.Where(f => f.Year == y) : query;
        var now = time.GetUtcNow();
        query = filter.State switch
        {
            null => query,
            RetentionState.Disposed => query.Where(f => f.State == ArchiveFileState.Disposed),
            RetentionState.LegalHold => query.Where(f => f.State == ArchiveFileState.Kept && f.LegalHold),
            RetentionState.PastRetention => query.Where(f => f.State == ArchiveFileState.Kept && !f.LegalHold && f.RetainUntil <= now),
            RetentionState.Kept => query.Where(f => f.State == ArchiveFileState.Kept && !f.LegalHold && f.RetainUntil > now),
            _ => throw new ArgumentOutOfRangeException(nameof(filter)),
        };
        var total = await query.CountAsync(ct);
        var ordered = (sort, descending) switch
        {
            (ArchiveSort.RetainUntil, true) => query.OrderByDescending(f => f.RetainUntil).ThenByDescending(f => f.Id),
            (ArchiveSort.RetainUntil, false) => query.OrderBy(f => f.RetainUntil).ThenBy(f => f.Id),
            (_, true) => query.OrderByDescending(f => f.Id),
            (_, false) => query.OrderBy(f => f.Id),
        };
        var rows = await ordered.Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .Select(f => new ArchiveRow(f.Id, f.ArchiveNumber, f.CaseNumber, f.CategoryId, f.DepartmentId, f.Year, f.ClosedAt, f.ArchivedAt,
                f.CurrentVersion, f.Importance, f.LegalHold, f.RetainUntil, f.State))
            .ToListAsync(ct);
        return (rows, total);
    }

    public Task<ArchivedFile?> FindAsync(string archiveNumber, CancellationToken ct = default) =>
        db.ArchivedFiles.AsNoTracking().FirstOrDefaultAsync(f => f.ArchiveNumber == archiveNumber, ct);

    /// <summary>How many disposals are in <paramref name="status"/> (the home page's count of files waiting for leadership).</summary>
    public Task<int> CountDisposalsAsync(DisposalStatus status, CancellationToken ct = default) =>
        db.ArchiveDisposals.CountAsync(d => d.Status == status, ct);

    /// <summary>
    /// One page of the files listed for disposal and waiting for leadership (the 销毁清册), optionally those whose archive number
    /// holds <paramref name="number"/>, by retention end or archive number, and how many there are in all. Ties are broken by
    /// the listing's order, so pages neither repeat nor skip a file.
    /// </summary>
    public async Task<(IReadOnlyList<ListedDisposal> Rows, int Total)> ListedPageAsync(string? number, DisposalOrder order, bool descending,
        int skip, int take, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        var listed = db.ArchiveDisposals.AsNoTracking().Where(d => d.Status == DisposalStatus.Listed);
        if (number?.Trim().ToUpperInvariant() is { Length: > 0 } part)
        {
            part = part.Length > ArchivedFile.NumberMaxLength ? part[..ArchivedFile.NumberMaxLength] : part;
            listed = listed.Where(d => d.ArchiveNumber.Contains(part));
        }

        var total = await listed.CountAsync(ct);
        var sorted = (order, descending) switch
        {
            (DisposalOrder.ArchiveNumber, false) => listed.OrderBy(d => d.ArchiveNumber).ThenBy(d => d.Id),
            (DisposalOrder.ArchiveNumber, true) => listed.OrderByDescending(d => d.ArchiveNumber).ThenByDescending(d => d.Id),
            (_, false) => listed.OrderBy(d => d.RetainUntil).ThenBy(d => d.Id),
            (_, true) => listed.OrderByDescending(d => d.RetainUntil).ThenByDescending(d => d.Id),
        };
        var page = await sorted.Skip(skip).Take(take).ToListAsync(ct);
        // The page's files by their keys, apart: sorting the whole list joined to its files would read every file.
        var ids = page.Select(d => d.ArchivedFileId).ToList();
        var files = await db.ArchivedFiles.AsNoTracking().Where(f => ids.Contains(f.Id))
            .Select(f => new { f.Id, f.CaseNumber, f.CategoryId, f.DepartmentId, f.Year }).ToDictionaryAsync(f => f.Id, ct);
        ListedDisposal Row(ArchiveDisposal d)
        {
            var f = files[d.ArchivedFileId];
            return new ListedDisposal(d, f.CaseNumber, f.CategoryId, f.DepartmentId, f.Year);
        }

        return ([.. page.Select(Row)], total);
    }

    public Task<ArchiveInspection?> LatestInspectionAsync(CancellationToken ct = default) =>
        db.ArchiveInspections.AsNoTracking().OrderByDescending(i => i.Id).FirstOrDefaultAsync(ct);

    /// <summary>Leadership marks a file important (kept longer) or general again; the retention end follows.</summary>
    public Task<ArchiveError> SetImportanceAsync(ActingUser leader, string archiveNumber, ArchiveImportance importance, CancellationToken ct = default) =>
        MarkAsync(leader, archiveNumber, "ArchiveImportance", importance.ToString(), async (file, years) =>
        {
            file.Importance = importance;
            file.RetainUntil = years.RetainUntil(file.CategoryId, importance, file.ClosedAt);
            await Task.CompletedTask;
        }, ct);

    /// <summary>Leadership puts a file under legal hold (never disposed) or lifts it.</summary>
    public Task<ArchiveError> SetLegalHoldAsync(ActingUser leader, string archiveNumber, bool hold, CancellationToken ct = default) =>
        MarkAsync(leader, archiveNumber, "ArchiveLegalHold", hold ? "on" : "off", (file, _) =>
        {
            file.LegalHold = hold;
            return Task.CompletedTask;
        }, ct);

    private async Task<ArchiveError> MarkAsync(ActingUser leader, string archiveNumber, string action, string value,
        Func<ArchivedFile, RetentionYears, Task> change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(leader);
        if (!leader.IsInRole(PortalRoles.Leadership))
        {
            return ArchiveError.NotPermitted;
        }

        var file = await db.ArchivedFiles.FirstOrDefaultAsync(f => f.ArchiveNumber == archiveNumber, ct);
        if (file is null)
        {
            return ArchiveError.NotFound;
        }

        if (file.State == ArchiveFileState.Disposed)
        {
            return ArchiveError.WrongState;
        }

        await change(file, await RetentionYears.LoadAsync(db, ct));
        // The case's ledger says who marked the file; the archive has seen this line, so it is no reopening.
        var complaint = await db.Complaints.FirstAsync(c => c.Id == file.ComplaintId, ct);
        LedgerChain.Open(db, complaint).Append(time.GetUtcNow(), leader.UserId, leader.Name, leader.DepartmentId, action,
            complaint.Stage.ToString(), complaint.Stage.ToString(), $"archive={file.ArchiveNumber}; {value}");
        file.LedgerEventCountSeen = complaint.LedgerEventCount;
        await db.SaveChangesAsync(ct);
        feed.Publish(new ArchiveChange(ArchiveChangeKind.FileMarked));
        return ArchiveError.None;
    }
}
