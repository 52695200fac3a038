using ComplaintPortal.Domain.Cases;

namespace ComplaintPortal.Domain.Archive;

/// <summary>Whether an archived file is kept longer than a general one (重要投訴檔案).</summary>
public enum ArchiveImportance
{
    General = 0,
    Important = 1,
}

/// <summary>Where a file stands in its retention.</summary>
public enum ArchiveFileState
{
    /// <summary>Kept in the archive (保管中).</summary>
    Kept = 0,

    /// <summary>Disposed after retention with leadership's approval; a tombstone remains (已銷毀).</summary>
    Disposed = 1,
}

/// <summary>
/// A case's archive file (投訴檔案): its readable number, its class (complaint type, responsible
/// department, year) and its retention. The content lives in immutable <see cref="ArchiveFileVersion"/>s;
/// this row only carries what the archive clerk and leadership manage (importance, legal hold, disposal).
/// </summary>
public sealed class ArchivedFile
{
    public const int NumberMaxLength = 16;

    private readonly List<ArchiveFileVersion> versions = [];

    private ArchivedFile()
    {
    }

    internal ArchivedFile(string archiveNumber, Complaint complaint, int? departmentId, DateTimeOffset archivedAt, DateTimeOffset retainUntil)
    {
        ArchiveNumber = archiveNumber;
        ComplaintId = complaint.Id;
        CaseNumber = complaint.CaseNumber;
        CategoryId = complaint.CategoryId;
        DepartmentId = departmentId;
        ClosedAt = complaint.ClosedAt ?? archivedAt;
        Year = ClosedAt.Year;
        ArchivedAt = archivedAt;
        RetainUntil = retainUntil;
    }

    public int Id { get; private set; }

    /// <summary>DA-yyyy-nnnnnn, in the order files were archived, never reused.</summary>
    public string ArchiveNumber { get; private set; } = "";

    public int ComplaintId { get; private set; }

    public string CaseNumber { get; private set; } = "";

    /// <summary>Class: complaint type.</summary>
    public int? CategoryId { get; private set; }

    /// <summary>Class: the responsible department (the first dispatched), or none when the case never left intake.</summary>
    public int? DepartmentId { get; private set; }

    /// <summary>Class: the year the case closed.</summary>
    public int Year { get; private set; }

    public DateTimeOffset ClosedAt { get; private set; }

    public DateTimeOffset ArchivedAt { get; private set; }

    /// <summary>The latest version's number (1, 2, … each reopening adds one).</summary>
    public int CurrentVersion { get; internal set; }

    /// <summary>The case's ledger length the archive has accounted for; a longer ledger means a new version is due.</summary>
    public int LedgerEventCountSeen { get; internal set; }

    public ArchiveImportance Importance { get; internal set; }

    /// <summary>Under legal hold: never listed for disposal, whatever the retention.</summary>
    public bool LegalHold { get; internal set; }

    public DateTimeOffset RetainUntil { get; internal set; }

    public ArchiveFileState State { get; internal set; }

    public DateTimeOffset? DisposedAt { get; internal set; }

    public IReadOnlyList<ArchiveFileVersion> Versions => versions;

    internal ArchiveFileVersion AddVersion(DateTimeOffset at, ArchiveSnapshot snapshot)
    {
        CurrentVersion++;
        var version = new ArchiveFileVersion(CurrentVersion, at, snapshot);
        versions.Add(version);
        return version;
    }
}

/// <summary>One row per year: the last archive sequence handed out (like <see cref="CaseNumberCounter"/>).</summary>
public sealed class ArchiveNumberCounter
{
    private ArchiveNumberCounter()
    {
    }

    public ArchiveNumberCounter(int year) => Year = year;

    public int Year { get; private set; }

    /// <summary>Also the concurrency token: two archivers racing for a number cannot both win.</summary>
    public int LastSequence { get; private set; }

    public int Next() => ++LastSequence;

    public static string Format(int year, int sequence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"DA-{year:D4}-{sequence:D6}");
}
