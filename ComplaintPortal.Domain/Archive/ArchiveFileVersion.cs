namespace ComplaintPortal.Domain.Archive;

/// <summary>
/// One immutable version of an archived file: what the case held when it was archived (registration
/// record, ledger, result, callback, evidence list) as canonical JSON with its SHA-256, the ledger's
/// verification at that moment and each evidence file's SHA-256. A reopened case gets a new version;
/// the old one stays. Only disposal touches a version, and only to remove its content
/// (<see cref="AppendOnlyArchiveInterceptor"/>).
/// </summary>
public sealed class ArchiveFileVersion
{
    public const int HashLength = 64;

    private ArchiveFileVersion()
    {
    }

    internal ArchiveFileVersion(int version, DateTimeOffset archivedAt, ArchiveSnapshot snapshot)
    {
        Version = version;
        ArchivedAt = archivedAt;
        LedgerEventCount = snapshot.LedgerEventCount;
        LedgerHeadHash = snapshot.LedgerHeadHash;
        LedgerIntact = snapshot.LedgerIntact;
        LedgerFinding = snapshot.LedgerFinding;
        Content = snapshot.ContentJson;
        ContentSha256 = snapshot.ContentSha256;
        EvidenceSeals = snapshot.EvidenceSealsJson;
    }

    public long Id { get; private set; }

    public int ArchivedFileId { get; private set; }

    public int Version { get; private set; }

    public DateTimeOffset ArchivedAt { get; private set; }

    public int LedgerEventCount { get; private set; }

    public string? LedgerHeadHash { get; private set; }

    /// <summary>The ledger's verification result at archiving (chain, head and signed digests).</summary>
    public bool LedgerIntact { get; private set; }

    /// <summary>What broke, when <see cref="LedgerIntact"/> is false (invariant text).</summary>
    public string? LedgerFinding { get; private set; }

    /// <summary>The file's content as JSON (<see cref="ArchiveContent"/>); null once disposed.</summary>
    public string? Content { get; private set; }

    public string ContentSha256 { get; private set; } = "";

    /// <summary>JSON list of <see cref="EvidenceSeal"/>: each evidence file's SHA-256 measured at archiving.</summary>
    public string EvidenceSeals { get; private set; } = "[]";

    public DateTimeOffset? PurgedAt { get; private set; }

    /// <summary>Disposal: the content goes, the hashes stay (so the tombstone can name what was removed).</summary>
    internal void Purge(DateTimeOffset at)
    {
        Content = null;
        PurgedAt = at;
    }
}
