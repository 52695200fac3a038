using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Workflow;

/// <summary>What each case-level step changes on the case.</summary>
public sealed partial class ComplaintWorkflow
{
    private async Task<WorkflowError> ApplyAsync(WorkflowStep step, StepContext c, CancellationToken ct)
    {
        var complaint = c.Complaint;
        var input = c.Input;
        switch (step.Action)
        {
            case WorkflowAction.Register:
                // Registration creates the case; it goes through ComplaintIntake, never through a step.
                return WorkflowError.WrongStage;
            case WorkflowAction.Assess:
                return await AssessAsync(c, ct);
            case WorkflowAction.Acknowledge:
                return Acknowledge(c);
            case WorkflowAction.Dispatch:
                return await DispatchAsync(c, ct);
            case WorkflowAction.ReassignTask:
                return await ReassignAsync(c, ct);
            case WorkflowAction.ProposeSolution:
                return await ProposeSolutionAsync(c, ct);
            case WorkflowAction.RecordFindings:
                return await RecordFindingsAsync(c, ct);
            case WorkflowAction.RecordNegotiation:
            case WorkflowAction.RecordImplementation:
            case WorkflowAction.ReportBack:
                return RecordTaskWork(step.Action, c);
            case WorkflowAction.Approve:
                return WorkflowError.None;
            case WorkflowAction.ReturnToDepartment:
                if (input.Note.IsBlank())
                {
                    return WorkflowError.NoteRequired;
                }

                Reopen(c.RequiredTask, input.Note!);
                NotifyTaskOwner(c, c.RequiredTask, NotificationKind.ReturnedToDepartment, input.Note!);
                return WorkflowError.None;
            case WorkflowAction.Reply:
                if (input.ReplyChannel is null || input.Note.IsBlank())
                {
                    return WorkflowError.InputRequired;
                }

                (complaint.ReplyChannel, complaint.ReplyText, complaint.RepliedAt) = (input.ReplyChannel, input.Note, c.Now);
                c.LedgerNote = $"[{input.ReplyChannel}] {input.Note}";
                SendReply(c);
                return WorkflowError.None;
            case WorkflowAction.CloseSatisfied:
                RecordCallback(c, satisfied: true);
                return WorkflowError.None;
            case WorkflowAction.ReopenUnsatisfied:
                RecordCallback(c, satisfied: false);
                complaint.ReopenCount++;
                foreach (var task in complaint.Tasks)
                {
                    Reopen(task, input.Note ?? "");
                    NotifyTaskOwner(c, task, NotificationKind.ReturnedToDepartment, input.Note ?? "callback: unsatisfied");
                }

                return WorkflowError.None;
            case WorkflowAction.RequestUnsatisfiedClosure:
                if (input.Note.IsBlank())
                {
                    return WorkflowError.NoteRequired;
                }

                RecordCallback(c, satisfied: false);
                Notify(c, PortalRoles.Leadership, null, NotificationKind.ClosureApprovalRequested, input.Note!);
                return WorkflowError.None;
            case WorkflowAction.ApproveUnsatisfiedClosure:
                if (input.Note.IsBlank())
                {
                    return WorkflowError.NoteRequired;
                }

                complaint.ClosureReason = input.Note;
                return WorkflowError.None;
            case WorkflowAction.RejectUnsatisfiedClosure:
                if (input.Note.IsBlank())
                {
                    return WorkflowError.NoteRequired;
                }

                complaint.ReopenCount++;
                foreach (var task in complaint.Tasks)
                {
                    Reopen(task, input.Note!);
                    NotifyTaskOwner(c, task, NotificationKind.ReturnedToDepartment, input.Note!);
                }

                return WorkflowError.None;
            case WorkflowAction.WaitForCustomer:
                (complaint.PausedFromStage, complaint.PausedAt) = (complaint.Stage, c.Now);
                return input.Note.IsBlank() ? WorkflowError.NoteRequired : WorkflowError.None;
            case WorkflowAction.ResumeFromCustomer:
                return WorkflowError.None;
            case WorkflowAction.RecordOtherOrganisation:
                if (input.Note.IsBlank())
                {
                    return WorkflowError.NoteRequired;
                }

                complaint.OtherOrganisation = input.Note;
                return WorkflowError.None;
            case WorkflowAction.Withdraw:
            case WorkflowAction.MarkInvalid:
                if (input.Note.IsBlank())
                {
                    return WorkflowError.NoteRequired;
                }

                complaint.ClosureReason = input.Note;
                return WorkflowError.None;
            case WorkflowAction.MarkDuplicate:
                return await MarkDuplicateAsync(c, ct);
            case WorkflowAction.Escalate:
                if (input.Note.IsBlank())
                {
                    return WorkflowError.NoteRequired;
                }

                Escalate(c, input.Note!);
                return WorkflowError.None;
            case WorkflowAction.OrderOnSiteInspection:
                if (input.Note.IsBlank())
                {
                    return WorkflowError.NoteRequired;
                }

                complaint.OnSiteInspectionOrder = input.Note;
                Notify(c, PortalRoles.IntakeClerk, null, NotificationKind.OnSiteInspectionOrdered, input.Note!);
                return WorkflowError.None;
            case WorkflowAction.AttachEvidence:
                if (input.Evidence is not { } file)
                {
                    return WorkflowError.InputRequired;
                }

                complaint.AddEvidence(new Evidence(file.FileName, file.ContentType, file.SizeBytes, file.StoredName, file.Sha256, c.Actor.UserId, c.Now));
                c.LedgerNote = string.Create(CultureInfo.InvariantCulture, $"{file.FileName} ({file.ContentType}, {file.SizeBytes} B, sha256 {file.Sha256})");
                return WorkflowError.None;
            case WorkflowAction.ChaseTask:
                NotifyTaskOwner(c, c.RequiredTask, NotificationKind.TaskChased, ChaseNotices.Text(c.Actor.Name, input.Note));
                return WorkflowError.None;
            case WorkflowAction.AddNote:
                return input.Note.IsBlank() ? WorkflowError.NoteRequired : await TellOfNoteAsync(c, ct);
            default:
                throw new InvalidOperationException($"No rule for step {step.Action}.");
        }
    }

