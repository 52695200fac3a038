namespace ComplaintPortal.Domain.Notifications;

/// <summary>
/// An in-app notice for everyone holding a role, optionally only within one department
/// (e.g. "urgent and serious: escalated" to all of leadership).
/// </summary>
public sealed class Notification
{
    public const int TextMaxLength = 500;

    private Notification()
    {
    }

    public Notification(string recipientRole, int? recipientDepartmentId, int complaintId, NotificationKind kind, string text, DateTimeOffset createdAt)
    {
        RecipientRole = recipientRole;
        RecipientDepartmentId = recipientDepartmentId;
        ComplaintId = complaintId;
        Kind = kind;
        Text = text;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    public string RecipientRole { get; private set; } = "";

    public int? RecipientDepartmentId { get; private set; }

    public int ComplaintId { get; private set; }

    public NotificationKind Kind { get; private set; }

    /// <summary>Short invariant text (case number and reason); pages render their own localized wording from <see cref="Kind"/>.</summary>
    public string Text { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
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
