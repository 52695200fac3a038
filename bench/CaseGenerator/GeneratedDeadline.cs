using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Sla;

namespace CaseGenerator;

/// <summary>
/// One time limit of a generated case (a row of <c>CaseDeadlines</c>), kept as the domain's
/// <see cref="CaseDeadline"/> keeps it; <see cref="Schedule"/> repeats <c>CaseDeadline.Schedule</c> (internal there).
/// </summary>
internal sealed class GeneratedDeadline(DeadlineKind kind, GeneratedTask? task)
{
    public int Id { get; set; }

    public DeadlineKind Kind => kind;

    public GeneratedTask? Task => task;

    public int PolicyId { get; set; }

    public string CalendarCode { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset DueAt { get; private set; }

    public DateTimeOffset DueSoonAt { get; private set; }

    public TimeSpan PausedWorkingTime { get; set; }

    public DateTimeOffset? MetAt { get; set; }

    public SlaTarget Target { get; private set; }

    public bool IsProvisional { get; private set; }

    /// <summary>The monitor's transitions already recorded, by level and due instant (its unique index).</summary>
    public HashSet<(DeadlineLevel Level, DateTimeOffset DueAt)> Recorded { get; } = [];

    /// <summary>Invariant subject, as the monitor names it: <c>FirstResponse</c> or <c>DepartmentTask#3</c>.</summary>
    public string Subject => Task is { } t ? $"{Kind}#{t.DepartmentId.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : Kind.ToString();

    public void Schedule(WorkingCalendar calendar, DateTimeOffset dueAt, SlaTarget target, int dueSoonPercent)
    {
        Target = target;
        IsProvisional = calendar.IsProvisionalBetween(StartedAt, dueAt);
        DueAt = dueAt;
        var dueSoonShare = TimeSpan.FromTicks(target.WorkingTimeOn(calendar).Ticks * dueSoonPercent / 100);
        DueSoonAt = dueSoonShare > TimeSpan.Zero ? calendar.AddWorkingTime(dueAt, -dueSoonShare) : dueAt;
    }
}

/// <summary>A deadline reaching due-soon or overdue, as the monitor records it (a row of <c>DeadlineTransitions</c>).</summary>
internal sealed record GeneratedTransition(GeneratedDeadline Deadline, DeadlineLevel Level, DateTimeOffset DueAt, DateTimeOffset RecordedAt);

/// <summary>A role- or department-addressed notice (a row of <c>Notifications</c>).</summary>
/// <summary>A notice to a role (in a department), or with <paramref name="UserId"/> to that one person (role empty).</summary>
internal sealed record GeneratedNotice(string Role, int? DepartmentId, string Kind, string Text, DateTimeOffset CreatedAt, string? UserId = null)
{
    public int Id { get; set; }

    /// <summary>Who marked it read, and when (before the generation time).</summary>
    public List<(string UserId, DateTimeOffset At)> Reads { get; } = [];

    public static GeneratedNotice ToPerson(Actor person, string kind, string text, DateTimeOffset createdAt) => new("", null, kind, text, createdAt, person.Id);
}
