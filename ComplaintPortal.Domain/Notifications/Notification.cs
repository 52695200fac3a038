using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Reporting;

namespace ComplaintPortal.Domain.Notifications;

/// <summary>
/// An in-app notice, addressed either to one named person (the owner of a task or case) or, for what has no
/// owner, to everyone holding a role, optionally only within one department (e.g. "urgent and serious:
/// escalated" to all of leadership). A notice is about exactly one thing: a case, an archive access request (to its requester
/// by name, to leadership to decide it, or to the archive clerks of files overdue), an improvement action (to the role whose
/// step it waits for) or a sample draw (to the committee member given its checks). Who has read it is kept in <see cref="NotificationRead"/>.
/// </summary>
public sealed class Notification
{
    public const int TextMaxLength = 500;

    private Notification()
    {
    }

    /// <summary>A notice to everyone holding <paramref name="recipientRole"/> (within the department when one is given).</summary>
    public Notification(string recipientRole, int? recipientDepartmentId, int complaintId, NotificationKind kind, string text, DateTimeOffset createdAt)
        : this(complaintId, kind, text, createdAt)
    {
        // A role is always named: an empty role is what marks a notice to a person, and readers find role notices by the role alone.
        ArgumentException.ThrowIfNullOrWhiteSpace(recipientRole);
        RecipientRole = recipientRole;
        RecipientDepartmentId = recipientDepartmentId;
    }

    private Notification(int? complaintId, NotificationKind kind, string text, DateTimeOffset createdAt)
    {
        ComplaintId = complaintId;
        Kind = kind;
        Text = text;
        CreatedAt = createdAt;
    }

    /// <summary>A notice to one named person.</summary>
    public static Notification ToPerson(string userId, int complaintId, NotificationKind kind, string text, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return new Notification(complaintId, kind, text, createdAt) { RecipientUserId = userId };
    }

    /// <summary>
    /// A notice to the requester of an archive access request (<paramref name="requestId"/>): the leader's decision, or the
    /// clerk ending the access. Unread until read: it does not end with a case.
    /// </summary>
    public static Notification AboutArchiveRequest(string userId, int requestId, NotificationKind kind, string text, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return new Notification(null, AboutArchive(kind), text, createdAt) { RecipientUserId = userId, ArchiveRequestId = requestId };
    }

