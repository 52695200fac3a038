using System.Globalization;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Web.Features.Cases.EvidenceFiles;
using ComplaintPortal.Web.Hosting;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Features.Cases.Timeline;

/// <summary>Turns stored ledger events into <see cref="LedgerLine"/>s in the current UI culture.</summary>
public sealed class LedgerNarrative(OrganisationClock clock, CaseLookups lookups)
{
    public LedgerLine Tell(LedgerEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var facts = LedgerNoteReader.Read(e.Action, e.Note);
        var details = new List<LedgerDetail>();
        Describe(facts, details);
        var department = e.DepartmentId is null ? null : lookups.Department(e.DepartmentId);
        // Written under the task's department, not the actor's: the title names the department, the line only who acted.
        var onTask = Enum.TryParse<WorkflowAction>(e.Action, out var step) && Enum.IsDefined(step) && OnAnotherDepartmentsTask(step);
        var title = onTask ? string.Format(CultureInfo.CurrentCulture, CaseText.Actions_ForDepartment, CaseLabels.Action(step), department) : Title(e.Action, facts);
        return new LedgerLine(e, KindOf(e.Action), title, StageChange(e), clock.Format(e.OccurredAt), Actor(e), onTask ? null : department, details, facts.Text);
    }

    /// <summary>
    /// A step on a department's task that only customer service or leadership take (a chase, a return to the department): the
    /// ledger files it under the task's department, which is not the actor's.
    /// </summary>
    private static bool OnAnotherDepartmentsTask(WorkflowAction action) =>
        WorkflowTable.For(action) is { IsTaskStep: true } step && step.Actors.All(a => a is WorkflowActor.IntakeClerk or WorkflowActor.Leadership);

    public static LedgerKind KindOf(string action)
    {
        if (!Enum.TryParse<WorkflowAction>(action, out var step))
        {
            // Deadlines, DeadlineDueSoon, DeadlineOverdue.
            return LedgerKind.Deadlines;
        }

        return step switch
        {
            WorkflowAction.AttachEvidence => LedgerKind.Evidence,
            WorkflowAction.AddNote => LedgerKind.Notes,
            WorkflowAction.Acknowledge or WorkflowAction.Reply or WorkflowAction.CloseSatisfied or WorkflowAction.ReopenUnsatisfied
                or WorkflowAction.RequestUnsatisfiedClosure or WorkflowAction.WaitForCustomer or WorkflowAction.ResumeFromCustomer
                or WorkflowAction.Withdraw => LedgerKind.Customer,
            WorkflowAction.Escalate or WorkflowAction.OrderOnSiteInspection or WorkflowAction.ApproveUnsatisfiedClosure
                or WorkflowAction.RejectUnsatisfiedClosure => LedgerKind.Leadership,
            _ => LedgerKind.Steps,
        };
    }