    private async Task<WorkflowError> AssessAsync(StepContext c, CancellationToken ct)
    {
        var input = c.Input;
        if (input.CategoryId is null || input.Severity is null || input.Urgency is null)
        {
            return WorkflowError.InputRequired;
        }

        var category = await db.Categories.AsNoTracking().FirstOrDefaultAsync(x => x.Id == input.CategoryId && x.IsActive, ct);
        if (category is null)
        {
            return WorkflowError.CategoryNotFound;
        }

        var complaint = c.Complaint;
        complaint.CategoryId = category.Id;
        complaint.Severity = input.Severity;
        complaint.Urgency = input.Urgency;
        complaint.Priority = CaseStages.PriorityFor(input.Urgency.Value);
        c.LedgerNote = $"category={category.Code}; severity={input.Severity}; urgency={input.Urgency}; priority={complaint.Priority}"
            + (input.Note.IsBlank() ? "" : "; " + input.Note);
        if (input.Urgency == Cases.Urgency.Urgent && input.Severity == Cases.Severity.Serious && !complaint.IsEscalated)
        {
            // The emergency procedure: serious urgent complaints go to leadership at once.
            const string reason = "urgent + serious";
            Escalate(c, reason);
            // An escalation caused by another step gets its own ledger line after that step's.
            c.FollowUps.Add(chain => chain.Append(c.Now, c.Actor.UserId, c.Actor.Name, c.Actor.DepartmentId,
                nameof(WorkflowAction.Escalate), nameof(CaseStage.Assessed), nameof(CaseStage.Assessed), reason));
        }

        return WorkflowError.None;
    }

    private WorkflowError Acknowledge(StepContext c)
    {
        var input = c.Input;
        if (input.PromisedCompletionAt is null || input.Note.IsBlank())
        {
            return WorkflowError.InputRequired;
        }

        if (input.PromisedCompletionAt <= c.Now)
        {
            return WorkflowError.DateInPast;
        }

        var complaint = c.Complaint;
        complaint.PromisedCompletionAt = input.PromisedCompletionAt;
        complaint.AcknowledgedAt = c.Now;
        // Without an e-mail address the message goes to the pick-up adapter (letter, SMS gateway, counter).
        var recipient = complaint.Complainant.Email ?? complaint.Complainant.Phone ?? "";
        db.OutboxMessages.Add(new OutboxMessage(complaint.Id, recipient, complaint.CaseNumber, input.Note!, c.Now));
        c.LedgerNote = $"promised={input.PromisedCompletionAt.Value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)}; {input.Note}";
        return WorkflowError.None;
    }

