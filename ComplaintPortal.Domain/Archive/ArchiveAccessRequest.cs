using System.Globalization;

namespace ComplaintPortal.Domain.Archive;

public enum AccessRequestStatus
{
    /// <summary>Waiting for a leader (待審批).</summary>
    Pending = 0,

    /// <summary>Approved: view-only access within the granted period (已批准).</summary>
    Approved = 1,

    Rejected = 2,

    /// <summary>Access withdrawn by the archive clerk before its end (已撤銷).</summary>
    Revoked = 3,

    /// <summary>The clerk recorded the file's return (已歸還); access ended.</summary>
    Returned = 4,
}

/// <summary>
/// An archive access request (檔案查閱申請表): who asks, why, which files (by number or a search scope) and for
/// which period. A leader approves (possibly narrowing files and period) or rejects with a reason; approved
/// access is view-only and ends at the period's end, on revocation or when the clerk records the return.
/// </summary>
public sealed class ArchiveAccessRequest
{
    public const int PurposeMaxLength = 1000;
    public const int ReasonMaxLength = 1000;
    public const int NumbersMaxLength = 2000;

    private ArchiveAccessRequest()
    {
    }

    internal ArchiveAccessRequest(string requesterUserId, string requesterName, int? requesterDepartmentId, string purpose,
        AccessScope scope, DateTimeOffset from, DateTimeOffset until, DateTimeOffset createdAt)
    {
        RequesterUserId = requesterUserId;
        RequesterName = requesterName;
        RequesterDepartmentId = requesterDepartmentId;
        Purpose = purpose;
        RequestedNumbers = scope.NumbersText;
        ScopeCategoryId = scope.CategoryId;
        ScopeDepartmentId = scope.DepartmentId;
        ScopeYear = scope.Year;
        RequestedFrom = from;
        RequestedUntil = until;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    /// <summary>The prefix of a request's number (查閱, as <c>KS</c> is for 客訴).</summary>
    public const string NumberPrefix = "CY";

    /// <summary>The request's number as people quote it, e.g. <c>CY-000042</c>: its form's number, never reused.</summary>
    public string Number => FormatNumber(Id);

    /// <summary>The number of the request with <paramref name="id"/>, e.g. on a line of the access log.</summary>
    public static string FormatNumber(int id) => string.Create(CultureInfo.InvariantCulture, $"{NumberPrefix}-{id:D6}");

    public string RequesterUserId { get; private set; } = "";

    public string RequesterName { get; private set; } = "";

    public int? RequesterDepartmentId { get; private set; }

    public string Purpose { get; private set; } = "";

    /// <summary>Comma-separated archive numbers asked for; null when a search scope was asked for.</summary>
    public string? RequestedNumbers { get; private set; }

    public int? ScopeCategoryId { get; private set; }

    public int? ScopeDepartmentId { get; private set; }

    public int? ScopeYear { get; private set; }

    public DateTimeOffset RequestedFrom { get; private set; }

    public DateTimeOffset RequestedUntil { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public AccessRequestStatus Status { get; internal set; }

    public string? DeciderUserId { get; internal set; }

    public string? DeciderName { get; internal set; }

    public DateTimeOffset? DecidedAt { get; internal set; }

    /// <summary>The leader's reason (required for a rejection).</summary>
    public string? DecisionReason { get; internal set; }

    /// <summary>The numbers granted when the leader narrowed the request to some files; null: the whole requested scope.</summary>
    public string? GrantedNumbers { get; internal set; }

    public DateTimeOffset? GrantedFrom { get; internal set; }

    public DateTimeOffset? GrantedUntil { get; internal set; }

    public string? EndedByName { get; internal set; }

    /// <summary>Who ended the access: the clerk (a return or revocation) or the reader (finished reading); null on requests ended before it was kept.</summary>
    public string? EndedByUserId { get; internal set; }

    /// <summary>When the reader was told that the days granted had run out with the request not yet ended (none: not yet, or not needed).</summary>
    public DateTimeOffset? ExpiryNoticeAt { get; internal set; }

    /// <summary>The reader ended it themselves (查閱完畢，確認歸還), rather than the clerk.</summary>
    public bool EndedByReader => EndedByUserId is not null && EndedByUserId == RequesterUserId;

    /// <summary>When the access was revoked or the return recorded.</summary>
    public DateTimeOffset? EndedAt { get; internal set; }

    public string? EndReason { get; internal set; }

    /// <summary>The request's scope as asked.</summary>
    public AccessScope RequestedScope => new(AccessScope.Split(RequestedNumbers), ScopeCategoryId, ScopeDepartmentId, ScopeYear);

    /// <summary>The scope granted: the narrowed numbers, or the scope as asked.</summary>
    public AccessScope GrantedScope => GrantedNumbers is null ? RequestedScope : new(AccessScope.Split(GrantedNumbers), null, null, null);

    /// <summary>True while approved access is open: approved, inside the granted period, not revoked or returned.</summary>
    public bool IsOpenAt(DateTimeOffset now) =>
        Status == AccessRequestStatus.Approved && GrantedFrom <= now && now < GrantedUntil;
}

/// <summary>Which files a request covers: listed numbers, or every file of a class (type, department, year).</summary>
public sealed record AccessScope(IReadOnlyList<string> Numbers, int? CategoryId, int? DepartmentId, int? Year)
{
    public bool IsByNumber => Numbers.Count > 0;

    public bool IsEmpty => Numbers.Count == 0 && CategoryId is null && DepartmentId is null && Year is null;

    public string? NumbersText => Numbers.Count == 0 ? null : string.Join(',', Numbers);

    public static IReadOnlyList<string> Split(string? text) =>
        (text ?? "").Split([',', '，', ' ', '\n', ';', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();

    public bool Covers(ArchivedFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Covers(file.ArchiveNumber, file.CategoryId, file.DepartmentId, file.Year);
    }

    /// <summary>Whether the scope takes in a file with these keys (a listing's row, without loading the file).</summary>
    public bool Covers(string archiveNumber, int? categoryId, int? departmentId, int year)
    {
        if (IsByNumber)
        {
            return Numbers.Contains(archiveNumber, StringComparer.Ordinal);
        }

        return !IsEmpty && (CategoryId is null || CategoryId == categoryId) && (DepartmentId is null || DepartmentId == departmentId)
            && (Year is null || Year == year);
    }
}
