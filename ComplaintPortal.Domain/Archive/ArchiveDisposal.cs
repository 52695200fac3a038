namespace ComplaintPortal.Domain.Archive;

public enum DisposalStatus
{
    /// <summary>Past retention, listed by the monthly job; waits for leadership (待審批銷毀).</summary>
    Listed = 0,

    /// <summary>Approved and carried out: personal data and evidence removed, tombstone in the ledger.</summary>
    Disposed = 1,

    /// <summary>Leadership decided to keep the file.</summary>
    Rejected = 2,

    /// <summary>
    /// Approved with the whole list (销毁清册) by a leader, who is recorded as the decider; the archive's disposal job carries it
    /// out, file by file, and it becomes <see cref="Disposed"/>.
    /// </summary>
    Approved = 3,
}

/// <summary>A file past its retention, listed for disposal (檔案銷毀); nothing is disposed without leadership's approval.</summary>
public sealed class ArchiveDisposal
{
    private ArchiveDisposal()
    {
    }

    internal ArchiveDisposal(int archivedFileId, string archiveNumber, DateTimeOffset retainUntil, DateTimeOffset listedAt)
    {
        ArchivedFileId = archivedFileId;
        ArchiveNumber = archiveNumber;
        RetainUntil = retainUntil;
        ListedAt = listedAt;
    }

    public int Id { get; private set; }

    public int ArchivedFileId { get; private set; }

    public string ArchiveNumber { get; private set; } = "";

    public DateTimeOffset RetainUntil { get; private set; }

    public DateTimeOffset ListedAt { get; private set; }

    public DisposalStatus Status { get; internal set; }

    public string? DeciderUserId { get; internal set; }

    public string? DeciderName { get; internal set; }

    public DateTimeOffset? DecidedAt { get; internal set; }

    public string? Reason { get; internal set; }

    /// <summary>SHA-256 over what was removed (every version's content hash and every evidence hash), as in the tombstone.</summary>
    public string? RemovedSha256 { get; internal set; }
}

/// <summary>One inspection pass (檔案檢查): how many files were checked and what was found damaged.</summary>
public sealed class ArchiveInspection
{
    private ArchiveInspection()
    {
    }

    internal ArchiveInspection(DateTimeOffset startedAt, string byName)
    {
        StartedAt = startedAt;
        ByName = byName;
    }

    public int Id { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; internal set; }

    /// <summary>The clerk who pressed the button, or the scheduled job.</summary>
    public string ByName { get; private set; } = "";

    public int FilesChecked { get; internal set; }

    public int DamagedFiles { get; internal set; }

    /// <summary>JSON list of <see cref="InspectionFinding"/>.</summary>
    public string Findings { get; internal set; } = "[]";

    public IReadOnlyList<InspectionFinding> FindingList => System.Text.Json.JsonSerializer.Deserialize<List<InspectionFinding>>(Findings) ?? [];
}

public enum InspectionProblem
{
    /// <summary>The case's ledger no longer verifies (chain, head or signed digests).</summary>
    LedgerBroken = 0,

    /// <summary>The ledger no longer holds the events the archived version recorded.</summary>
    LedgerDiffersFromArchive = 1,

    /// <summary>The archived content does not match its recorded SHA-256.</summary>
    ContentChanged = 2,

    /// <summary>An evidence file's bytes no longer match the SHA-256 taken at archiving.</summary>
    EvidenceChanged = 3,

    /// <summary>An evidence file is gone.</summary>
    EvidenceMissing = 4,
}

/// <param name="Detail">The broken ledger event's sequence, or the evidence file's name.</param>
public sealed record InspectionFinding(string ArchiveNumber, int Version, InspectionProblem Problem, string? Detail);

/// <summary>
/// The files listed for disposal (待审批销毁) as a leader sees the list: how many, the earliest and latest end of retention among
/// them, the last one listed (an approval of the whole list covers up to it), and how many approved ones wait for the disposal job.
/// </summary>
public sealed record DisposalList(int Count, DateTimeOffset? EarliestRetainUntil, DateTimeOffset? LatestRetainUntil, int LastListedId, int Approved)
{
    public static DisposalList Empty { get; } = new(0, null, null, 0, 0);
}