    /// <summary>A reply by SMS or e-mail goes through the outbox like the acknowledgement; by phone, letter or in person it is only recorded.</summary>
    private void SendReply(StepContext c)
    {
        var complaint = c.Complaint;
        var recipient = c.Input.ReplyChannel switch
        {
            ReplyChannel.Sms => complaint.Complainant.Phone,
            ReplyChannel.Email => complaint.Complainant.Email,
            _ => null,
        };
        if (!string.IsNullOrWhiteSpace(recipient))
        {
            db.OutboxMessages.Add(new OutboxMessage(complaint.Id, recipient, complaint.CaseNumber, c.Input.Note!, c.Now));
        }
    }

    private async Task<WorkflowError> MarkDuplicateAsync(StepContext c, CancellationToken ct)
    {
        var number = c.Input.DuplicateOfCaseNumber?.Trim();
        if (number.IsBlank())
        {
            return WorkflowError.InputRequired;
        }

        var originalId = await db.Complaints.AsNoTracking()
            .Where(x => x.CaseNumber == number && x.Id != c.Complaint.Id)
            .Select(x => (int?)x.Id)
            .FirstOrDefaultAsync(ct);
        if (originalId is null)
        {
            return WorkflowError.OriginalNotFound;
        }

        c.Complaint.DuplicateOfId = originalId;
        c.LedgerNote = $"duplicate of {number}" + (c.Input.Note.IsBlank() ? "" : "; " + c.Input.Note);
        return WorkflowError.None;
    }

    private void Escalate(StepContext c, string reason)
    {
        c.Complaint.IsEscalated = true;
        c.Complaint.EscalatedAt = c.Now;
        Notify(c, PortalRoles.Leadership, null, NotificationKind.Escalated, reason);
    }

    private static void RecordCallback(StepContext c, bool satisfied)
    {
        var complaint = c.Complaint;
        complaint.SatisfiedWithResult = satisfied;
        complaint.SatisfiedWithAttitude = c.Input.SatisfiedWithAttitude;
        complaint.CallbackRemarks = c.Input.Note;
        // A later callback that raises nothing new keeps what an earlier one raised (a reopened case is called back again).
        if (!c.Input.Suggestion.IsBlank())
        {
            complaint.CallbackSuggestion = c.Input.Suggestion;
        }

        c.LedgerNote = CallbackNotes.Write(satisfied, c.Input.SatisfiedWithAttitude, c.Input.Suggestion, c.Input.Note);
    }

    /// <summary>
    /// A work note's notice to each person named (not the writer): someone of a department with a task on the case, or whoever
    /// recorded it. Anyone else is refused, so a note never reaches someone who cannot open the case.
    /// </summary>
    private async Task<WorkflowError> TellOfNoteAsync(StepContext c, CancellationToken ct)
    {
        var ids = c.Input.NotifyUserIds.Where(id => id != c.Actor.UserId).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return WorkflowError.None;
        }

        var departments = c.Complaint.Tasks.Select(t => t.DepartmentId).Distinct().ToList();
        var recorder = c.Complaint.RecordedByUserId;
        var onCase = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id) && (u.Id == recorder || (u.DepartmentId != null && departments.Contains(u.DepartmentId.Value))))
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        if (onCase.Count != ids.Count)
        {
            return WorkflowError.RecipientNotOnCase;
        }

        // The ledger keeps whom it told, in the order chosen.
        c.LedgerNote = WorkNotes.Write([.. ids.Select(id => onCase.Single(u => u.Id == id).DisplayName)], c.Input.Note!);

        var text = $"{c.Complaint.CaseNumber}: {ChaseNotices.Text(c.Actor.Name, c.Input.Note)}".Truncate(Notification.TextMaxLength);
        foreach (var id in ids)
        {
            db.Notifications.Add(Notification.ToPerson(id, c.Complaint.Id, NotificationKind.WorkNote, text, c.Now));
        }

        return WorkflowError.None;
    }

    private static void Reopen(DepartmentTask task, string reason)
    {
        task.Status = DepartmentTaskStatus.Investigating;
        task.ReportedAt = null;
        task.ReturnReason = reason;
    }
}
