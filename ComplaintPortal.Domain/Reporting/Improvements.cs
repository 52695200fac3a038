using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Validation;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Reporting;

/// <summary>Why an improvement action's step was refused. The Web shows <c>Improve_Error_{code}</c> from its resources.</summary>
public enum ImprovementError
{
    None = 0,
    NotPermitted = 1,
    NotFound = 2,
    WrongState = 3,
    ConcurrencyConflict = 4,

    /// <summary>A value was missing or refused; <see cref="ImprovementResult.Refused"/> names the field.</summary>
    InputRefused = 5,
}

/// <summary>Why a field was refused: the problems of <see cref="TextRules"/>, or these.</summary>
public enum ImprovementProblem
{
    Text = 0,
    Required = 1,
    DepartmentReceivesNoWork = 2,
    DateInPast = 3,
    DateTooFar = 4,
}

/// <param name="Field">One of <see cref="Improvements.Fields"/>.</param>
/// <param name="Text">With <see cref="ImprovementProblem.Text"/>: what <see cref="TextRules"/> refused.</param>
public sealed record ImprovementFieldError(string Field, ImprovementProblem Problem, FieldError? Text = null);

public sealed record ImprovementResult(ImprovementError Error, ImprovementAction? Action = null, ImprovementFieldError? Refused = null)
{
    public bool Succeeded => Error == ImprovementError.None;
}

/// <summary>What whoever raises an action fills in; <paramref name="Source"/> and <paramref name="StatisticsAddress"/> come from the hot spot.</summary>
/// <param name="SourceComplaintId">Raised from a case's callback suggestion: the case (kept only when it has one).</param>
public sealed record ImprovementDraft(string? Title, string Source, string? StatisticsAddress, int? DepartmentId, DateOnly? DueDate, string? Plan,
    int? SourceComplaintId = null);

/// <summary>One line of the actions' list.</summary>
public sealed record ImprovementRow(int Id, string Title, string Source, string? StatisticsAddress, int DepartmentId, DateOnly DueDate, string Plan,
    ImprovementStatus Status, string RaisedByName, DateTimeOffset RaisedAt, string? DoneNote, string? ReturnReason, int Version);

/// <summary>How the list is ordered.</summary>
public enum ImprovementOrder
{
    DueDate = 0,
    RaisedAt = 1,
}

/// <summary>
/// Improvement and prevention actions raised from the statistics' hot spots and tracked to completion (DOMAIN.md, 統計分析:
/// "feeding improvement and prevention actions that are themselves tracked to completion"). Leadership and the supervision
/// committee raise them for a department that receives work, verify them or send them back; the department's head reports
/// them done. A department's handlers and head see their own department's; nobody else sees any.
/// </summary>
public sealed class Improvements(PortalDbContext db, TimeProvider time)
{
    /// <summary>The furthest ahead a date may be set: a year.</summary>
    public const int MaxDaysAhead = 366;

    public static class Fields
    {
        public const string Title = "title";
        public const string Department = "department";
        public const string DueDate = "dueDate";
        public const string Plan = "plan";
        public const string Note = "note";
    }

    /// <summary>Raises, verifies and sends back actions: leadership and the supervision committee.</summary>
    public static bool MayRaise(ActingUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(PortalRoles.Leadership) || user.IsInRole(PortalRoles.Supervisor);
    }

    public static bool MaySee(ImprovementAction action, ActingUser user)
    {
        ArgumentNullException.ThrowIfNull(action);
        return MayRaise(user) || OwnDepartment(user) == action.DepartmentId;
    }

