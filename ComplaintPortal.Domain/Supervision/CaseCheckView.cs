using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Reporting;

namespace ComplaintPortal.Domain.Supervision;

/// <summary>A pending check in a committee member's queue.</summary>
public sealed record CheckQueueRow(int SampledCaseId, int DrawId, ReportPeriod Period, int ComplaintId, string CaseNumber, int DrawOrder,
    int? DepartmentId, int? CategoryId, CaseRisk Risk, string CheckerName, DateTimeOffset DrawnAt);

/// <summary>What the checker sees about the case without leaving the check page.</summary>
public sealed record CheckedCase(int ComplaintId, string CaseNumber, CaseStage Stage, int? CategoryId, Priority Priority,
    DateTimeOffset ReceivedAt, DateTimeOffset? ClosedAt, int ReopenCount, bool? SatisfiedWithResult, IReadOnlyList<int> TaskDepartmentIds);

/// <summary>One time limit of the case and what became of it, with the due-soon/overdue moments recorded for it.</summary>
public sealed record DeadlineHistoryRow(DeadlineKind Kind, int? DepartmentId, DateTimeOffset StartedAt, DateTimeOffset DueAt,
    DateTimeOffset? MetAt, IReadOnlyList<DeadlineTransition> Transitions)
{
    public bool MetOnTime => MetAt is { } met && met <= DueAt;
}

/// <summary>The check page: the sampled case, its checklist version, the case's ledger verification and deadline history.</summary>
public sealed record CaseCheckView(SampledCase Sampled, SampleDraw Draw, ChecklistVersion Checklist, CheckedCase Case,
    LedgerVerification Ledger, IReadOnlyList<DeadlineHistoryRow> Deadlines, IReadOnlyList<RectificationNotice> Notices,
    int? CustomerServiceDepartmentId)
{
    /// <summary>The departments a failed item can be laid at: customer service and every department with a task.</summary>
    public IReadOnlyList<int> ResponsibleChoices =>
        (CustomerServiceDepartmentId is { } cs ? Case.TaskDepartmentIds.Prepend(cs) : Case.TaskDepartmentIds).Distinct().ToList();
}

/// <summary>One item's answer on the check form.</summary>
public sealed record CheckAnswer(int ChecklistItemId, CheckOutcome? Outcome, string? Remark, int? ResponsibleDepartmentId);
