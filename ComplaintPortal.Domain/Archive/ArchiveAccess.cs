using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Privacy;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Archive;

/// <summary>What an approved request lets its holder read now: the file, its latest version and the request it rests on.</summary>
public sealed record ArchiveFileView(ArchivedFile File, ArchiveFileVersion Version, ArchiveContent? Content, ArchiveAccessRequest Request);

/// <summary>
/// Access to archived files (檔案查閱): requests, leadership's decision, the clerk's revocation and return,
/// and the one door through which anybody reads a file: an approved request that is open now and covers it.
/// Every read (and every refused attempt) goes to the access register.
/// </summary>
/// <param name="notices">Told when ending a request marks its reader's reminders read (their bell counts again); none in tests that do not watch.</param>
public sealed class ArchiveAccess(PortalDbContext db, TimeProvider time, ArchiveFeed feed, INoticeFeed? notices = null)
{
    public async Task<(ArchiveError Error, ArchiveAccessRequest? Request)> RequestAsync(ActingUser user, string? purpose, AccessScope scope,
        DateTimeOffset from, DateTimeOffset until, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(scope);
        var now = time.GetUtcNow();
        purpose = purpose?.Trim();
        if (string.IsNullOrEmpty(purpose))
        {
            return (ArchiveError.PurposeRequired, null);
        }

        if (purpose.Length > ArchiveAccessRequest.PurposeMaxLength || (scope.NumbersText?.Length ?? 0) > ArchiveAccessRequest.NumbersMaxLength)
        {
            return (ArchiveError.TooLong, null);
        }

        if (scope.IsEmpty)
        {
            return (ArchiveError.ScopeRequired, null);
        }

        if (scope.IsByNumber)
        {
            var known = await db.ArchivedFiles.Where(f => scope.Numbers.Contains(f.ArchiveNumber)).CountAsync(ct);
            if (known != scope.Numbers.Count)
            {
                return (ArchiveError.UnknownNumbers, null);
            }
        }

        if (until <= from || until <= now)
        {
            return (ArchiveError.PeriodInvalid, null);
        }

        // The request and leadership's notice to decide it together: the notice names the request's number, known once saved.
        // A retried attempt starts from a new request (the failed one may hold the id it was given).
        ArchiveAccessRequest request = null!;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            request = new ArchiveAccessRequest(user.UserId, user.Name, user.DepartmentId, purpose, scope, from, until, now);
            db.ArchiveAccessRequests.Add(request);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            db.Notifications.Add(ArchiveNotices.ToDecide(request, now));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });
        feed.Publish(new ArchiveChange(ArchiveChangeKind.RequestFiled, request.Id));
        return (ArchiveError.None, request);
    }

    /// <summary>A leader approves, possibly narrowing the files (<paramref name="numbers"/>, a subset of the scope) and the period.</summary>
    public async Task<ArchiveError> ApproveAsync(ActingUser leader, int requestId, IReadOnlyList<string>? numbers, DateTimeOffset? from,
        DateTimeOffset? until, string? reason, CancellationToken ct = default)
    {
        var (error, request) = await PendingForLeaderAsync(leader, requestId, ct);
        if (request is null)
        {
            return error;
        }

        var grantedFrom = from ?? request.RequestedFrom;
        var grantedUntil = until ?? request.RequestedUntil;
        if (grantedFrom < request.RequestedFrom || grantedUntil > request.RequestedUntil || grantedUntil <= grantedFrom)
        {
            return ArchiveError.NotWithinRequest;
        }

        if (numbers is { Count: > 0 })
        {
            var files = await db.ArchivedFiles.AsNoTracking().Where(f => numbers.Contains(f.ArchiveNumber)).ToListAsync(ct);
            if (files.Count != numbers.Distinct(StringComparer.Ordinal).Count() || !files.All(request.RequestedScope.Covers))
            {
                return ArchiveError.NotWithinRequest;
            }

            request.GrantedNumbers = string.Join(',', files.Select(f => f.ArchiveNumber).Order(StringComparer.Ordinal));
        }

        request.Status = AccessRequestStatus.Approved;
        request.GrantedFrom = grantedFrom;
        request.GrantedUntil = grantedUntil;
        return await DecideAsync(request, leader, reason?.Trim(), ct);
    }

    public async Task<ArchiveError> RejectAsync(ActingUser leader, int requestId, string? reason, CancellationToken ct = default)
    {
        var (error, request) = await PendingForLeaderAsync(leader, requestId, ct);
        if (request is null)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return ArchiveError.ReasonRequired;
        }

        request.Status = AccessRequestStatus.Rejected;
        return await DecideAsync(request, leader, reason.Trim(), ct);
    }

    /// <summary>The clerk withdraws approved access at once; open views close.</summary>
    public Task<ArchiveError> RevokeAsync(ActingUser clerk, int requestId, string? reason, CancellationToken ct = default) =>
        EndAsync(clerk, requestId, AccessRequestStatus.Revoked, reason, null, ct);

    /// <summary>The clerk records that the file came back (歸還); access ends with it.</summary>
    public Task<ArchiveError> RecordReturnAsync(ActingUser clerk, int requestId, CancellationToken ct = default) =>
        EndAsync(clerk, requestId, AccessRequestStatus.Returned, null, null, ct);

    /// <summary>
    /// The reader says they have finished reading (查閱完畢) and returns the files: access ends as on the clerk's return,
    /// and the register gets the reader's confirmation (簽字確認), a line for each file granted by number or read under it.
    /// </summary>
    public Task<ArchiveError> ConfirmFinishedAsync(ActingUser reader, int requestId, ViewerContext viewer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return EndAsync(reader, requestId, AccessRequestStatus.Returned, null, viewer, ct);
    }

    /// <summary>The request that lets <paramref name="user"/> read the file now, or null.</summary>
    public async Task<ArchiveAccessRequest?> OpenGrantAsync(ActingUser user, ArchivedFile file, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        return (await OpenGrantsAsync(user, ct)).Where(r => r.GrantedScope.Covers(file)).OrderByDescending(r => r.GrantedUntil).FirstOrDefault();
    }

    /// <summary>The requests that let <paramref name="user"/> read files now (a listing offers "open" on the files they cover).</summary>
    public async Task<IReadOnlyList<ArchiveAccessRequest>> OpenGrantsAsync(ActingUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = time.GetUtcNow();
        return await db.ArchiveAccessRequests.AsNoTracking()
            .Where(r => r.RequesterUserId == user.UserId && r.Status == AccessRequestStatus.Approved && r.GrantedFrom <= now && r.GrantedUntil > now)
            .ToListAsync(ct);
    }

    /// <summary>Opens a file for reading, logging the view; null (and a refused line) without an open, covering request.</summary>
    public async Task<ArchiveFileView?> ReadAsync(ActingUser user, string archiveNumber, ViewerContext viewer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(viewer);
        var file = await db.ArchivedFiles.AsNoTracking().FirstOrDefaultAsync(f => f.ArchiveNumber == archiveNumber, ct);
        if (file is null)
        {
            return null;
        }

        var grant = await OpenGrantAsync(user, file, ct);
        Log(user, viewer, file.ArchiveNumber, grant?.Id, grant is null ? ArchiveAccessKind.Refused : ArchiveAccessKind.ViewFile, null);
        if (grant is null)
        {
            await db.SaveChangesAsync(ct);
            return null;
        }

        var version = await db.ArchiveFileVersions.AsNoTracking().Where(v => v.ArchivedFileId == file.Id).OrderByDescending(v => v.Version).FirstAsync(ct);
        if (version.Content is not null)
        {
            // The file shows the complainant unmasked: the personal-data log says so too, like the case page.
            LogPersonalData(user, viewer, file, PersonalDataViewKind.CasePage, file.ArchiveNumber);
        }

        await db.SaveChangesAsync(ct);
        return new ArchiveFileView(file, version, ArchiveContent.FromJson(version.Content), grant);
    }

    /// <summary>An evidence file of a file the user may read now, for a watermarked preview; logged. Null otherwise.</summary>
    public async Task<EvidenceSeal?> PreviewEvidenceAsync(ActingUser user, string archiveNumber, int evidenceId, ViewerContext viewer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(viewer);
        var file = await db.ArchivedFiles.AsNoTracking().FirstOrDefaultAsync(f => f.ArchiveNumber == archiveNumber, ct);
        if (file is null || file.State == ArchiveFileState.Disposed)
        {
            return null;
        }

        var grant = await OpenGrantAsync(user, file, ct);
        var seals = await db.ArchiveFileVersions.AsNoTracking().Where(v => v.ArchivedFileId == file.Id).OrderByDescending(v => v.Version)
            .Select(v => v.EvidenceSeals).FirstAsync(ct);
        var seal = EvidenceSeal.FromJson(seals).FirstOrDefault(s => s.EvidenceId == evidenceId);
        Log(user, viewer, file.ArchiveNumber, grant?.Id, grant is null ? ArchiveAccessKind.Refused : ArchiveAccessKind.PreviewEvidence, seal?.FileName);
        if (grant is not null && seal is not null)
        {
            LogPersonalData(user, viewer, file, PersonalDataViewKind.Evidence, seal.FileName);
        }

        await db.SaveChangesAsync(ct);
        return grant is null ? null : seal;
    }

    private void LogPersonalData(ActingUser user, ViewerContext viewer, ArchivedFile file, PersonalDataViewKind kind, string? detail) =>
        db.PersonalDataViews.Add(new PersonalDataView(user, file.ComplaintId, file.CaseNumber, kind, detail, viewer.Address, time.GetUtcNow()));

    private void Log(ActingUser user, ViewerContext viewer, string number, int? requestId, ArchiveAccessKind kind, string? detail) =>
        db.ArchiveAccessLog.Add(new ArchiveAccessLogEntry(time.GetUtcNow(), user.UserId, user.Name, viewer.DepartmentName, number, requestId, kind, detail,
            viewer.Address, viewer.DepartmentId));

    private async Task<(ArchiveError, ArchiveAccessRequest?)> PendingForLeaderAsync(ActingUser leader, int requestId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(leader);
        if (!leader.IsInRole(PortalRoles.Leadership))
        {
            return (ArchiveError.NotPermitted, null);
        }

        var request = await db.ArchiveAccessRequests.FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null)
        {
            return (ArchiveError.NotFound, null);
        }

        if (request.Status != AccessRequestStatus.Pending)
        {
            return (ArchiveError.WrongState, null);
        }

        // Nobody approves their own access.
        return request.RequesterUserId == leader.UserId ? (ArchiveError.OwnRequest, null) : (ArchiveError.None, request);
    }

    private async Task<ArchiveError> DecideAsync(ArchiveAccessRequest request, ActingUser leader, string? reason, CancellationToken ct)
    {
        if (reason is { Length: > ArchiveAccessRequest.ReasonMaxLength })
        {
            return ArchiveError.TooLong;
        }

        request.DeciderUserId = leader.UserId;
        request.DeciderName = leader.Name;
        request.DecidedAt = time.GetUtcNow();
        request.DecisionReason = string.IsNullOrEmpty(reason) ? null : reason;
        // The requester is told, in the same save (the bell and the home page count it at once).
        db.Notifications.Add(request.Status == AccessRequestStatus.Approved
            ? ArchiveNotices.Approved(request, request.DecidedAt.Value)
            : ArchiveNotices.Rejected(request, request.DecidedAt.Value));
        await db.SaveChangesAsync(ct);
        feed.Publish(new ArchiveChange(ArchiveChangeKind.RequestDecided, request.Id));
        return ArchiveError.None;
    }

    /// <summary>
    /// Ends approved access: the clerk's return or revocation, or the reader's confirmation (<paramref name="confirmedFrom"/>,
    /// where they confirmed from). Only while the request is still approved, checked in the update itself: a clerk's return
    /// and the reader's confirmation at the same moment end it once, and the second is told it changed.
    /// </summary>
    private async Task<ArchiveError> EndAsync(ActingUser user, int requestId, AccessRequestStatus end, string? reason, ViewerContext? confirmedFrom,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (confirmedFrom is null && !user.IsInRole(PortalRoles.ArchiveClerk))
        {
            return ArchiveError.NotPermitted;
        }

        var request = await db.ArchiveAccessRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null)
        {
            return ArchiveError.NotFound;
        }

        if (confirmedFrom is not null && request.RequesterUserId != user.UserId)
        {
            return ArchiveError.NotPermitted;
        }

        if (request.Status != AccessRequestStatus.Approved)
        {
            return ArchiveError.WrongState;
        }

        if (reason is { Length: > ArchiveAccessRequest.ReasonMaxLength })
        {
            return ArchiveError.TooLong;
        }

        var now = time.GetUtcNow();
        var text = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        List<ArchiveAccessLogEntry> confirmations = [];
        if (confirmedFrom is not null)
        {
            // The files granted by number and any file read under the request (one found through a granted search scope).
            var read = await db.ArchiveAccessLog.AsNoTracking()
                .Where(e => e.UserId == user.UserId && e.RequestId == request.Id
                    && (e.Kind == ArchiveAccessKind.ViewFile || e.Kind == ArchiveAccessKind.PreviewEvidence))
                .Select(e => e.ArchiveNumber).Distinct().ToListAsync(ct);
            confirmations.AddRange(request.GrantedScope.Numbers.Union(read, StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(number => new ArchiveAccessLogEntry(now, user.UserId, user.Name, confirmedFrom.DepartmentName, number, request.Id,
                    ArchiveAccessKind.ReturnConfirmed, null, confirmedFrom.Address, confirmedFrom.DepartmentId)));
        }

        var remindersRead = 0;
        var strategy = db.Database.CreateExecutionStrategy();
        var ended = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var rows = await db.ArchiveAccessRequests.Where(r => r.Id == requestId && r.Status == AccessRequestStatus.Approved)
                .ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, end).SetProperty(x => x.EndedAt, now)
                    .SetProperty(x => x.EndedByName, user.Name).SetProperty(x => x.EndedByUserId, user.UserId).SetProperty(x => x.EndReason, text), ct);
            if (rows == 0)
            {
                return false;
            }

            db.ArchiveAccessLog.AddRange(confirmations);
            if (confirmedFrom is null)
            {
                // The clerk ended it: the reader is told (they ended it themselves otherwise).
                db.Notifications.Add(ArchiveNotices.Ended(request, end, text, now));
            }

            // A reminder that the days ran out has been answered: it leaves the reader's unread list.
            var reader = request.RequesterUserId;
            var reminders = await db.Notifications.AsNoTracking()
                .Where(n => n.ArchiveRequestId == requestId && n.Kind == NotificationKind.ArchiveLoanExpired && n.RecipientUserId == reader
                    && !db.NotificationReads.Any(r => r.NotificationId == n.Id && r.UserId == reader))
                .Select(n => n.Id).ToListAsync(ct);
            db.NotificationReads.AddRange(reminders.Select(id => new NotificationRead(id, reader, now)));
            remindersRead = reminders.Count;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        });
        if (!ended)
        {
            return ArchiveError.WrongState;
        }

        // The reader's pages count again for the reminder answered, the clerks' for their notice that the files were overdue.
        List<NoticeAddress> recount = [];
        if (remindersRead > 0)
        {
            recount.Add(new NoticeAddress(request.RequesterUserId, null, null));
        }

        var overdue = request.ExpiryNoticeAt is not null;
        if (overdue)
        {
            recount.Add(new NoticeAddress(null, PortalRoles.ArchiveClerk, null));
        }

        if (recount.Count > 0)
        {
            notices?.Publish(new NoticesChanged(recount, [], LoansEnded: overdue));
        }

        feed.Publish(new ArchiveChange(ArchiveChangeKind.AccessEnded, requestId));
        return ArchiveError.None;
    }
}

/// <summary>Who is looking, as the access register records it: the department's name and the network address.</summary>
public sealed record ViewerContext(string? DepartmentName, string? Address, int? DepartmentId = null);