    /// <summary>Reports an open action done: the head of the department that owns it.</summary>
    public static bool MayReport(ImprovementAction action, ActingUser user)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(PortalRoles.DepartmentHead) && user.DepartmentId == action.DepartmentId;
    }

    private static int? OwnDepartment(ActingUser user) =>
        user.IsInRole(PortalRoles.DepartmentHead) || user.IsInRole(PortalRoles.DepartmentHandler) ? user.DepartmentId : null;

    public async Task<ImprovementResult> RaiseAsync(ImprovementDraft draft, ActingUser by, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(zone);
        if (!MayRaise(by))
        {
            return new(ImprovementError.NotPermitted);
        }

        var title = draft.Title?.Trim();
        var plan = draft.Plan?.Trim();
        var today = Today(zone);
        ImprovementProblem? dateProblem = draft.DueDate is not { } due ? ImprovementProblem.Required
            : due < today ? ImprovementProblem.DateInPast
            : due > today.AddDays(MaxDaysAhead) ? ImprovementProblem.DateTooFar
            : null;
        var refused = Text(Fields.Title, title, ImprovementAction.TitleMaxLength, TextShape.SingleLine)
            ?? (draft.DepartmentId is null ? new ImprovementFieldError(Fields.Department, ImprovementProblem.Required) : null)
            ?? (dateProblem is { } problem ? new ImprovementFieldError(Fields.DueDate, problem) : null)
            ?? Text(Fields.Plan, plan, ImprovementAction.TextMaxLength, TextShape.MultiLine);
        // The source and the address come from the page, not from a person: the source is made one clean line that fits its
        // column, and an address that is not one of the statistics page's is dropped.
        var source = TextRules.ToOneLine(draft.Source ?? "", ImprovementAction.SourceMaxLength);
        var address = draft.StatisticsAddress is { } a && a.StartsWith("/reports/statistics", StringComparison.Ordinal)
            && TextRules.Check(a, ImprovementAction.SourceMaxLength, TextShape.SingleLine) == InputProblem.None ? a : null;
        if (refused is null && (await DepartmentDirectory.ReceivingWorkAsync(db, [draft.DepartmentId!.Value], cancellationToken)).Count == 0)
        {
            refused = new(Fields.Department, ImprovementProblem.DepartmentReceivesNoWork);
        }

        if (refused is not null)
        {
            return new(ImprovementError.InputRefused, Refused: refused);
        }

        var fromCase = draft.SourceComplaintId is { } complaintId
            && await db.Complaints.AnyAsync(c => c.Id == complaintId && c.CallbackSuggestion != null, cancellationToken) ? draft.SourceComplaintId : null;
        var now = time.GetUtcNow();
        var action = new ImprovementAction(title!, source, address, draft.DepartmentId!.Value, draft.DueDate!.Value, plan!, by, now, fromCase);
        // The head's notice names the action, which has its id once saved: both in one transaction, so neither stands alone.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ImprovementActions.Add(action);
        db.ImprovementLog.Add(new ImprovementLogEntry(action, ImprovementEvent.Raised, by.Name, now, plan));
        await db.SaveChangesAsync(cancellationToken);
        db.Notifications.Add(ImprovementNotices.Raised(action, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(ImprovementError.None, action);
    }

    /// <summary>The department's head reports the action done, saying what was done; leadership and the committee are told.</summary>
    public Task<ImprovementResult> ReportDoneAsync(int id, int expectedVersion, string? note, ActingUser by, CancellationToken cancellationToken = default) =>
        StepAsync(id, expectedVersion, by, ImprovementStatus.Open, MayReport, note, true, (action, text, now) =>
        {
            action.ReportDone(text!, by, now);
            db.ImprovementLog.Add(new ImprovementLogEntry(action, ImprovementEvent.ReportedDone, by.Name, now, text));
            db.Notifications.AddRange(ImprovementNotices.ReportedDone(action, now));
        }, cancellationToken);

    /// <summary>Whoever may raise actions verifies one reported done, and it is closed.</summary>
    public Task<ImprovementResult> VerifyAsync(int id, int expectedVersion, ActingUser by, CancellationToken cancellationToken = default) =>
        StepAsync(id, expectedVersion, by, ImprovementStatus.Done, (_, user) => MayRaise(user), null, false, (action, _, now) =>
        {
            action.Verify(by, now);
            db.ImprovementLog.Add(new ImprovementLogEntry(action, ImprovementEvent.Verified, by.Name, now, null));
        }, cancellationToken);

    /// <summary>Whoever may raise actions sends one reported done back to the department, saying why; its date stands, and the head is told.</summary>
    public Task<ImprovementResult> SendBackAsync(int id, int expectedVersion, string? reason, ActingUser by, CancellationToken cancellationToken = default) =>
        StepAsync(id, expectedVersion, by, ImprovementStatus.Done, (_, user) => MayRaise(user), reason, true, (action, text, now) =>
        {
            action.SendBack(text!, now);
            db.ImprovementLog.Add(new ImprovementLogEntry(action, ImprovementEvent.SentBack, by.Name, now, text));
            db.Notifications.Add(ImprovementNotices.SentBack(action, now));
        }, cancellationToken);

    /// <summary>One page of the actions the viewer may see, optionally in one state or only those overdue, with how many there are.</summary>
    public async Task<(IReadOnlyList<ImprovementRow> Rows, int Total)> PageAsync(ActingUser viewer, ImprovementStatus? status, bool overdueOnly,
        TimeZoneInfo zone, ImprovementOrder order, bool descending, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(zone);
        var actions = Visible(viewer);
        if (status is { } s)
        {
            actions = actions.Where(a => a.Status == s);
        }

        if (overdueOnly)
        {
            var today = Today(zone);
            actions = actions.Where(a => a.Status == ImprovementStatus.Open && a.DueDate < today);
        }

        var total = await actions.CountAsync(cancellationToken);
        var ordered = order switch
        {
            ImprovementOrder.RaisedAt => descending ? actions.OrderByDescending(a => a.Id) : actions.OrderBy(a => a.Id),
            _ => descending ? actions.OrderByDescending(a => a.DueDate).ThenByDescending(a => a.Id) : actions.OrderBy(a => a.DueDate).ThenBy(a => a.Id),
        };
        var rows = await ordered.Skip(skip).Take(take)
            .Select(a => new ImprovementRow(a.Id, a.Title, a.Source, a.StatisticsAddress, a.DepartmentId, a.DueDate, a.Plan, a.Status, a.RaisedByName, a.RaisedAt,
                a.DoneNote, a.ReturnReason, a.Version))
            .ToListAsync(cancellationToken);
        return (rows, total);
    }

    /// <summary>How many of the actions the viewer sees are in progress, how many of those are past their date, and how many wait to be verified.</summary>
    public async Task<(int Open, int Overdue, int Done)> CountsAsync(ActingUser viewer, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(zone);
        var today = Today(zone);
        var counts = await Visible(viewer).Where(a => a.Status != ImprovementStatus.Verified)
            .GroupBy(a => a.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Overdue = g.Count(a => a.DueDate < today) })
            .ToListAsync(cancellationToken);
        var open = counts.FirstOrDefault(c => c.Status == ImprovementStatus.Open);
        return (open?.Count ?? 0, open?.Overdue ?? 0, counts.FirstOrDefault(c => c.Status == ImprovementStatus.Done)?.Count ?? 0);
    }

    /// <summary>An action's history, oldest first; empty when the viewer may not see the action.</summary>
    public async Task<IReadOnlyList<ImprovementLogEntry>> HistoryAsync(int id, ActingUser viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!await Visible(viewer).AnyAsync(a => a.Id == id, cancellationToken))
        {
            return [];
        }

        return await db.ImprovementLog.AsNoTracking().Where(e => e.ActionId == id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The organisation's date now.</summary>
    public DateOnly Today(TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);

    private IQueryable<ImprovementAction> Visible(ActingUser viewer)
    {
        var actions = db.ImprovementActions.AsNoTracking();
        if (MayRaise(viewer))
        {
            return actions;
        }

        var own = OwnDepartment(viewer);
        return own is null ? actions.Where(_ => false) : actions.Where(a => a.DepartmentId == own);
    }

    private async Task<ImprovementResult> StepAsync(int id, int expectedVersion, ActingUser by, ImprovementStatus from,
        Func<ImprovementAction, ActingUser, bool> may, string? text, bool needsText, Action<ImprovementAction, string?, DateTimeOffset> apply,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        var action = await db.ImprovementActions.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (action is null || !MaySee(action, by))
        {
            return new(ImprovementError.NotFound);
        }

        if (!may(action, by))
        {
            return new(ImprovementError.NotPermitted);
        }

        if (action.Version != expectedVersion)
        {
            return new(ImprovementError.ConcurrencyConflict);
        }

        if (action.Status != from)
        {
            return new(ImprovementError.WrongState);
        }

        // A step that takes words (reported done, sent back) needs them.
        text = text?.Trim();
        if (needsText && Text(Fields.Note, text, ImprovementAction.TextMaxLength, TextShape.MultiLine) is { } refused)
        {
            return new(ImprovementError.InputRefused, Refused: refused);
        }

        apply(action, text, time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new(ImprovementError.ConcurrencyConflict);
        }

        return new(ImprovementError.None, action);
    }

    private static ImprovementFieldError? Text(string field, string? value, int maxLength, TextShape shape)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return new(field, ImprovementProblem.Required);
        }

        var problem = TextRules.Check(value, maxLength, shape);
        return problem == InputProblem.None ? null : new(field, ImprovementProblem.Text, new FieldError(field, problem, maxLength));
    }
}
