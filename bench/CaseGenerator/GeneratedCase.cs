using ComplaintPortal.Domain.Cases;

namespace CaseGenerator;

internal sealed class GeneratedTask
{
    public int Id { get; set; }

    public required int DepartmentId { get; init; }

    public required string DepartmentCode { get; init; }

    public DateTimeOffset AssignedAt { get; init; }

    public DateTimeOffset Deadline { get; set; }

    /// <summary>The handler who owns the task: assigned by the head, or whoever recorded its first work.</summary>
    public Actor? Owner { get; set; }

    public string? OwnerName => Owner?.Name;

    public DepartmentTaskStatus Status { get; set; }

    public string? Findings { get; set; }

    public string? RootCause { get; set; }

    /// <summary>The cause category the root cause is filed under (原因类别), one of the organisation's.</summary>
    public string? CauseCategoryCode { get; set; }

    public string? Measures { get; set; }

    /// <summary>The kind of solution chosen with the measures (方案类型), one of the organisation's.</summary>
    public string? SolutionTypeCode { get; set; }

    public string? Feedback { get; set; }

    public DateTimeOffset? ReportedAt { get; set; }
}

internal sealed record GeneratedEvent(DateTimeOffset At, string ActorId, string ActorName, int? DepartmentId, string Action, string? From, string? To, string? Note);

/// <summary>One case as the generator made it: the record, its tasks and its ledger in order.</summary>
internal sealed class GeneratedCase
{
    public required string CaseNumber { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The intake clerk who registered the case and does its customer-service steps.</summary>
    public required Actor Clerk { get; init; }

    public required ComplaintChannel Channel { get; init; }

    public required string Name { get; init; }

    public required string Phone { get; init; }

    public string? Email { get; init; }

    public string? Group { get; init; }

    public string? ProductModel { get; init; }

    public string? Batch { get; init; }

    public string? OrderNumber { get; init; }

    public string? Location { get; init; }

    public string? Facility { get; init; }

    public required string Description { get; init; }

    public string? Request { get; init; }

    public int? CategoryId { get; set; }

    public Severity? Severity { get; set; }

    public Urgency? Urgency { get; set; }

    public Priority Priority { get; set; }

    public CaseStage Stage { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public DateTimeOffset? PromisedAt { get; set; }

    public bool IsEscalated { get; set; }

    public DateTimeOffset? EscalatedAt { get; set; }

    public CaseStage? PausedFrom { get; set; }

    public DateTimeOffset? PausedAt { get; set; }

    public bool IsDuplicate { get; set; }

    public ReplyChannel? ReplyChannel { get; set; }

    public string? ReplyText { get; set; }

    public DateTimeOffset? RepliedAt { get; set; }

    public bool? SatisfiedWithResult { get; set; }

    public bool? SatisfiedWithAttitude { get; set; }

    public int ReopenCount { get; set; }

    public string? ClosureReason { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public List<GeneratedTask> Tasks { get; } = [];

    public List<GeneratedEvent> Events { get; } = [];

    public List<GeneratedDeadline> Deadlines { get; } = [];

    public List<GeneratedTransition> Transitions { get; } = [];

    public List<GeneratedNotice> Notices { get; } = [];
}
