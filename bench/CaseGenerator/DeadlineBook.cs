using System.Globalization;
using System.Text;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Sla;
using Microsoft.EntityFrameworkCore;

namespace CaseGenerator;

/// <summary>
/// The seeded time-limit policies and compiled calendars, applied to a generated case step by step as the
/// portal's <see cref="CaseDeadlines"/> applies them (which needs a tracked EF model per case): the same
/// policy choice, the same <see cref="SlaTarget.DeadlineFrom"/> and <see cref="DeadlineClock"/> computations,
/// the same ledger notes.
/// </summary>
internal sealed class DeadlineBook(IReadOnlyList<SlaPolicy> policies, IReadOnlyDictionary<string, WorkingCalendar> calendars,
    IReadOnlyDictionary<int, int?> parents)
{
    private static readonly DeadlineKind[] CaseKinds = [DeadlineKind.FirstResponse, DeadlineKind.SolutionPlan, DeadlineKind.Completion];

    public static async Task<DeadlineBook> LoadAsync(PortalDbContext db)
    {
        var policies = await db.SlaPolicies.AsNoTracking().Where(p => p.RetiredAt == null).ToListAsync();
        var calendars = new Dictionary<string, WorkingCalendar>(StringComparer.Ordinal);
        foreach (var code in policies.Select(p => p.CalendarCode).Distinct())
        {
            calendars[code] = await WorkingCalendarCache.Shared.GetAsync(db, code);
        }

        var parents = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.ParentId);
        return new DeadlineBook(policies, calendars, parents);
    }

    public IReadOnlyList<SlaPolicy> Policies => policies;

    /// <summary>The category's override, else its nearest ancestor's, else the priority's default (as <c>PolicyForAsync</c>).</summary>
    public SlaPolicy PolicyFor(Priority priority, int? categoryId)
    {
        for (int? id = categoryId, steps = 0; id is not null && steps <= parents.Count; id = parents.GetValueOrDefault(id.Value), steps++)
        {
            if (policies.FirstOrDefault(p => p.Priority == priority && p.CategoryId == id) is { } own)
            {
                return own;
            }
        }

        return policies.First(p => p.Priority == priority && p.CategoryId is null);
    }

    /// <summary>Registration: the case deadlines from receipt on the general policy (the case is not assessed yet).</summary>
    public void Start(GeneratedCase c)
    {
        var policy = PolicyFor(Priority.General, null);
        var calendar = calendars[policy.CalendarCode];
        foreach (var kind in CaseKinds)
        {
            var deadline = New(kind, null, policy, c.ReceivedAt);
            var target = policy.TargetFor(kind);
            deadline.Schedule(calendar, target.DeadlineFrom(calendar, c.ReceivedAt), target, policy.DueSoonPercent);
            c.Deadlines.Add(deadline);
        }
    }

    /// <summary>Assessment: the open case deadlines re-targeted to the case's priority and category, counting from receipt.</summary>
    public string Retarget(GeneratedCase c, DateTimeOffset now)
    {
        var policy = PolicyFor(c.Priority, c.CategoryId);
        var calendar = calendars[policy.CalendarCode];
        var note = new StringBuilder("policy=" + policy.Summary());
        foreach (var deadline in c.Deadlines.Where(d => d.Task is null && d.MetAt is null).OrderBy(d => d.Kind))
        {
            var target = policy.TargetFor(deadline.Kind);
            var due = DeadlineClock.DeadlineAfterTargetChange(calendar, target, deadline.StartedAt, now, deadline.PausedWorkingTime);
            (deadline.PolicyId, deadline.CalendarCode) = (policy.Id, policy.CalendarCode);
            deadline.Schedule(calendar, due, target, policy.DueSoonPercent);
            note.Append("; ").Append(deadline.Kind).Append('=').Append(Format(due));
        }

        return note.ToString();
    }

    /// <summary>Dispatch: the policy's deadline of a task dispatched now (its completion target from now).</summary>
    public DateTimeOffset TaskDue(GeneratedCase c, DateTimeOffset now)
    {
        var policy = PolicyFor(c.Priority, c.CategoryId);
        return policy.Completion.DeadlineFrom(calendars[policy.CalendarCode], now);
    }

    public void TrackTask(GeneratedCase c, GeneratedTask task, DateTimeOffset now)
    {
        var policy = PolicyFor(c.Priority, c.CategoryId);
        var deadline = New(DeadlineKind.DepartmentTask, task, policy, now);
        deadline.Schedule(calendars[policy.CalendarCode], task.Deadline, policy.Completion, policy.DueSoonPercent);
        c.Deadlines.Add(deadline);
    }

    /// <summary>After acknowledging, proposing, reporting back or replying: the deadlines those steps fulfil.</summary>
    public static void MeetAfter(GeneratedCase c, DeadlineKind? caseKind, DateTimeOffset now)
    {
        if (caseKind is { } kind)
        {
            Meet(c.Deadlines.FirstOrDefault(d => d.Task is null && d.Kind == kind), now);
            return;
        }

        if (c.Tasks.All(t => t.Status >= DepartmentTaskStatus.SolutionProposed))
        {
            Meet(c.Deadlines.FirstOrDefault(d => d.Task is null && d.Kind == DeadlineKind.SolutionPlan), now);
        }

        foreach (var d in c.Deadlines.Where(d => d.Task is { Status: DepartmentTaskStatus.ReportedBack }))
        {
            Meet(d, now);
        }
    }

    /// <summary>Reopened after an unsatisfied callback: completion and every reopened task count again from now.</summary>
    public string Restart(GeneratedCase c, DateTimeOffset now)
    {
        var policy = PolicyFor(c.Priority, c.CategoryId);
        var calendar = calendars[policy.CalendarCode];
        var target = policy.Completion;
        var due = target.DeadlineFrom(calendar, now);
        var note = new StringBuilder("reopened; policy=" + policy.Summary());
        var restarted = c.Deadlines
            .Where(d => (d.Task is null && d.Kind == DeadlineKind.Completion) || d.Task is { Status: not DepartmentTaskStatus.ReportedBack })
            .OrderBy(d => d.Kind).ThenBy(d => d.Task?.DepartmentId);
        foreach (var deadline in restarted)
        {
            (deadline.StartedAt, deadline.PausedWorkingTime, deadline.MetAt) = (now, TimeSpan.Zero, null);
            (deadline.PolicyId, deadline.CalendarCode) = (policy.Id, policy.CalendarCode);
            deadline.Schedule(calendar, due, target, policy.DueSoonPercent);
            note.Append("; ").Append(deadline.Kind);
            if (deadline.Task is { } task)
            {
                task.Deadline = due;
                note.Append('#').Append(task.DepartmentId.ToString(CultureInfo.InvariantCulture));
            }

            note.Append('=').Append(Format(due));
        }

        return note.ToString();
    }

    /// <summary>Resumed after waiting for the customer: every open deadline moves on by the paused working time.</summary>
    public string Resume(GeneratedCase c, DateTimeOffset pausedAt, DateTimeOffset now)
    {
        var note = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"paused {Format(pausedAt)} to {Format(now)}"));
        foreach (var deadline in c.Deadlines.Where(d => d.MetAt is null).OrderBy(d => d.Kind).ThenBy(d => d.Task?.DepartmentId))
        {
            var calendar = calendars[deadline.CalendarCode];
            var policy = policies.First(p => p.Id == deadline.PolicyId);
            var due = DeadlineClock.DeadlineAfterPause(calendar, deadline.DueAt, pausedAt, now);
            deadline.PausedWorkingTime += calendar.WorkingTimeBetween(pausedAt, now);
            deadline.Schedule(calendar, due, deadline.Target, policy.DueSoonPercent);
            note.Append("; ").Append(deadline.Kind);
            if (deadline.Task is { } task)
            {
                task.Deadline = due;
                note.Append('#').Append(task.DepartmentId.ToString(CultureInfo.InvariantCulture));
            }

            note.Append('=').Append(Format(due));
        }

        return note.ToString();
    }

    private static GeneratedDeadline New(DeadlineKind kind, GeneratedTask? task, SlaPolicy policy, DateTimeOffset startedAt) =>
        new(kind, task) { PolicyId = policy.Id, CalendarCode = policy.CalendarCode, StartedAt = startedAt };

    private static void Meet(GeneratedDeadline? deadline, DateTimeOffset now)
    {
        if (deadline is { MetAt: null })
        {
            deadline.MetAt = now;
        }
    }

    public static string Format(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
}
