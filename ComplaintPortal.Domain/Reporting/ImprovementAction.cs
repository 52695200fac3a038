using ComplaintPortal.Domain.Workflow;

namespace ComplaintPortal.Domain.Reporting;

public enum ImprovementStatus
{
    /// <summary>Raised (or sent back); the department is working on it.</summary>
    Open = 0,

    /// <summary>The department reported it done; waiting for whoever raised such actions to verify it.</summary>
    Done = 1,

    /// <summary>Verified and closed.</summary>
    Verified = 2,
}

/// <summary>
/// An improvement or prevention action (改进与预防措施) raised from the statistics' hot spots (举一反三): what is to be
/// improved, which department owns it and by when, the plan, and where it came from. The department reports it done;
/// leadership or the supervision committee verifies it or sends it back with a reason, so it is tracked to completion.
/// </summary>
public sealed class ImprovementAction
{
    public const int TitleMaxLength = 200;
    public const int SourceMaxLength = 300;
    public const int TextMaxLength = 2000;

    private ImprovementAction()
    {
    }

    internal ImprovementAction(string title, string source, string? statisticsAddress, int departmentId, DateOnly dueDate, string plan, ActingUser by,
        DateTimeOffset at, int? sourceComplaintId = null)
    {
        Title = title;
        Source = source;
        StatisticsAddress = statisticsAddress;
        SourceComplaintId = sourceComplaintId;
        DepartmentId = departmentId;
        DueDate = dueDate;
        Plan = plan;
        RaisedByUserId = by.UserId;
        RaisedByName = by.Name;
        RaisedAt = at;
        StepAt = at;
        Status = ImprovementStatus.Open;
    }

    public int Id { get; private set; }

    /// <summary>What is to be improved or prevented.</summary>
    public string Title { get; private set; } = "";

    /// <summary>The hot spot it was raised from, in the words of whoever raised it (the period, the breakdown, the line and its rise).</summary>
    public string Source { get; private set; } = "";

    /// <summary>The statistics page it was raised from (its period and section), to go back to the figures.</summary>
    public string? StatisticsAddress { get; private set; }

    /// <summary>The case whose customer suggested it at the callback, when raised from a suggestion (the suggestion then shows it).</summary>
    public int? SourceComplaintId { get; private set; }

    public int DepartmentId { get; private set; }

    /// <summary>The date it is to be done by, in the organisation's calendar.</summary>
    public DateOnly DueDate { get; private set; }

    /// <summary>The measures planned.</summary>
    public string Plan { get; private set; } = "";

    public ImprovementStatus Status { get; private set; }

    public string RaisedByUserId { get; private set; } = "";

    public string RaisedByName { get; private set; } = "";

    public DateTimeOffset RaisedAt { get; private set; }

    /// <summary>What the department did, as it reported it done.</summary>
    public string? DoneNote { get; private set; }

    public string? DoneByName { get; private set; }

    public DateTimeOffset? DoneAt { get; private set; }

    /// <summary>Why the last report was sent back, while the department works on it again.</summary>
    public string? ReturnReason { get; private set; }

    public string? VerifiedByName { get; private set; }

    public DateTimeOffset? VerifiedAt { get; private set; }

    /// <summary>
    /// When it last changed state (raised, reported done, sent back, verified): the notices about it from before then no longer
    /// wait on anyone (a send-back's notice replaces the raised one; a second report's, the first).
    /// </summary>
    public DateTimeOffset StepAt { get; private set; }

    /// <summary>When the department's head and leadership were told it is still open after its date (once).</summary>
    public DateTimeOffset? OverdueNoticeAt { get; private set; }

    /// <summary>Concurrency token: raised by every change.</summary>
    public int Version { get; private set; }

    /// <summary>Still open after its date.</summary>
    public bool IsOverdueOn(DateOnly today) => Status == ImprovementStatus.Open && DueDate < today;

    internal void ReportDone(string note, ActingUser by, DateTimeOffset at)
    {
        (DoneNote, DoneByName, DoneAt, Status, StepAt) = (note, by.Name, at, ImprovementStatus.Done, at);
        Version++;
    }

    internal void Verify(ActingUser by, DateTimeOffset at)
    {
        (VerifiedByName, VerifiedAt, Status, ReturnReason, StepAt) = (by.Name, at, ImprovementStatus.Verified, null, at);
        Version++;
    }

    internal void MarkOverdueNoticed(DateTimeOffset at)
    {
        OverdueNoticeAt = at;
        Version++;
    }

    internal void SendBack(string reason, DateTimeOffset at)
    {
        (ReturnReason, Status, StepAt) = (reason, ImprovementStatus.Open, at);
        Version++;
    }
}

/// <summary>What happened to an improvement action.</summary>
public enum ImprovementEvent
{
    Raised = 0,
    ReportedDone = 1,
    SentBack = 2,
    Verified = 3,

    /// <summary>Still open after its date: the head and leadership were told.</summary>
    Overdue = 4,
}

/// <summary>
/// One step in an improvement action's history, only ever added: who did what and when, with the words they gave (the
/// plan, what was done, why it was sent back). The action keeps only its latest report and reason; this keeps them all.
/// </summary>
public sealed class ImprovementLogEntry
{
    private ImprovementLogEntry()
    {
    }

    internal ImprovementLogEntry(ImprovementAction action, ImprovementEvent what, string byName, DateTimeOffset at, string? note)
    {
        Action = action;
        What = what;
        ByName = byName;
        At = at;
        Note = note;
    }

    public long Id { get; private set; }

    public int ActionId { get; private set; }

    internal ImprovementAction? Action { get; private set; }

    public ImprovementEvent What { get; private set; }

    /// <summary>Who took the step, by name (the portal itself for an overdue notice).</summary>
    public string ByName { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    public string? Note { get; private set; }
}
