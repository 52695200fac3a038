namespace ComplaintPortal.Domain.Cases;

/// <summary>
/// One department's share of a case (轉辦單): its own owner, deadline and progress, from the findings
/// through the solution and its implementation to the feedback to customer service.
/// </summary>
public sealed class DepartmentTask
{
    private DepartmentTask()
    {
    }

    internal DepartmentTask(int departmentId, string? ownerUserId, string? ownerName, DateTimeOffset deadline, DateTimeOffset assignedAt)
    {
        DepartmentId = departmentId;
        OwnerUserId = ownerUserId;
        OwnerName = ownerName;
        Deadline = deadline;
        AssignedAt = assignedAt;
        Status = DepartmentTaskStatus.Assigned;
    }

    public int Id { get; private set; }

    public int ComplaintId { get; private set; }

    public int DepartmentId { get; private set; }

    public Organisation.Department? Department { get; private set; }

    public string? OwnerUserId { get; internal set; }

    public string? OwnerName { get; internal set; }

    public DateTimeOffset AssignedAt { get; private set; }

    public DateTimeOffset Deadline { get; internal set; }

    public DepartmentTaskStatus Status { get; internal set; }

    /// <summary>Investigation findings (調查核實).</summary>
    public string? Findings { get; internal set; }

    /// <summary>Root cause (原因分析).</summary>
    public string? RootCause { get; internal set; }

    /// <summary>The category the root cause is filed under (<see cref="CauseCategory"/> code), when given.</summary>
    public string? CauseCategoryCode { get; internal set; }

    public string? SolutionMeasures { get; internal set; }

    /// <summary>The kind of solution (<see cref="SolutionType"/> code: repair, replacement, refund, bill adjustment…), when given.</summary>
    public string? SolutionTypeCode { get; internal set; }

    public string? SolutionResponsible { get; internal set; }

    public DateOnly? SolutionDueDate { get; internal set; }

    /// <summary>Record of the negotiation with the customer (溝通協商), when there was one.</summary>
    public string? Negotiation { get; internal set; }

    public string? Implementation { get; internal set; }

    /// <summary>The department's report back to customer service (處理反饋).</summary>
    public string? Feedback { get; internal set; }

    public DateTimeOffset? ReportedAt { get; internal set; }

    /// <summary>Why customer service or the customer sent it back, if it was.</summary>
    public string? ReturnReason { get; internal set; }

    public bool IsReported => Status == DepartmentTaskStatus.ReportedBack;

    /// <summary>
    /// Whether the task's case is still in work (not at a final stage), kept by <see cref="Board.BoardKeysKeeper"/> in the
    /// same save as every change of the case's stage, so a department's board finds its open cases from this
    /// table's index instead of looking for a task of the department on every open case.
    /// </summary>
    public bool CaseOpen { get; internal set; } = true;

    /// <summary>
    /// The case's place in the board's deadline order (<see cref="Complaint.BoardGroup"/>, null at a final stage), copied
    /// here by <see cref="Board.BoardKeysKeeper"/> in the same save as every change of the case's keys or a new task, so a
    /// department's board pages and counts from this table's index alone.
    /// </summary>
    public Board.BoardGroup? BoardGroup { get; internal set; }

    /// <summary>The case's <see cref="Complaint.BoardDueAt"/> (its next deadline while counting down), kept like <see cref="BoardGroup"/>.</summary>
    public DateTimeOffset? BoardDueAt { get; internal set; }

    /// <summary>The due-soon instant of <see cref="BoardDueAt"/> (the case's <see cref="Complaint.NextDueSoonAt"/> while counting down).</summary>
    public DateTimeOffset? BoardDueSoonAt { get; internal set; }
}
