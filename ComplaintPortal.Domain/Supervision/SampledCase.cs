namespace ComplaintPortal.Domain.Supervision;

/// <summary>Risks that make a handled case more likely to be drawn when the draw is weighted to risk.</summary>
[Flags]
public enum CaseRisk
{
    None = 0,
    Urgent = 1,
    Reopened = 2,
    Overdue = 4,
    UnsatisfiedCallback = 8,
    ClosedWithLeadershipApproval = 16,
}

public enum CheckStatus
{
    Pending = 0,
    Completed = 1,

    /// <summary>The draw was discarded before this case was checked.</summary>
    Cancelled = 2,
}

public enum CheckOutcome
{
    Pass = 0,
    Fail = 1,
    NotApplicable = 2,
}

/// <summary>
/// A case drawn into a sample and its check against the draw's checklist version: who checks it, and once
/// completed, one <see cref="CheckResult"/> per item. A completed check is not edited again.
/// </summary>
public sealed class SampledCase
{
    private readonly List<CheckResult> results = [];

    private SampledCase()
    {
    }

    internal SampledCase(int complaintId, int drawOrder, int? stratumDepartmentId, int? stratumCategoryId, CaseRisk risk, int weight,
        string checkerUserId, string checkerName)
    {
        ComplaintId = complaintId;
        DrawOrder = drawOrder;
        StratumDepartmentId = stratumDepartmentId;
        StratumCategoryId = stratumCategoryId;
        Risk = risk;
        Weight = weight;
        CheckerUserId = checkerUserId;
        CheckerName = checkerName;
        CheckStatus = CheckStatus.Pending;
    }

    public int Id { get; private set; }

    public int SampleDrawId { get; private set; }

    public SampleDraw? Draw { get; private set; }

    public int ComplaintId { get; private set; }

    /// <summary>1, 2, 3… in the order the cases were drawn.</summary>
    public int DrawOrder { get; private set; }

    public int? StratumDepartmentId { get; private set; }

    public int? StratumCategoryId { get; private set; }

    public CaseRisk Risk { get; private set; }

    /// <summary>The weight it was drawn with (1 unless the draw was weighted to risk).</summary>
    public int Weight { get; private set; }

    public string CheckerUserId { get; private set; } = "";

    public string CheckerName { get; private set; } = "";

    public CheckStatus CheckStatus { get; private set; }

    public DateTimeOffset? CheckedAt { get; private set; }

    public string? CheckedByName { get; private set; }

    /// <summary>Concurrency token: two members completing the same check cannot both win.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<CheckResult> Results => results;

    internal void AssignTo(string checkerUserId, string checkerName)
    {
        CheckerUserId = checkerUserId;
        CheckerName = checkerName;
        Version++;
    }

    internal void Cancel()
    {
        CheckStatus = CheckStatus.Cancelled;
        Version++;
    }

    internal void Complete(IEnumerable<CheckResult> outcome, string checkedByName, DateTimeOffset at)
    {
        results.AddRange(outcome);
        CheckStatus = CheckStatus.Completed;
        CheckedAt = at;
        CheckedByName = checkedByName;
        Version++;
    }
}

/// <summary>One checklist item's result; a failed item is a finding (發現問題) against its responsible department.</summary>
public sealed class CheckResult
{
    public const int RemarkMaxLength = 1000;

    private CheckResult()
    {
    }

    internal CheckResult(ChecklistItem item, CheckOutcome outcome, string? remark, int? responsibleDepartmentId)
    {
        ChecklistItemId = item.Id;
        ItemCode = item.Code;
        Outcome = outcome;
        Remark = remark;
        ResponsibleDepartmentId = outcome == CheckOutcome.Fail ? responsibleDepartmentId : null;
    }

    public int Id { get; private set; }

    public int SampledCaseId { get; private set; }

    public int ChecklistItemId { get; private set; }

    /// <summary>The item's stable code, so figures add up across checklist versions.</summary>
    public string ItemCode { get; private set; } = "";

    public CheckOutcome Outcome { get; private set; }

    public string? Remark { get; private set; }

    public int? ResponsibleDepartmentId { get; private set; }

    public int? RectificationNoticeId { get; internal set; }

    public bool IsFinding => Outcome == CheckOutcome.Fail;
}
