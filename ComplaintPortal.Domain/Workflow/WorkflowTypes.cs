using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Validation;

namespace ComplaintPortal.Domain.Workflow;

/// <summary>Everything a person can do to a case. The names are stored in the ledger: never rename one.</summary>
public enum WorkflowAction
{
    Register = 0,
    Assess = 1,
    Acknowledge = 2,
    Dispatch = 3,
    ReassignTask = 4,
    RecordFindings = 5,
    ProposeSolution = 6,
    RecordNegotiation = 7,
    RecordImplementation = 8,
    ReportBack = 9,
    Approve = 10,
    ReturnToDepartment = 11,
    Reply = 12,
    CloseSatisfied = 13,
    ReopenUnsatisfied = 14,
    RequestUnsatisfiedClosure = 15,
    ApproveUnsatisfiedClosure = 16,
    RejectUnsatisfiedClosure = 17,
    WaitForCustomer = 18,
    ResumeFromCustomer = 19,
    RecordOtherOrganisation = 20,
    Withdraw = 21,
    MarkInvalid = 22,
    MarkDuplicate = 23,
    Escalate = 24,
    OrderOnSiteInspection = 25,
    AttachEvidence = 26,

    /// <summary>A work note on the case's record (工作备注): seen inside the portal only; nothing else about the case changes.</summary>
    AddNote = 27,

    /// <summary>
    /// Chasing a department's open task (催办): customer service or leadership press for it, and the task's owner and its
    /// department's head are told. Nothing else about the task changes.
    /// </summary>
    ChaseTask = 28,
}

/// <summary>Who may take a step.</summary>
public enum WorkflowActor
{
    /// <summary>Customer service / the complaint room.</summary>
    IntakeClerk = 0,

    /// <summary>A handler or head of a department with a task on the case (of that task, for task steps).</summary>
    TaskDepartment = 1,

    /// <summary>The head of the task's department.</summary>
    TaskDepartmentHead = 2,

    Leadership = 3,
}

/// <summary>Where a step leads.</summary>
public enum NextStageRule
{
    /// <summary>To the stage named in the step.</summary>
    To = 0,

    /// <summary>The stage does not change; the step only records something.</summary>
    Stay = 1,

    /// <summary>To the named stage once every department task has reported back; otherwise stays.</summary>
    ToWhenAllTasksReported = 2,

    /// <summary>Back to the stage the case was in before it started waiting for the customer.</summary>
    BackToPausedStage = 3,
}

/// <summary>Why an action was refused. The Web shows <c>Workflow_Error_{code}</c> from its resources.</summary>
public enum WorkflowError
{
    None = 0,
    CaseNotFound = 1,
    WrongStage = 2,
    NotPermitted = 3,
    ConcurrencyConflict = 4,
    TaskNotFound = 5,
    NoteRequired = 6,
    InputRequired = 7,
    CategoryNotFound = 8,
    DepartmentNotFound = 9,
    AssigneeNotInDepartment = 10,
    TaskAlreadyReported = 11,
    FindingsRequired = 12,
    AlreadyEscalated = 13,
    NotEscalated = 14,
    OriginalNotFound = 15,
    DateInPast = 16,

    /// <summary>A value was refused at the door (too long, control characters, undefined); <see cref="WorkflowResult.Refused"/> names it.</summary>
    InputRefused = 17,

    /// <summary>The organisation has solution types, and the solution step named none.</summary>
    SolutionTypeRequired = 18,

    /// <summary>The solution type is not one of the organisation's active solution types.</summary>
    SolutionTypeNotFound = 19,

    /// <summary>The cause category is not one of the organisation's active cause categories.</summary>
    CauseCategoryNotFound = 20,

    /// <summary>A work note was to tell someone who is not on the case (not of a department with a task on it, nor its recorder).</summary>
    RecipientNotOnCase = 21,
}

/// <summary>The person acting, as the workflow sees them (the Web builds it from the signed-in user).</summary>
public sealed record ActingUser(string UserId, string Name, int? DepartmentId, IReadOnlySet<string> Roles)
{
    public bool IsInRole(string role) => Roles.Contains(role);
}

/// <summary>Evidence already stored by <see cref="EvidenceStore"/>, to be attached to the case.</summary>
public sealed record NewEvidence(string FileName, string ContentType, long SizeBytes, string StoredName, string Sha256);

/// <summary>What an action carries; each step reads the fields it needs and says which are missing.</summary>
public sealed record WorkflowInput
{
    public int? TaskId { get; init; }

    /// <summary>Free text: the reason, message, finding or remark the step records.</summary>
    public string? Note { get; init; }

    public int? CategoryId { get; init; }

    public Severity? Severity { get; init; }

    public Urgency? Urgency { get; init; }

    public IReadOnlyList<int> DepartmentIds { get; init; } = [];

    public DateTimeOffset? Deadline { get; init; }

    public DateTimeOffset? PromisedCompletionAt { get; init; }

    public string? AssigneeUserId { get; init; }

    public string? RootCause { get; init; }

    /// <summary>The category of the root cause (a <see cref="CauseCategory"/> code), at the department's findings step.</summary>
    public string? CauseCategoryCode { get; init; }

    public string? ResponsiblePerson { get; init; }

    public DateOnly? DueDate { get; init; }

    /// <summary>The kind of solution (a <see cref="SolutionType"/> code), at the department's solution step.</summary>
    public string? SolutionTypeCode { get; init; }

    public ReplyChannel? ReplyChannel { get; init; }

    public bool? SatisfiedWithAttitude { get; init; }

    /// <summary>At the callback: other problems or suggestions the customer raised, apart from the remarks in <see cref="Note"/>.</summary>
    public string? Suggestion { get; init; }

    /// <summary>With a work note: the people on the case to tell of it (each gets a notice with the note).</summary>
    public IReadOnlyList<string> NotifyUserIds { get; init; } = [];

    public string? DuplicateOfCaseNumber { get; init; }

    public NewEvidence? Evidence { get; init; }
}

/// <param name="Refused">With <see cref="WorkflowError.InputRefused"/>: the field and why.</param>
public sealed record WorkflowResult(WorkflowError Error, Complaint? Complaint, FieldError? Refused = null)
{
    public bool Succeeded => Error == WorkflowError.None;

    public static WorkflowResult Fail(WorkflowError error) => new(error, null);
}
