using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Web.Features.Cases.EvidenceFiles;
using ComplaintPortal.Web.Hosting;

namespace ComplaintPortal.Web.Features.Cases.Steps;

/// <summary>What a step dialog asks for; each step uses the fields its row of the workflow table records.</summary>
public sealed class StepForm
{
    public string? Note { get; set; }

    public int? CategoryId { get; set; }

    public Severity? Severity { get; set; }

    public Urgency? Urgency { get; set; }

    public HashSet<int> DepartmentIds { get; } = [];

    /// <summary>Wall-clock time in the organisation's zone, as the person typed it.</summary>
    public DateTime? Deadline { get; set; }

    /// <summary>Wall-clock time in the organisation's zone.</summary>
    public DateTime? PromisedCompletionAt { get; set; }

    public string? AssigneeUserId { get; set; }

    public string? RootCause { get; set; }

    /// <summary>The cause category's code (the department's findings step).</summary>
    public string? CauseCategoryCode { get; set; }

    public string? ResponsiblePerson { get; set; }

    public DateTime? DueDate { get; set; }

    /// <summary>The solution type's code (the department's solution step).</summary>
    public string? SolutionTypeCode { get; set; }

    public ReplyChannel? ReplyChannel { get; set; }

    public bool? SatisfiedWithAttitude { get; set; }

    /// <summary>At the callback: other problems or suggestions the customer raised.</summary>
    public string? Suggestion { get; set; }

    public string? DuplicateOf { get; set; }

    /// <summary>With a work note: whom to tell.</summary>
    public IReadOnlyCollection<string> Notify { get; set; } = [];

    public List<StagedEvidence> Files { get; } = [];

    public WorkflowInput ToInput(int? taskId, OrganisationClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new()
        {
            TaskId = taskId,
            Note = Text(Note),
            CategoryId = CategoryId,
            Severity = Severity,
            Urgency = Urgency,
            DepartmentIds = [.. DepartmentIds.Order()],
            Deadline = WallClock.ToInstant(Deadline, clock),
            PromisedCompletionAt = WallClock.ToInstant(PromisedCompletionAt, clock),
            AssigneeUserId = Text(AssigneeUserId),
            RootCause = Text(RootCause),
            CauseCategoryCode = Text(CauseCategoryCode),
            ResponsiblePerson = Text(ResponsiblePerson),
            DueDate = DueDate is { } due ? DateOnly.FromDateTime(due) : null,
            SolutionTypeCode = Text(SolutionTypeCode),
            ReplyChannel = ReplyChannel,
            SatisfiedWithAttitude = SatisfiedWithAttitude,
            Suggestion = Text(Suggestion),
            DuplicateOfCaseNumber = Text(DuplicateOf),
            NotifyUserIds = [.. Notify],
        };
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>
/// One step as the dialog hands it to the page: the input and, for evidence, the staged files (the
/// handler removes each file it attaches; the dialog's picker discards the rest when it closes).
/// </summary>
public sealed record StepSubmission(WorkflowAction Action, WorkflowInput Input, List<StagedEvidence> Files);

public enum NoteUse
{
    None = 0,
    Optional = 1,
    Required = 2,
}

/// <summary>How each step's free text is asked for: whether the domain requires it, and what it is called.</summary>
public static class StepNotes
{
    public static NoteUse Use(WorkflowAction action) => action switch
    {
        WorkflowAction.Register or WorkflowAction.ReassignTask or WorkflowAction.AttachEvidence => NoteUse.None,
        WorkflowAction.Assess or WorkflowAction.Dispatch or WorkflowAction.Approve or WorkflowAction.ResumeFromCustomer
            or WorkflowAction.CloseSatisfied or WorkflowAction.ReopenUnsatisfied or WorkflowAction.MarkDuplicate or WorkflowAction.ChaseTask => NoteUse.Optional,
        _ => NoteUse.Required,
    };

    public static string Label(WorkflowAction action) => action switch
    {
        WorkflowAction.Acknowledge or WorkflowAction.Reply => Resources.CaseText.StepNote_Message,
        WorkflowAction.RecordFindings => Resources.CaseText.Field_Findings,
        WorkflowAction.ProposeSolution => Resources.CaseText.StepNote_Measures,
        WorkflowAction.RecordNegotiation => Resources.CaseText.Field_Negotiation,
        WorkflowAction.RecordImplementation => Resources.CaseText.Field_Implementation,
        WorkflowAction.ReportBack => Resources.CaseText.Field_Feedback,
        WorkflowAction.CloseSatisfied or WorkflowAction.ReopenUnsatisfied or WorkflowAction.RequestUnsatisfiedClosure => Resources.CaseText.StepNote_Remarks,
        WorkflowAction.WaitForCustomer => Resources.CaseText.StepNote_Awaited,
        WorkflowAction.ResumeFromCustomer => Resources.CaseText.StepNote_Answer,
        WorkflowAction.RecordOtherOrganisation => Resources.CaseText.StepNote_OtherOrganisation,
        WorkflowAction.OrderOnSiteInspection => Resources.CaseText.StepNote_Inspection,
        WorkflowAction.AddNote => Resources.CaseText.StepNote_WorkNote,
        WorkflowAction.ChaseTask => Resources.CaseText.StepNote_Chase,
        WorkflowAction.Assess or WorkflowAction.Dispatch or WorkflowAction.Approve or WorkflowAction.MarkDuplicate => Resources.CaseText.StepNote_Remark,
        _ => Resources.CaseText.StepNote_Reason,
    };

    /// <summary>What the field says under it, where the step needs saying more than its label does.</summary>
    public static string? Hint(WorkflowAction action) => action switch
    {
        WorkflowAction.AddNote => Resources.CaseText.StepNote_WorkNoteHint,
        WorkflowAction.ChaseTask => Resources.CaseText.StepNote_ChaseHint,
        _ => null,
    };
}
