namespace ComplaintPortal.Domain.Archive;

/// <summary>What was looked at. The names are stored: never rename one.</summary>
public enum ArchiveAccessKind
{
    /// <summary>The watermarked file view was opened.</summary>
    ViewFile = 0,

    /// <summary>An evidence file's watermarked preview was shown.</summary>
    PreviewEvidence = 1,

    /// <summary>Someone tried to read a file without an approved, current request.</summary>
    Refused = 2,

    /// <summary>The reader confirmed they had finished and returned the file (查閱完畢，簽字確認); their access ended.</summary>
    ReturnConfirmed = 3,
}

/// <summary>
/// One line of the archive access register (檔案查閱登記表): who looked at which file, what, when and from
/// where, under which request. Append-only (<see cref="AppendOnlyArchiveInterceptor"/>).
/// </summary>
public sealed class ArchiveAccessLogEntry
{
    public const int AddressMaxLength = 64;

    private ArchiveAccessLogEntry()
    {
    }

    public ArchiveAccessLogEntry(DateTimeOffset at, string userId, string userName, string? departmentName, string archiveNumber,
        int? requestId, ArchiveAccessKind kind, string? detail, string? address, int? departmentId = null)
    {
        At = at;
        UserId = userId;
        UserName = userName;
        DepartmentName = departmentName;
        DepartmentId = departmentId;
        ArchiveNumber = archiveNumber;
        RequestId = requestId;
        Kind = kind;
        Detail = detail is { Length: > 200 } ? detail[..200] : detail;
        Address = address is { Length: > AddressMaxLength } ? address[..AddressMaxLength] : address;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string UserId { get; private set; } = "";

    public string UserName { get; private set; } = "";

    /// <summary>The viewer's department's name as it was, in the language they were using (lines written before the id was kept have only this).</summary>
    public string? DepartmentName { get; private set; }

    /// <summary>The viewer's department, so the register names it in its reader's language; null on older lines.</summary>
    public int? DepartmentId { get; private set; }

    public string ArchiveNumber { get; private set; } = "";

    public int? RequestId { get; private set; }

    /// <summary>The request's number as people quote it (<see cref="ArchiveAccessRequest.FormatNumber"/>), if any.</summary>
    public string? RequestNumber => RequestId is { } id ? ArchiveAccessRequest.FormatNumber(id) : null;

    public ArchiveAccessKind Kind { get; private set; }

    /// <summary>E.g. the evidence file's name.</summary>
    public string? Detail { get; private set; }

    /// <summary>The viewer's network address.</summary>
    public string? Address { get; private set; }
}
