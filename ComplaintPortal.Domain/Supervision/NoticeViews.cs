namespace ComplaintPortal.Domain.Supervision;

/// <summary>A notice in a list.</summary>
public sealed record NoticeRow(int Id, int ComplaintId, string CaseNumber, int DepartmentId, NoticeStatus Status, DateTimeOffset IssuedAt,
    DateTimeOffset DueAt, DateTimeOffset? EscalatedAt, int FindingCount, int ReturnCount)
{
    public bool IsOverdue(DateTimeOffset now) => Status == NoticeStatus.Open && now > DueAt;
}

/// <summary>
/// A notice still running, for a department's live board: its due instant counts down like a case's.
/// <see cref="Status"/> tells an unanswered notice (the department's move) from one waiting for verification.
/// </summary>
public sealed record OpenNotice(int NoticeId, int ComplaintId, string CaseNumber, NoticeStatus Status, DateTimeOffset IssuedAt, DateTimeOffset DueAt,
    bool IsEscalated);

/// <summary>One finding on a notice: the item as worded in the checked version, and the checker's remark.</summary>
public sealed record NoticeFinding(ChecklistItem Item, string? Remark);

/// <summary>The notice page: the notice, its findings, its history from the supervision log, and what the viewer may do.</summary>
public sealed record NoticeView(RectificationNotice Notice, string CaseNumber, IReadOnlyList<NoticeFinding> Findings,
    IReadOnlyList<SupervisionLogEntry> History, bool MayAnswer, bool MayVerify)
{
    /// <summary>The files the department gave with its answers, oldest first.</summary>
    public IReadOnlyList<NoticeEvidence> Evidence { get; init; } = [];

    /// <summary>The working calendar's name as the administrator gave it (the notice stores its code).</summary>
    public string? CalendarName { get; init; }
}
