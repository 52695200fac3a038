namespace ComplaintPortal.Domain.Notifications;

/// <summary>
/// An in-app notice, addressed either to one named person (the owner of a task or case) or, for what has no
/// owner, to everyone holding a role, optionally only within one department (e.g. "urgent and serious:
/// escalated" to all of leadership). Who has read it is kept in <see cref="NotificationRead"/>.
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

    private Notification(int complaintId, NotificationKind kind, string text, DateTimeOffset createdAt)
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

    public int Id { get; private set; }

    /// <summary>The role addressed; empty for a notice to a person (so a role's notices never include one).</summary>
    public string RecipientRole { get; private set; } = "";

    public int? RecipientDepartmentId { get; private set; }

    /// <summary>The person addressed; null for a notice to a role.</summary>
    public string? RecipientUserId { get; private set; }

    public int ComplaintId { get; private set; }

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
}
