using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Workflow;

/// <summary>Dispatch and the department's own work on its task.</summary>
public sealed partial class ComplaintWorkflow
{
    /// <summary>
    /// A rough allowance for forms that suggest a date (e.g. the promised completion time): shorter for
    /// urgent complaints. Task deadlines themselves come from the time-limit policies (<see cref="CaseDeadlines"/>).
    /// </summary>
    public static TimeSpan DefaultTaskTime(Priority priority) => priority switch
    {
        Priority.Urgent => TimeSpan.FromDays(1),
        Priority.General => TimeSpan.FromDays(5),
        _ => throw new ArgumentOutOfRangeException(nameof(priority)),
    };

    private async Task<WorkflowError> DispatchAsync(StepContext c, CancellationToken ct)
    {
        var ids = c.Input.DepartmentIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return WorkflowError.InputRequired;
        }

        // Only departments that can receive work: never a retired one, leadership or oversight.
        var departments = await DepartmentDirectory.ReceivingWorkAsync(db, ids, ct);
        if (departments.Count != ids.Count)
        {
            return WorkflowError.DepartmentNotFound;
        }

        // The dispatcher may set a deadline by hand; otherwise the time-limit policy sets it.
        var plan = await deadlines.PlanTaskAsync(c.Complaint, c.Now, ct);
        var deadline = c.Input.Deadline ?? plan.DueAt;
        if (deadline <= c.Now)
        {
            return WorkflowError.DateInPast;
        }

        foreach (var department in departments)
        {
            var task = new DepartmentTask(department.Id, null, null, deadline, c.Now);
            c.Complaint.AddTask(task);
            deadlines.TrackTask(c.Complaint, task, plan);
            Notify(c, PortalRoles.DepartmentHead, department.Id, NotificationKind.TaskAssigned, department.Code);
        }

        c.LedgerNote = "departments=" + string.Join(",", departments.Select(d => d.Code))
            + "; deadline=" + deadline.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)
            + (c.Input.Note.IsBlank() ? "" : "; " + c.Input.Note);
        return WorkflowError.None;
    }

    private async Task<WorkflowError> ReassignAsync(StepContext c, CancellationToken ct)
    {
        var task = c.RequiredTask;
        if (c.Input.AssigneeUserId.IsBlank())
        {
            return WorkflowError.InputRequired;
        }

        var assignee = await db.Users.AsNoTracking()
            .Where(u => u.Id == c.Input.AssigneeUserId && u.DepartmentId == task.DepartmentId)
            .Select(u => new { u.Id, u.DisplayName })
            .FirstOrDefaultAsync(ct);
        if (assignee is null)
        {
            return WorkflowError.AssigneeNotInDepartment;
        }

        (task.OwnerUserId, task.OwnerName) = (assignee.Id, assignee.DisplayName);
        db.Notifications.Add(Notification.ToPerson(assignee.Id, c.Complaint.Id, NotificationKind.TaskAssigned,
            $"{c.Complaint.CaseNumber}: owner {assignee.DisplayName}".Truncate(Notification.TextMaxLength), c.Now));
        c.LedgerNote = $"owner={assignee.DisplayName}" + (c.Input.Note.IsBlank() ? "" : "; " + c.Input.Note);
        return WorkflowError.None;
    }

    /// <summary>
    /// The solution names its kind from the organisation's active solution types (required once the
    /// organisation has any); the other checks are the department work's own.
    /// </summary>
    private async Task<WorkflowError> ProposeSolutionAsync(StepContext c, CancellationToken ct)
    {
        var error = RecordTaskWork(WorkflowAction.ProposeSolution, c);
        if (error != WorkflowError.None)
        {
            return error;
        }

        var code = c.Input.SolutionTypeCode?.Trim();
        if (code.IsBlank())
        {
            // An organisation without solution types (an empty starter, a custom set-up) does not ask for one.
            return await db.SolutionTypes.AnyAsync(s => s.IsActive, ct) ? WorkflowError.SolutionTypeRequired : WorkflowError.None;
        }

        if (!await db.SolutionTypes.AnyAsync(s => s.Code == code && s.IsActive, ct))
        {
            return WorkflowError.SolutionTypeNotFound;
        }

        c.RequiredTask.SolutionTypeCode = code;
        c.LedgerNote += "; type=" + code;
        return WorkflowError.None;
    }

    /// <summary>
    /// The findings may file the root cause under one of the organisation's active cause categories; none is asked for,
    /// since a first finding may come before the cause is known. Findings recorded again replace the category too.
    /// </summary>
    private async Task<WorkflowError> RecordFindingsAsync(StepContext c, CancellationToken ct)
    {
        var code = c.Input.CauseCategoryCode?.Trim();
        if (!code.IsBlank() && !await db.CauseCategories.AnyAsync(s => s.Code == code && s.IsActive, ct))
        {
            return WorkflowError.CauseCategoryNotFound;
        }

        return RecordTaskWork(WorkflowAction.RecordFindings, c);
    }

    private static WorkflowError RecordTaskWork(WorkflowAction action, StepContext c)
    {
        var task = c.RequiredTask;
        var input = c.Input;
        if (input.Note.IsBlank())
        {
            return WorkflowError.NoteRequired;
        }

        // Whoever records the first piece of work owns the task unless the head assigned someone.
        if (task.OwnerUserId is null)
        {
            (task.OwnerUserId, task.OwnerName) = (c.Actor.UserId, c.Actor.Name);
        }

        switch (action)
        {
            case WorkflowAction.RecordFindings:
                var cause = input.CauseCategoryCode.IsBlank() ? null : input.CauseCategoryCode.Trim();
                (task.Findings, task.RootCause, task.CauseCategoryCode, task.Status) = (input.Note, input.RootCause, cause, DepartmentTaskStatus.Investigating);
                c.LedgerNote = input.Note + (cause is null ? "" : "; cause=" + cause) + (input.RootCause.IsBlank() ? "" : "; root cause: " + input.RootCause);
                break;
            case WorkflowAction.ProposeSolution:
                if (input.ResponsiblePerson.IsBlank() || input.DueDate is null)
                {
                    return WorkflowError.InputRequired;
                }

                (task.SolutionMeasures, task.SolutionResponsible, task.SolutionDueDate, task.SolutionTypeCode, task.Status) =
                    (input.Note, input.ResponsiblePerson, input.DueDate, null, DepartmentTaskStatus.SolutionProposed);
                c.LedgerNote = $"{input.Note}; responsible: {input.ResponsiblePerson}; due {input.DueDate.Value.ToString("O", CultureInfo.InvariantCulture)}";
                break;
            case WorkflowAction.RecordNegotiation:
                task.Negotiation = input.Note;
                break;
            case WorkflowAction.RecordImplementation:
                (task.Implementation, task.Status) = (input.Note, DepartmentTaskStatus.Implemented);
                break;
            case WorkflowAction.ReportBack:
                (task.Feedback, task.Status, task.ReportedAt, task.ReturnReason) = (input.Note, DepartmentTaskStatus.ReportedBack, c.Now, null);
                break;
            default:
                throw new InvalidOperationException($"{action} is not department work.");
        }

        return WorkflowError.None;
    }
}
