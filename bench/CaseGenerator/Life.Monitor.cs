using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;

namespace CaseGenerator;

/// <summary>
/// What the portal's <see cref="DeadlineMonitor"/> (a scan about once a minute) would have recorded on this case
/// between two steps: each deadline reaching due-soon or overdue once per due instant, a ledger line each, the
/// first overdue escalating the case, and the notices <c>DeadlineNotices</c> sends (to the task's owner by name, or its
/// department's handlers while nobody owns it; for the case's own deadlines to the clerk who registered it).
/// </summary>
internal sealed partial class Life
{
    private static readonly CaseStage[] NotRunning =
        [CaseStage.WaitingForCustomer, CaseStage.Closed, CaseStage.Withdrawn, CaseStage.Invalid, CaseStage.Duplicate];

    /// <summary>Runs the monitor for the time before <paramref name="until"/> (a step at that instant comes first).</summary>
    public void Monitor(DateTimeOffset until)
    {
        while (!NotRunning.Contains(c.Stage))
        {
            DateTimeOffset? first = null;
            foreach (var d in c.Deadlines)
            {
                if (d.MetAt is not null)
                {
                    continue;
                }

                if (!d.Recorded.Contains((DeadlineLevel.DueSoon, d.DueAt)) && (first is null || d.DueSoonAt < first))
                {
                    first = d.DueSoonAt;
                }

                if (!d.Recorded.Contains((DeadlineLevel.Overdue, d.DueAt)) && (first is null || d.DueAt < first))
                {
                    first = d.DueAt;
                }
            }

            if (first is not { } reached || reached >= until)
            {
                return;
            }

            // The scan that notices it runs within a minute of the threshold (or of the step that moved it there).
            var run = (reached > Now ? reached : Now).AddSeconds(random.Next(1, 60));
            RecordTransitions(run < until ? run : until);
        }
    }

    private void RecordTransitions(DateTimeOffset run)
    {
        Now = run;
        var pending = c.Deadlines
            .Where(d => d.MetAt is null)
            .SelectMany(d => new[] { (Deadline: d, Level: DeadlineLevel.DueSoon, At: d.DueSoonAt), (Deadline: d, Level: DeadlineLevel.Overdue, At: d.DueAt) })
            .Where(p => p.At <= run && !p.Deadline.Recorded.Contains((p.Level, p.Deadline.DueAt)))
            .OrderBy(p => p.Level).ThenBy(p => c.Deadlines.IndexOf(p.Deadline))
            .Select(p => (p.Deadline, p.Level))
            .ToList();
        foreach (var (d, level) in pending)
        {
            d.Recorded.Add((level, d.DueAt));
            c.Transitions.Add(new GeneratedTransition(d, level, d.DueAt, run));
            c.Events.Add(new(run, DeadlineMonitor.ActorId, DeadlineMonitor.ActorName, d.Task?.DepartmentId, DeadlineMonitor.LedgerActionFor(level),
                null, null, $"{d.Subject} due {DeadlineBook.Format(d.DueAt)}"));
        }

        var overdue = pending.Where(p => p.Level == DeadlineLevel.Overdue).Select(p => p.Deadline).ToList();
        if (overdue.Count > 0 && !c.IsEscalated)
        {
            (c.IsEscalated, c.EscalatedAt) = (true, run);
            c.Events.Add(new(run, DeadlineMonitor.ActorId, DeadlineMonitor.ActorName, null, DeadlineMonitor.EscalationLedgerAction,
                c.Stage.ToString(), c.Stage.ToString(), "overdue: " + string.Join(", ", overdue.Select(d => d.Subject))));
        }

        Notices(pending, run);
    }

    private void Notices(List<(GeneratedDeadline Deadline, DeadlineLevel Level)> pending, DateTimeOffset run)
    {
        foreach (var level in pending.Select(p => p.Level).Distinct().Order())
        {
            var reached = pending.Where(p => p.Level == level).Select(p => p.Deadline).ToList();
            var kind = (level == DeadlineLevel.Overdue ? NotificationKind.DeadlineOverdue : NotificationKind.DeadlineDueSoon).ToString();
            string Text(IEnumerable<GeneratedDeadline> about, bool whose = false)
            {
                var text = $"{c.CaseNumber}: " + string.Join("; ", about.Select(d => $"{d.Subject} due {DeadlineBook.Format(d.DueAt)}" + (whose ? $" ({Whose(d)})" : "")));
                return text.Length <= Notification.TextMaxLength ? text : text[..Notification.TextMaxLength];
            }

            void Notice(string role, int? department, IEnumerable<GeneratedDeadline> about, bool whose = false) =>
                c.Notices.Add(new(role, department, kind, Text(about, whose), run));

            // The owner side: the task's owner, or its department's handlers while nobody owns it; the registering clerk.
            foreach (var group in reached.GroupBy(d => d.Task is null ? c.Clerk : d.Task.Owner))
            {
                if (group.Key is { } owner)
                {
                    c.Notices.Add(GeneratedNotice.ToPerson(owner, kind, Text(group), run));
                }
                else
                {
                    foreach (var unowned in group.GroupBy(d => d.Task!.DepartmentId))
                    {
                        Notice(PortalRoles.DepartmentHandler, unowned.Key, unowned);
                    }
                }
            }

            foreach (var group in reached.GroupBy(d => d.Task?.DepartmentId))
            {
                Notice(PortalRoles.DepartmentHead, group.Key ?? reference.CustomerServiceId, group);
            }

            if (level == DeadlineLevel.Overdue)
            {
                Notice(PortalRoles.Leadership, null, reached, whose: true);
            }
        }
    }

    private string Whose(GeneratedDeadline d) => d.Task is { } task
        ? $"{task.DepartmentCode} {task.OwnerName ?? "no owner"}"
        : $"{DepartmentCatalog.CustomerService} {c.Clerk.Name}";
}
