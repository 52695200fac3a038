using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;

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

    // The notices the portal's DeadlineNotices sends for what this run reached, from its own rules.
    private void Notices(List<(GeneratedDeadline Deadline, DeadlineLevel Level)> pending, DateTimeOffset run)
    {
        var reached = pending.Select(p => (Reached(p.Deadline), p.Level)).ToList();
        foreach (var n in DeadlineNotices.For(reached, reference.CustomerServiceId, run))
        {
            c.Notices.Add(new(n.RecipientRole, n.RecipientDepartmentId, n.Kind.ToString(), n.Text, n.CreatedAt, n.RecipientUserId));
        }
    }

    // The deadline as the monitor reads it (ids are given when the case is written; the notices do not use them).
    private ReachedDeadline Reached(GeneratedDeadline d) => new(d.Id, 0, c.CaseNumber, d.Kind, d.DueAt, d.Task?.DepartmentId, d.Task?.DepartmentCode,
        d.Task?.Owner?.Id, d.Task?.OwnerName, c.Clerk.Id, c.Clerk.Name, []);
}
