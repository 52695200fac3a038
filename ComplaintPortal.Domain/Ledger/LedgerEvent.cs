using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ComplaintPortal.Domain.Ledger;

/// <summary>
/// One line of a case's tracking ledger (跟蹤臺賬). Append-only: the interceptor and database triggers
/// refuse updates and deletes, and <see cref="Hash"/> chains it to the previous event of the same case
/// so a change made behind the application's back is detectable.
/// </summary>
public sealed class LedgerEvent
{
    public const int ActionMaxLength = 40;
    public const int StageMaxLength = 40;
    public const int HashLength = 64;
    /// <summary>Room for the longest summary a step writes: two 4,000-character texts and their labels.</summary>
    public const int NoteMaxLength = 10_000;

    /// <summary>The previous hash of a case's first event.</summary>
    public static readonly string GenesisHash = new('0', HashLength);

    private LedgerEvent()
    {
    }

    public LedgerEvent(int complaintId, int sequence, DateTimeOffset occurredAt, string actorUserId, string actorName,
        int? departmentId, string action, string? fromStage, string? toStage, string? note, string previousHash)
    {
        ComplaintId = complaintId;
        Sequence = sequence;
        OccurredAt = StorablePrecision(occurredAt);
        ActorUserId = actorUserId;
        ActorName = actorName;
        DepartmentId = departmentId;
        Action = action;
        FromStage = fromStage;
        ToStage = toStage;
        Note = note;
        PreviousHash = previousHash;
        Hash = ComputeHash();
    }

    public long Id { get; private set; }

    /// <summary>
    /// 1, 2, 3… over every event of every case, without gaps, in commit order (<see cref="LedgerSequencer"/>).
    /// Periodic signed digests cover ranges of positions, so a removed or rewritten event shows against them.
    /// Not part of <see cref="Hash"/>: the digests bind position and hash together.
    /// </summary>
    public long Position { get; private set; }

    public int ComplaintId { get; private set; }

    /// <summary>1, 2, 3… within the case; unique with the case id, so two writers cannot both append event n.</summary>
    public int Sequence { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public string ActorUserId { get; private set; } = "";

    public string ActorName { get; private set; } = "";

    public int? DepartmentId { get; private set; }

    public string Action { get; private set; } = "";

    public string? FromStage { get; private set; }

    public string? ToStage { get; private set; }

    public string? Note { get; private set; }

    public string PreviousHash { get; private set; } = "";

    public string Hash { get; private set; } = "";

    internal void PlaceAt(long position) => Position = position;

    /// <summary>
    /// UTC, cut to whole milliseconds: SQLite keeps instants to 0.1 ms, so a finer time would read back
    /// different from what was hashed and the chain would look broken.
    /// </summary>
    public static DateTimeOffset StorablePrecision(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    /// <summary>SHA-256 over every field but the hash itself, in a fixed, culture-free layout.</summary>
    public string ComputeHash()
    {
        var text = string.Join('\u001f',
            ComplaintId.ToString(CultureInfo.InvariantCulture),
            Sequence.ToString(CultureInfo.InvariantCulture),
            OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
            ActorUserId,
            ActorName,
            DepartmentId?.ToString(CultureInfo.InvariantCulture) ?? "",
            Action,
            FromStage ?? "",
            ToStage ?? "",
            Note ?? "",
            PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
