using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Workflow;

namespace ComplaintPortal.Domain.Supervision;

/// <summary>The case-ledger actions supervision appends to a case's tracking ledger. Stored: never rename one.</summary>
public static class SupervisionLedgerActions
{
    public const string SpotCheckDrawn = nameof(SpotCheckDrawn);
    public const string SpotCheckDiscarded = nameof(SpotCheckDiscarded);
    public const string SpotChecked = nameof(SpotChecked);
    public const string RectificationIssued = nameof(RectificationIssued);
    public const string RectificationAnswered = nameof(RectificationAnswered);
    public const string RectificationReturned = nameof(RectificationReturned);
    public const string RectificationClosed = nameof(RectificationClosed);
    public const string RectificationOverdue = nameof(RectificationOverdue);

    public static IReadOnlyList<string> All { get; } =
    [
        SpotCheckDrawn, SpotCheckDiscarded, SpotChecked, RectificationIssued, RectificationAnswered, RectificationReturned,
        RectificationClosed, RectificationOverdue,
    ];
}

/// <summary>Writes what supervision did: a supervision log line, and a line in the case's own ledger.</summary>
internal static class SupervisionRecord
{
    public static void Log(PortalDbContext db, DateTimeOffset at, ActingUser actor, SupervisionAction action, int subjectId, string? details) =>
        db.SupervisionLog.Add(new SupervisionLogEntry(at, actor, action, subjectId, details));

    /// <summary>One line on the case's ledger; open one chain per case and unit of work.</summary>
    public static async Task LedgerAsync(PortalDbContext db, int complaintId, DateTimeOffset at, string actorUserId, string actorName,
        int? departmentId, string action, string note, CancellationToken cancellationToken)
    {
        var chain = await LedgerChain.OpenAsync(db, complaintId, cancellationToken);
        chain.Append(at, actorUserId, actorName, departmentId, action, null, null, note);
    }

    public static Task LedgerAsync(PortalDbContext db, int complaintId, DateTimeOffset at, ActingUser actor, string action, string note,
        CancellationToken cancellationToken) =>
        LedgerAsync(db, complaintId, at, actor.UserId, actor.Name, actor.DepartmentId, action, note, cancellationToken);
}
