using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Reporting;

namespace ComplaintPortal.Domain.Supervision;

/// <summary>What the committee's queue of checks is sorted by.</summary>
public enum CheckQueueOrder
{
    /// <summary>The draw's period, then the order its cases were drawn in.</summary>
    Draw = 0,

    /// <summary>The case number.</summary>
    Case = 1,
}

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

    /// <summary>
    /// What became of the time limit by the end of a case that ended at <paramref name="caseEndedAt"/> (null: still open).
    /// A limit the case ended without meeting was missed only if it fell due before the end (as the sample's overdue risk
    /// counts it); one that was not yet due stopped with the case (withdrawn, invalid, duplicate, or closed without it).
    /// </summary>
    public DeadlineOutcome OutcomeBy(DateTimeOffset? caseEndedAt) => (MetAt, caseEndedAt) switch
    {
        ({ }, _) => MetOnTime ? DeadlineOutcome.OnTime : DeadlineOutcome.Late,
        (null, null) => DeadlineOutcome.Open,
        (null, { } ended) => DueAt < ended ? DeadlineOutcome.MissedBeforeTheEnd : DeadlineOutcome.StoppedWithTheCase,
    };
}

/// <summary>What became of one time limit (<see cref="DeadlineHistoryRow.OutcomeBy"/>).</summary>
public enum DeadlineOutcome
{
    OnTime = 0,
    Late = 1,
    Open = 2,
    MissedBeforeTheEnd = 3,
    StoppedWithTheCase = 4,
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
