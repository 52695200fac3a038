using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;

namespace ComplaintPortal.Domain.Deadlines;

/// <summary>
/// Who hears of deadlines going due-soon or overdue, one notice per case, level and recipient: the named
/// owner (a task's owner; for the case's own deadlines the clerk who registered it), else, when nobody owns
/// it yet, the owner side's role (the department's handlers, or intake clerks); always the head of the owning
/// department; and for an overdue case, leadership, with what is late and whose it is.
/// </summary>
internal static class DeadlineNotices
{
    public static IEnumerable<Notification> For(IReadOnlyList<(ReachedDeadline Deadline, DeadlineLevel Level)> pending, int? customerService,
        DateTimeOffset now)
    {
        foreach (var level in pending.Select(p => p.Level).Distinct().Order())
        {
            var reached = pending.Where(p => p.Level == level).Select(p => p.Deadline).ToList();
            var kind = level == DeadlineLevel.Overdue ? NotificationKind.DeadlineOverdue : NotificationKind.DeadlineDueSoon;
            var caseNumber = reached[0].CaseNumber;
            var complaintId = reached[0].ComplaintId;
            Notification Notice(Recipient to, IEnumerable<ReachedDeadline> about, bool whose = false)
            {
                var text = $"{caseNumber}: " + string.Join("; ", about.Select(d => d.Describe() + (whose ? $" ({d.Whose})" : "")));
                text = text.Length <= Notification.TextMaxLength ? text : text[..Notification.TextMaxLength];
                return to.UserId is { } user
                    ? Notification.ToPerson(user, complaintId, kind, text, now)
                    : new Notification(to.Role!, to.DepartmentId, complaintId, kind, text, now);
            }

            foreach (var group in reached.GroupBy(d => Owner(d)))
            {
                yield return Notice(group.Key, group);
            }

            foreach (var group in reached.GroupBy(d => d.TaskDepartmentId ?? customerService))
            {
                yield return Notice(new Recipient(null, PortalRoles.DepartmentHead, group.Key), group);
            }

            if (level == DeadlineLevel.Overdue)
            {
                yield return Notice(new Recipient(null, PortalRoles.Leadership, null), reached, whose: true);
            }
        }
    }

    private static Recipient Owner(ReachedDeadline d) => d.TaskDepartmentId is { } department
        ? d.TaskOwnerId is { } owner ? new(owner, null, null) : new(null, PortalRoles.DepartmentHandler, department)
        : d.CaseOwnerId is { } clerk ? new(clerk, null, null) : new(null, PortalRoles.IntakeClerk, null);

    private sealed record Recipient(string? UserId, string? Role, int? DepartmentId);
}
