using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Validation;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Ledger;

/// <summary>
/// Appends events to one case's ledger within the current unit of work, each linked to the one before.
/// The unique (case, sequence) index turns two writers appending at once into a conflict, not a fork.
/// </summary>
public sealed class LedgerChain
{
    private readonly PortalDbContext db;
    private readonly int complaintId;
    private int sequence;
    private string previousHash;

    private LedgerChain(PortalDbContext db, int complaintId, int sequence, string previousHash)
    {
        this.db = db;
        this.complaintId = complaintId;
        this.sequence = sequence;
        this.previousHash = previousHash;
    }

    public static async Task<LedgerChain> OpenAsync(PortalDbContext db, int complaintId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var last = await db.LedgerEvents.AsNoTracking()
            .Where(e => e.ComplaintId == complaintId)
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        return new LedgerChain(db, complaintId, last?.Sequence ?? 0, last?.Hash ?? LedgerEvent.GenesisHash);
    }

    public LedgerEvent Append(DateTimeOffset at, string actorUserId, string actorName, int? departmentId,
        string action, string? fromStage, string? toStage, string? note)
    {
        // The ledger keeps what happened whole: a note that does not fit is refused, never cut.
        if (note is { Length: > LedgerEvent.NoteMaxLength })
        {
            throw new InputRefusedException([new FieldError(nameof(LedgerEvent.Note), InputProblem.TooLong, LedgerEvent.NoteMaxLength)]);
        }

        var e = new LedgerEvent(complaintId, ++sequence, at, actorUserId, actorName, departmentId, action, fromStage, toStage, note, previousHash);
        previousHash = e.Hash;
        db.LedgerEvents.Add(e);
        return e;
    }
}