    /// <summary>
    /// A notice to everyone holding <paramref name="recipientRole"/> about an archive access request (a new one to decide, or
    /// a loan overdue): unread while the request still waits on the role (<see cref="NotificationKinds.AwaitedStatus"/>) and
    /// the holder has not read it.
    /// </summary>
    public static Notification AboutArchiveRequestToRole(string recipientRole, int requestId, NotificationKind kind, string text, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipientRole);
        return new Notification(null, AboutArchive(kind), text, createdAt) { RecipientRole = recipientRole, ArchiveRequestId = requestId };
    }

    /// <summary>
    /// A notice to everyone holding <paramref name="recipientRole"/> (within the department when one is given) about an
    /// improvement action: unread while the action still waits on the role (<see cref="NotificationKinds.AwaitedImprovementStatus"/>)
    /// and the holder has not read it.
    /// </summary>
    public static Notification AboutImprovementToRole(string recipientRole, int? recipientDepartmentId, int actionId, NotificationKind kind, string text,
        DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipientRole);
        if (kind.AwaitedImprovementStatus() is null)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a notice about an improvement action.");
        }

        return new Notification(null, kind, text, createdAt)
        {
            RecipientRole = recipientRole, RecipientDepartmentId = recipientDepartmentId, ImprovementActionId = actionId,
        };
    }

    /// <summary>
    /// A notice to one committee member about a sample draw (<paramref name="drawId"/>): checks of it were given to them.
    /// Unread until read.
    /// </summary>
    public static Notification AboutDraw(string userId, int drawId, NotificationKind kind, string text, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (!kind.IsAboutDraw())
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a notice about a sample draw.");
        }

        return new Notification(null, kind, text, createdAt) { RecipientUserId = userId, SampleDrawId = drawId };
    }

    private static NotificationKind AboutArchive(NotificationKind kind) =>
        kind.IsAboutArchive() ? kind : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a notice about an archive request.");

    public int Id { get; private set; }

    /// <summary>The role addressed; empty for a notice to a person (so a role's notices never include one).</summary>
    public string RecipientRole { get; private set; } = "";

    public int? RecipientDepartmentId { get; private set; }

    /// <summary>The person addressed; null for a notice to a role.</summary>
    public string? RecipientUserId { get; private set; }

    /// <summary>The case the notice is about; null for a notice about an archive request.</summary>
    public int? ComplaintId { get; private set; }

    /// <summary>The archive access request the notice is about; null for a notice about a case.</summary>
    public int? ArchiveRequestId { get; private set; }

    /// <summary>The improvement action the notice is about; null otherwise.</summary>
    public int? ImprovementActionId { get; private set; }

    /// <summary>The sample draw the notice is about; null otherwise.</summary>
    public int? SampleDrawId { get; private set; }

    public NotificationKind Kind { get; private set; }

    /// <summary>Short invariant text (case number and reason); pages render their own localized wording from <see cref="Kind"/>.</summary>
    public string Text { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>One person has read one notice (a notice to a role is read by each of its holders separately).</summary>
public sealed class NotificationRead
{
    private NotificationRead()
    {
    }

    public NotificationRead(int notificationId, string userId, DateTimeOffset readAt)
    {
        NotificationId = notificationId;
        UserId = userId;
        ReadAt = readAt;
    }

    public long Id { get; private set; }

    public int NotificationId { get; private set; }

    public string UserId { get; private set; } = "";

    public DateTimeOffset ReadAt { get; private set; }
}

public enum NotificationKind
{
    Escalated = 0,
    TaskAssigned = 1,
    ReturnedToDepartment = 2,
    ClosureApprovalRequested = 3,
    OnSiteInspectionOrdered = 4,
    DeadlineDueSoon = 5,
    DeadlineOverdue = 6,

    /// <summary>A rectification notice (限期整改) was issued to the department.</summary>
    RectificationIssued = 7,

    /// <summary>The department answered a rectification notice; the committee verifies.</summary>
    RectificationAnswered = 8,

    /// <summary>The committee sent the department's answer back.</summary>
    RectificationReturned = 9,

    /// <summary>A rectification notice is unanswered past its deadline (escalated to leadership).</summary>
    RectificationOverdue = 10,

    /// <summary>A leader approved the person's archive access request (檔案查閱申請已批准).</summary>
    ArchiveRequestApproved = 11,

    /// <summary>A leader rejected the person's archive access request, with a reason.</summary>
    ArchiveRequestRejected = 12,

    /// <summary>The archive clerk revoked the person's access before its end.</summary>
    ArchiveAccessRevoked = 13,

    /// <summary>The archive clerk recorded the return of the files: the person's access has ended.</summary>
    ArchiveReturnRecorded = 14,

    /// <summary>A new archive access request waits for leadership's decision (檔案查閱申請待審批).</summary>
    ArchiveRequestToDecide = 15,

    /// <summary>The days granted to the person ran out and they have not confirmed finishing, nor has the clerk recorded the return.</summary>
    ArchiveLoanExpired = 16,

    /// <summary>
    /// To the archive clerks: a reader's days ran out and the files are not back (已到期未歸還); unread until read or until the
    /// access ends (returned, revoked or confirmed finished).
    /// </summary>
    ArchiveLoanOverdue = 17,

    /// <summary>To the department's head: an improvement action (改进措施) was raised for the department.</summary>
    ImprovementRaised = 18,

    /// <summary>To leadership and the committee: the department reported an improvement action done; it waits to be verified.</summary>
    ImprovementReportedDone = 19,

    /// <summary>To the department's head: the report was sent back, with a reason; the action is open again.</summary>
    ImprovementSentBack = 20,

    /// <summary>To the department's head and leadership: an improvement action is still open after its date.</summary>
    ImprovementOverdue = 21,

    /// <summary>To a committee member: checks of a sample draw were given to them (分派抽查), waiting in their queue.</summary>
    ChecksAssigned = 22,

    /// <summary>To a task's owner and its department's head: customer service or leadership chased the open task (催办).</summary>
    TaskChased = 23,

    /// <summary>To a person on the case: someone wrote a work note (工作备注) and chose to tell them, with its words.</summary>
    WorkNote = 24,
}

public static class NotificationKinds
{
    /// <summary>
    /// For a notice to a role about an archive request: the request's status while it waits on that role (a decision while
    /// pending; the files' return while approved, for a loan overdue). The notice is unread only then. Null for other kinds.
    /// </summary>
    public static AccessRequestStatus? AwaitedStatus(this NotificationKind kind) => kind switch
    {
        NotificationKind.ArchiveRequestToDecide => AccessRequestStatus.Pending,
        NotificationKind.ArchiveLoanOverdue => AccessRequestStatus.Approved,
        _ => null,
    };

    /// <summary>
    /// For a notice about an improvement action: the action's status while it waits on the roles told (the department's work
    /// while open; the verification while done). The notice is unread only then. Null for other kinds.
    /// </summary>
    public static ImprovementStatus? AwaitedImprovementStatus(this NotificationKind kind) => kind switch
    {
        NotificationKind.ImprovementRaised or NotificationKind.ImprovementSentBack or NotificationKind.ImprovementOverdue => ImprovementStatus.Open,
        NotificationKind.ImprovementReportedDone => ImprovementStatus.Done,
        _ => null,
    };

    /// <summary>Whether notices of this kind are about a sample draw rather than a case.</summary>
    public static bool IsAboutDraw(this NotificationKind kind) => kind is NotificationKind.ChecksAssigned;

    /// <summary>Whether notices of this kind are about an archive access request rather than a case.</summary>
    public static bool IsAboutArchive(this NotificationKind kind) =>
        kind is NotificationKind.ArchiveRequestApproved or NotificationKind.ArchiveRequestRejected or NotificationKind.ArchiveAccessRevoked
            or NotificationKind.ArchiveReturnRecorded or NotificationKind.ArchiveRequestToDecide or NotificationKind.ArchiveLoanExpired
            or NotificationKind.ArchiveLoanOverdue;
}
