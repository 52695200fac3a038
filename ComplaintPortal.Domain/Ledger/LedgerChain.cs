using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Validation;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Ledger;

/// <summary>
/// Appends events to one case's ledger within the current unit of work, each linked to the one before,
/// and moves the case's head (<see cref="Complaint.LedgerEventCount"/>, <see cref="Complaint.LedgerHeadHash"/>)
/// with them, so the head is saved in the same transaction as the events. The chain continues from the
/// head, not from the last row found: a truncated ledger stays visibly short of its head. The unique
/// (case, sequence) index and the case's version turn two writers appending at once into a conflict.
/// </summary>
public sealed class LedgerChain
{
    private readonly PortalDbContext db;
    private readonly Complaint complaint;

    private LedgerChain(PortalDbContext db, Complaint complaint)
    {
        this.db = db;
        this.complaint = complaint;
    }

    /// <summary>A chain on a case this context tracks.</summary>
    public static LedgerChain Open(PortalDbContext db, Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(complaint);
        return new LedgerChain(db, complaint);
    }

    /// <summary>Loads (and tracks) the case, then opens its chain.</summary>
    public static async Task<LedgerChain> OpenAsync(PortalDbContext db, int complaintId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var complaint = await db.Complaints.FirstAsync(c => c.Id == complaintId, cancellationToken);
        return new LedgerChain(db, complaint);
    }

    public LedgerEvent Append(DateTimeOffset at, string actorUserId, string actorName, int? departmentId,
        string action, string? fromStage, string? toStage, string? note)
    {
        // The ledger keeps what happened whole: a note that does not fit is refused, never cut.
        if (note is { Length: > LedgerEvent.NoteMaxLength })
        {
            throw new InputRefusedException([new FieldError(nameof(LedgerEvent.Note), InputProblem.TooLong, LedgerEvent.NoteMaxLength)]);
        }

        var e = new LedgerEvent(complaint.Id, complaint.LedgerEventCount + 1, at, actorUserId, actorName, departmentId, action,
            fromStage, toStage, note, complaint.LedgerHeadHash ?? LedgerEvent.GenesisHash);
        complaint.LedgerEventCount = e.Sequence;
        complaint.LedgerHeadHash = e.Hash;
        db.LedgerEvents.Add(e);
        return e;
    }
}
