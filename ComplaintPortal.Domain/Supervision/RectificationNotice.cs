using ComplaintPortal.Domain.Workflow;

namespace ComplaintPortal.Domain.Supervision;

public enum NoticeStatus
{
    /// <summary>Issued (or sent back); waiting for the department head's answer.</summary>
    Open = 0,

    /// <summary>Answered with cause and fix; waiting for the committee to verify.</summary>
    Answered = 1,

    /// <summary>Verified by the committee and closed.</summary>
    Closed = 2,
}

/// <summary>
/// A rectification notice (通報批評, 限期整改): the findings of one checked case against one department, due
/// within a number of working days on the department's calendar. The head answers with the cause and the
/// fix; the committee closes it or sends it back (the deadline stands). Open past its deadline it is
/// overdue and escalated to leadership once. Every step is also a supervision log line.
/// </summary>
public sealed class RectificationNotice
{
    public const int TextMaxLength = 2000;
    public const int MaxWorkingDays = 60;
    public const int DefaultWorkingDays = 5;
    public const int MaxEvidencePerAnswer = 10;

    private readonly List<CheckResult> findings = [];

    private RectificationNotice()
    {
    }

    internal RectificationNotice(SampledCase sampled, int departmentId, IEnumerable<CheckResult> findings, int workingDays, string calendarCode,
        DateTimeOffset dueAt, ActingUser issuedBy, DateTimeOffset issuedAt)
    {
        SampledCase = sampled;
        ComplaintId = sampled.ComplaintId;
        DepartmentId = departmentId;
        this.findings.AddRange(findings);
        WorkingDays = workingDays;
        CalendarCode = calendarCode;
        DueAt = dueAt;
        IssuedByUserId = issuedBy.UserId;
        IssuedByName = issuedBy.Name;
        IssuedAt = issuedAt;
        Status = NoticeStatus.Open;
    }

    public int Id { get; private set; }

    public int SampledCaseId { get; private set; }

    public SampledCase? SampledCase { get; private set; }

    public int ComplaintId { get; private set; }

    public int DepartmentId { get; private set; }

    public IReadOnlyList<CheckResult> Findings => findings;

    public DateTimeOffset IssuedAt { get; private set; }

    public string IssuedByUserId { get; private set; } = "";

    public string IssuedByName { get; private set; } = "";

    /// <summary>The time limit given, in working days (N 個工作日內).</summary>
    public int WorkingDays { get; private set; }

    /// <summary>The working calendar the deadline was counted on.</summary>
    public string CalendarCode { get; private set; } = "";

    public DateTimeOffset DueAt { get; private set; }

    public NoticeStatus Status { get; private set; }

    /// <summary>The department's latest answer: why it went wrong (原因).</summary>
    public string? Cause { get; private set; }

    /// <summary>The department's latest answer: what it changed (整改措施).</summary>
    public string? Fix { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public string? AnsweredByName { get; private set; }

    public int ReturnCount { get; private set; }

    public string? ReturnReason { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public string? ClosedByName { get; private set; }

    /// <summary>When the overdue notice was escalated to leadership (once).</summary>
    public DateTimeOffset? EscalatedAt { get; private set; }

    /// <summary>Concurrency token: raised by every change.</summary>
    public int Version { get; private set; }

    /// <summary>Open (not answered) past its deadline: the department is late.</summary>
    public bool IsOverdue(DateTimeOffset now) => Status == NoticeStatus.Open && now > DueAt;

    /// <summary>Was (or is) late: escalated, or open past the deadline now.</summary>
    public bool WentOverdue(DateTimeOffset now) => EscalatedAt is not null || IsOverdue(now);

    internal void Answer(string cause, string fix, ActingUser head, DateTimeOffset at)
    {
        Cause = cause;
        Fix = fix;
        AnsweredAt = at;
        AnsweredByName = head.Name;
        Status = NoticeStatus.Answered;
        Version++;
    }

    internal void Close(ActingUser member, DateTimeOffset at)
    {
        Status = NoticeStatus.Closed;
        ClosedAt = at;
        ClosedByName = member.Name;
        Version++;
    }

    internal void SendBack(string reason)
    {
        Status = NoticeStatus.Open;
        ReturnCount++;
        ReturnReason = reason;
        Version++;
    }

    internal void Escalate(DateTimeOffset at)
    {
        EscalatedAt = at;
        Version++;
    }
}