    public static string KindName(LedgerKind kind) => kind switch
    {
        LedgerKind.Steps => CaseText.Timeline_Kind_Steps,
        LedgerKind.Customer => CaseText.Timeline_Kind_Customer,
        LedgerKind.Deadlines => CaseText.Timeline_Kind_Deadlines,
        LedgerKind.Evidence => CaseText.Timeline_Kind_Evidence,
        LedgerKind.Leadership => CaseText.Timeline_Kind_Leadership,
        LedgerKind.Notes => CaseText.Timeline_Kind_Notes,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string DeadlineName(DeadlineKind kind) =>
        DeadlineText.ResourceManager.GetString("Kind_" + kind, CultureInfo.CurrentUICulture) ?? "";

    private string Deadline(DeadlineFact d) => d.Kind == DeadlineKind.DepartmentTask && d.DepartmentId is { } department
        ? string.Format(CultureInfo.CurrentCulture, DeadlineText.Deadlines_Task, lookups.Department(department))
        : DeadlineName(d.Kind);

    private string Title(string action, LedgerFacts facts)
    {
        if (action == DeadlineMonitor.LedgerActionFor(DeadlineLevel.DueSoon) || action == DeadlineMonitor.LedgerActionFor(DeadlineLevel.Overdue))
        {
            var template = action == DeadlineMonitor.LedgerActionFor(DeadlineLevel.Overdue) ? CaseText.Timeline_DeadlineOverdue : CaseText.Timeline_DeadlineDueSoon;
            var subject = facts.Deadlines.Count == 1 ? Deadline(facts.Deadlines[0]) : CaseText.Timeline_Deadline;
            return string.Format(CultureInfo.CurrentCulture, template, subject);
        }

        if (action == LedgerNoteReader.DeadlinesAction)
        {
            return facts switch
            {
                { Recomputed: true } => CaseText.Timeline_DeadlinesRecomputed,
                { Reopened: true } => CaseText.Timeline_DeadlinesRestarted,
                { PausedFrom: not null } => CaseText.Timeline_DeadlinesMoved,
                _ => CaseText.Timeline_DeadlinesSet,
            };
        }

        if (facts.AutomaticEscalation)
        {
            return CaseText.Timeline_AutomaticEscalation;
        }

        if (facts.OverdueEscalation)
        {
            return CaseText.Timeline_OverdueEscalation;
        }

        // A note is named for what it is, not for the button that wrote it.
        return Enum.TryParse<WorkflowAction>(action, out var step)
            ? step == WorkflowAction.AddNote ? CaseText.Timeline_WorkNote : CaseLabels.Action(step)
            : CaseText.Timeline_OtherEntry;
    }

    private static string? StageChange(LedgerEvent e) =>
        e.FromStage is { } from && e.ToStage is { } to && from != to
            ? string.Format(CultureInfo.CurrentCulture, CaseText.Timeline_StageChange, CaseLabels.Stage(from), CaseLabels.Stage(to))
            : null;

    private static string Actor(LedgerEvent e) => e.ActorUserId == DeadlineMonitor.ActorId ? CaseText.Timeline_DeadlineMonitor : e.ActorName;

    private string? When(DeadlineFact d) => d switch
    {
        { DueAt: { } due, Before: { } before } => string.Format(CultureInfo.CurrentCulture, CaseText.Timeline_Moved, clock.Format(before), clock.Format(due)),
        { DueAt: { } due } => clock.Format(due),
        _ => CaseText.Deadlines_OverdueShort,
    };

    private void Describe(LedgerFacts f, List<LedgerDetail> details)
    {
        void Add(string label, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                details.Add(new(label, value));
            }
        }

        Add(CaseText.Field_CaseNumber, f.CaseNumber);
        Add(CaseText.Field_Channel, f.Channel is { } channel ? CaseLabels.Channel(channel) : null);
        Add(CaseText.Field_Category, f.CategoryCode is { } code ? lookups.CategoryByCode(code) : null);
        Add(CaseText.Field_Severity, CaseLabels.Severity(f.Severity));
        Add(CaseText.Field_Urgency, CaseLabels.Urgency(f.Urgency));
        Add(CaseText.Field_Priority, f.Priority is { } priority ? CaseLabels.Priority(priority) : null);
        Add(CaseText.Field_PromisedCompletion, f.PromisedAt is { } promised ? clock.Format(promised) : null);
        Add(CaseText.Field_Departments, f.DepartmentCodes.Count == 0 ? null : string.Join(CaseText.Common_ListSeparator, f.DepartmentCodes.Select(lookups.DepartmentByCode)));
        Add(CaseText.Field_Deadline, f.TaskDeadline is { } deadline ? clock.Format(deadline) : null);
        Add(CaseText.Field_Assignee, f.Owner);
        Add(CaseText.Field_CauseCategory, f.CauseCategoryCode is { } cause ? lookups.CauseCategoryByCode(cause) : null);
        Add(CaseText.Field_RootCause, f.RootCause);
        Add(CaseText.Field_ResponsiblePerson, f.ResponsiblePerson);
        Add(CaseText.Field_DueDate, f.DueDate?.ToString("D", CultureInfo.CurrentCulture));
        Add(CaseText.Field_SolutionType, f.SolutionTypeCode is { } type ? lookups.SolutionTypeByCode(type) : null);
        Add(CaseText.Field_ReplyChannel, f.ReplyChannel is { } reply ? CaseLabels.ReplyChannel(reply) : null);
        Add(CaseText.Field_SatisfiedResult, YesNo(f.Satisfied));
        Add(CaseText.Field_SatisfiedAttitude, YesNo(f.SatisfiedWithAttitude));
        Add(CaseText.Field_Suggestion, f.Suggestion);
        Add(CaseText.Timeline_Told, f.Told.Count == 0 ? null : string.Join(CaseText.Common_ListSeparator, f.Told));
        Add(CaseText.Field_DuplicateOf, f.DuplicateOf);
        if (f.File is { } file)
        {
            Add(CaseText.Field_File, string.Format(CultureInfo.CurrentCulture, CaseText.Evidence_Summary, file.FileName,
                EvidenceText.KindName(EvidenceKinds.Of(file.ContentType)), EvidenceText.Size(file.SizeBytes)));
            Add(CaseText.Evidence_Fingerprint, file.Sha256);
        }

        if (f.PausedFrom is { } pausedFrom && f.PausedUntil is { } pausedUntil)
        {
            Add(CaseText.Timeline_Paused, string.Format(CultureInfo.CurrentCulture, CaseText.Timeline_FromTo, clock.Format(pausedFrom), clock.Format(pausedUntil)));
        }

        foreach (var d in f.Deadlines)
        {
            Add(Deadline(d), When(d));
        }

        if (f.StillProvisional)
        {
            Add(CaseText.Timeline_Provisional, CaseText.Timeline_ProvisionalExplained);
        }
    }

    private static string? YesNo(bool? value) => value switch
    {
        true => CaseText.Common_Yes,
        false => CaseText.Common_No,
        null => null,
    };
}
