using ComplaintPortal.Domain.Workflow;

namespace ComplaintPortal.Domain.Supervision;

/// <summary>What the committee (or the notice monitor) did. The names are stored: never rename one.</summary>
public enum SupervisionAction
{
    SampleDrawn = 0,
    SampleDiscarded = 1,
    CaseChecked = 2,
    NoticeIssued = 3,
    NoticeAnswered = 4,
    NoticeClosed = 5,
    NoticeReturned = 6,
    NoticeEscalated = 7,
    FiguresPublished = 8,
    ChecklistVersionPublished = 9,
    ChecksAssigned = 10,
}

/// <summary>
/// One line of the supervision log (監督記錄): who did what to which draw, notice, checklist or period, and when.
/// Append-only: <see cref="AppendOnlySupervisionInterceptor"/> and the database triggers of the Supervision
/// migration refuse changes and deletes, so a discarded draw or a returned answer stays on the record.
/// </summary>
public sealed class SupervisionLogEntry
{
    public const int DetailsMaxLength = 4000;
    public const string SystemActorId = "system:supervision";
    public const string SystemActorName = "Supervision monitor";

    private SupervisionLogEntry()
    {
    }

    public SupervisionLogEntry(DateTimeOffset at, string actorUserId, string actorName, SupervisionAction action, int subjectId, string? details)
    {
        At = at;
        ActorUserId = actorUserId;
        ActorName = actorName;
        Action = action;
        SubjectId = subjectId;
        Details = details is { Length: > DetailsMaxLength } ? details[..DetailsMaxLength] : details;
    }

    public SupervisionLogEntry(DateTimeOffset at, ActingUser actor, SupervisionAction action, int subjectId, string? details)
        : this(at, (actor ?? throw new ArgumentNullException(nameof(actor))).UserId, actor.Name, action, subjectId, details)
    {
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string ActorUserId { get; private set; } = "";

    public string ActorName { get; private set; } = "";

    public SupervisionAction Action { get; private set; }

    /// <summary>The draw, notice, checked case, checklist version or publication the action was about (by action).</summary>
    public int SubjectId { get; private set; }

    /// <summary>Invariant text: parameters, seed, reasons, answers.</summary>
    public string? Details { get; private set; }
}

/// <summary>The database's own refusal to change supervision records (created by the Supervision migration).</summary>
public static class SupervisionTriggers
{
    public const string LogTable = "SupervisionLog";
    public const string PublicationTable = "FiguresPublications";

    public static IReadOnlyList<string> SqliteTriggerNames { get; } =
        ["SupervisionLog_NoUpdate", "SupervisionLog_NoDelete", "FiguresPublications_NoUpdate", "FiguresPublications_NoDelete"];
}
