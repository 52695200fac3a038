using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Web.Features.Cases;

namespace ComplaintPortal.Web.Features.Archive;

/// <summary>
/// An archived version's process records read back as ledger events, so the case page's own timeline
/// (<see cref="Cases.Timeline.LedgerTimeline"/>) tells them: localized lines, the organisation's time, names not ids.
/// </summary>
public static class ArchivedLedger
{
    /// <summary>The archived lines as events for reading only (the archive keeps each line's original hash, not the actor's id).</summary>
    public static IReadOnlyList<LedgerEvent> Events(ArchiveContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.Ledger.Select(ToEvent).ToList();
    }

    /// <summary>The verification recorded when the version was archived.</summary>
    public static LedgerVerification Verification(ArchiveFileVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (version.LedgerIntact)
        {
            return LedgerVerification.Intact(version.LedgerEventCount);
        }

        // The finding is written as "<break> at <sequence>" (Archiver).
        var parts = (version.LedgerFinding ?? "").Split(" at ", 2);
        var kind = Enum.TryParse<LedgerBreak>(parts[0], out var parsed) ? parsed : LedgerBreak.ChainBroken;
        int? sequence = parts.Length == 2 && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : null;
        return new LedgerVerification(false, version.LedgerEventCount, null, sequence, kind);
    }

    public static CaseLookups Lookups(ArchiveNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return new CaseLookups(names.Departments.Values.ToList(), names.Categories.Values.ToList());
    }

    private static LedgerEvent ToEvent(ArchiveLedgerLine line)
    {
        // The deadline monitor is named by the timeline in the reader's language; its lines carry its fixed name.
        var actorId = string.Equals(line.ActorName, DeadlineMonitor.ActorName, StringComparison.Ordinal) ? DeadlineMonitor.ActorId : "";
        return new LedgerEvent(0, line.Sequence, line.OccurredAt, actorId, line.ActorName, line.DepartmentId, line.Action,
            line.FromStage, line.ToStage, line.Note, LedgerEvent.GenesisHash);
    }
}
