using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Archive;

/// <summary>Which access requests a register shows.</summary>
public enum RequestShown
{
    All = 0,

    /// <summary>Waiting for a leader (<see cref="AccessRequestStatus.Pending"/>).</summary>
    Pending = 1,

    /// <summary>Approved and not yet ended: files out, inside their days or past them (<see cref="AccessRequestStatus.Approved"/>).</summary>
    OnLoan = 2,

    /// <summary>Approved, the granted days over and the return not yet recorded (已到期未归还).</summary>
    Overdue = 3,

    /// <summary>Decided and over: rejected, revoked or returned.</summary>
    Ended = 4,
}

/// <summary>What a request register is sorted by.</summary>
public enum RequestOrder
{
    /// <summary>The request's number: the order requests were filed in.</summary>
    Number = 0,

    /// <summary>The first day asked for.</summary>
    From = 1,

    /// <summary>The end of the days granted, or of those asked for while none are.</summary>
    Until = 2,
}

/// <summary>
/// A register's filters: which requests, one requester's only (a person's own requests), and a search: a request's number
/// (CY-000123, or 123), or part of the requester's name or of the purpose.
/// </summary>
public sealed record RequestFilter(RequestShown Shown = RequestShown.All, string? RequesterUserId = null, string? Search = null);

/// <summary>How many requests there are in each of a register's views.</summary>
public sealed record RequestViewCounts(int All, int Pending, int OnLoan, int Overdue, int Ended)
{
    public static RequestViewCounts None { get; } = new(0, 0, 0, 0, 0);

    public int Of(RequestShown shown) => shown switch
    {
        RequestShown.Pending => Pending,
        RequestShown.OnLoan => OnLoan,
        RequestShown.Overdue => Overdue,
        RequestShown.Ended => Ended,
        _ => All,
    };
}

public sealed partial class ArchiveCatalog
{
    /// <summary>The longest search a register reads: longer than any name, number or purpose worth finding by.</summary>
    public const int SearchMaxLength = 100;

    /// <summary>
    /// One page of access requests, filtered and sorted on the database, and how many the filter selects in all. Ties are
    /// broken by the request's number, so pages neither repeat nor skip a request.
    /// </summary>
    public async Task<(IReadOnlyList<ArchiveAccessRequest> Rows, int Total)> RequestPageAsync(RequestFilter filter, RequestOrder order, bool descending,
        int skip, int take, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        var requests = Shown(Requests(filter.RequesterUserId), filter.Shown, time.GetUtcNow());
        if (filter.Search?.Trim() is { Length: > 0 } search)
        {
            var text = search.Length > SearchMaxLength ? search[..SearchMaxLength] : search;
            var id = RequestId(text);
            requests = requests.Where(r => r.Id == id || r.RequesterName.Contains(text) || r.Purpose.Contains(text));
        }

        var total = await requests.CountAsync(ct);
        var sorted = (order, descending) switch
        {
            (RequestOrder.From, false) => requests.OrderBy(r => r.RequestedFrom).ThenBy(r => r.Id),
            (RequestOrder.From, true) => requests.OrderByDescending(r => r.RequestedFrom).ThenByDescending(r => r.Id),
            (RequestOrder.Until, false) => requests.OrderBy(r => r.GrantedUntil ?? r.RequestedUntil).ThenBy(r => r.Id),
            (RequestOrder.Until, true) => requests.OrderByDescending(r => r.GrantedUntil ?? r.RequestedUntil).ThenByDescending(r => r.Id),
            (_, false) => requests.OrderBy(r => r.Id),
            (_, true) => requests.OrderByDescending(r => r.Id),
        };
        return (await sorted.Skip(skip).Take(take).ToListAsync(ct), total);
    }

    /// <summary>How many requests there are in each view, optionally one requester's only: one query.</summary>
    public async Task<RequestViewCounts> RequestCountsAsync(string? requesterUserId = null, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var counts = await Requests(requesterUserId)
            .GroupBy(r => new { r.Status, Late = r.Status == AccessRequestStatus.Approved && r.GrantedUntil <= now })
            .Select(g => new { g.Key.Status, g.Key.Late, Count = g.Count() })
            .ToListAsync(ct);
        int Count(AccessRequestStatus status) => counts.Where(c => c.Status == status).Sum(c => c.Count);
        var (pending, onLoan) = (Count(AccessRequestStatus.Pending), Count(AccessRequestStatus.Approved));
        var ended = Count(AccessRequestStatus.Rejected) + Count(AccessRequestStatus.Revoked) + Count(AccessRequestStatus.Returned);
        return new RequestViewCounts(pending + onLoan + ended, pending, onLoan, counts.Where(c => c.Late).Sum(c => c.Count), ended);
    }

    private IQueryable<ArchiveAccessRequest> Requests(string? requesterUserId) => requesterUserId is null
        ? db.ArchiveAccessRequests.AsNoTracking()
        : db.ArchiveAccessRequests.AsNoTracking().Where(r => r.RequesterUserId == requesterUserId);

    private static IQueryable<ArchiveAccessRequest> Shown(IQueryable<ArchiveAccessRequest> requests, RequestShown shown, DateTimeOffset now) => shown switch
    {
        RequestShown.Pending => requests.Where(r => r.Status == AccessRequestStatus.Pending),
        RequestShown.OnLoan => requests.Where(r => r.Status == AccessRequestStatus.Approved),
        RequestShown.Overdue => requests.Where(r => r.Status == AccessRequestStatus.Approved && r.GrantedUntil <= now),
        RequestShown.Ended => requests.Where(r => r.Status == AccessRequestStatus.Rejected || r.Status == AccessRequestStatus.Revoked
            || r.Status == AccessRequestStatus.Returned),
        _ => requests,
    };

    /// <summary>The request a search names by its number (CY-000123, cy123, 123), or 0 (no request has it) when it names none.</summary>
    private static int RequestId(string search)
    {
        var digits = search.StartsWith(ArchiveAccessRequest.NumberPrefix, StringComparison.OrdinalIgnoreCase)
            ? search[ArchiveAccessRequest.NumberPrefix.Length..].TrimStart('-', ' ')
            : search;
        return digits.Length is > 0 and <= 9 && digits.All(char.IsAsciiDigit) ? int.Parse(digits, CultureInfo.InvariantCulture) : 0;
    }
}
