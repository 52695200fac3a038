using System.Globalization;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;

namespace ComplaintPortal.Domain.Reporting;

/// <summary>What an improvement notice's text says: the action's title, and the date, the reason or the report given (may be absent).</summary>
public sealed record ImprovementNoticeText(string Title, string? Detail);

/// <summary>
/// The notices about an improvement action, each to the role whose step it waits for: the department's head when it is
/// raised or sent back (with the date or the reason), leadership and the committee when the department reports it done (with
/// what was done), and the head and leadership once when it is still open after its date. The text is the action's title
/// (one line), then a line with the date (<c>yyyy-MM-dd</c>), the reason or the report; <see cref="Read"/> splits it again.
/// </summary>
public static class ImprovementNotices
{
    /// <summary>To the department's head: the action is theirs, to be done by its date.</summary>
    public static Notification Raised(ImprovementAction action, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(action);
        return ToHead(action, NotificationKind.ImprovementRaised, Date(action.DueDate), now);
    }

    /// <summary>To the department's head: the report was sent back, with the reason.</summary>
    public static Notification SentBack(ImprovementAction action, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(action);
        return ToHead(action, NotificationKind.ImprovementSentBack, action.ReturnReason, now);
    }

    /// <summary>To leadership and to the committee: the department reported it done and says what was done; either verifies it.</summary>
    public static IEnumerable<Notification> ReportedDone(ImprovementAction action, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(action);
        return [ToRole(PortalRoles.Leadership, null, action, NotificationKind.ImprovementReportedDone, action.DoneNote, now),
            ToRole(PortalRoles.Supervisor, null, action, NotificationKind.ImprovementReportedDone, action.DoneNote, now)];
    }

    /// <summary>To the department's head and to leadership: still open after its date.</summary>
    public static IEnumerable<Notification> Overdue(ImprovementAction action, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(action);
        return [ToHead(action, NotificationKind.ImprovementOverdue, Date(action.DueDate), now),
            ToRole(PortalRoles.Leadership, null, action, NotificationKind.ImprovementOverdue, Date(action.DueDate), now)];
    }

    /// <summary>What a notice's text says.</summary>
    public static ImprovementNoticeText Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cut = text.IndexOf('\n', StringComparison.Ordinal);
        return cut < 0 ? new(text, null) : new(text[..cut], text[(cut + 1)..]);
    }

    /// <summary>The date a notice's detail names, when it is one (raised; overdue).</summary>
    public static DateOnly? ReadDate(string? detail) =>
        DateOnly.TryParseExact(detail, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Notification ToHead(ImprovementAction action, NotificationKind kind, string? detail, DateTimeOffset now) =>
        ToRole(PortalRoles.DepartmentHead, action.DepartmentId, action, kind, detail, now);

    // The title is one line (the column keeps it so), so the first line break ends it.
    private static Notification ToRole(string role, int? departmentId, ImprovementAction action, NotificationKind kind, string? detail, DateTimeOffset now) =>
        Notification.AboutImprovementToRole(role, departmentId, action.Id, kind,
            (string.IsNullOrWhiteSpace(detail) ? action.Title : action.Title + "\n" + detail.Trim()).Truncate(Notification.TextMaxLength), now);
}
