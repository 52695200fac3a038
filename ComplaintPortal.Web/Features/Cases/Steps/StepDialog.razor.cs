using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ComplaintPortal.Web.Features.Cases.Steps;

public partial class StepDialog
{
    private MudForm? form;
    private bool busy;
    private string? error;
    private string? noteError;
    private string? suggestionError;
    private string? notifyError;
    private string? replyDraft;
    private string? acknowledgementDraft;
    private string? dateError;
    private string? duplicateError;
    private string? departmentsError;
    private string? filesError;
    private string? solutionTypeError;
    private string? causeCategoryError;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter, EditorRequired]
    public WorkflowStep Step { get; set; } = default!;

    /// <summary>The department task a task step acts on.</summary>
    [Parameter]
    public DepartmentTask? ForTask { get; set; }

    [Parameter, EditorRequired]
    public string CaseNumber { get; set; } = "";

    [Parameter]
    public Priority Priority { get; set; }

    [Parameter]
    public CaseLookups Lookups { get; set; } = CaseLookups.Empty;

    [Parameter]
    public IReadOnlyList<int> Proposed { get; set; } = [];

    [Parameter]
    public IReadOnlyList<PortalUser> People { get; set; } = [];

    /// <summary>Case numbers to pick as the original of a duplicate with one click (the same caller's other cases).</summary>
    [Parameter]
    public IReadOnlyList<string> DuplicateCandidates { get; set; } = [];

    /// <summary>Takes the step (the page's handler); the dialog stays open on errors in its own fields.</summary>
    [Parameter, EditorRequired]
    public Func<StepSubmission, Task<WorkflowResult>> Execute { get; set; } = default!;

    public StepForm Form { get; } = new();

    private bool Ends => CaseNextStep.Ends(Step);

    /// <summary>
    /// The department's people by team (班組), each person once, under the first of their teams; the people in no
    /// team come last. Without teams it is one group without a heading.
    /// </summary>
    private IReadOnlyList<(string? Team, IReadOnlyList<PortalUser> People)> AssigneeGroups
    {
        get
        {
            var groups = new List<(string?, IReadOnlyList<PortalUser>)>();
            var placed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var team in Lookups.Teams.Where(t => t.DepartmentId == ForTask?.DepartmentId))
            {
                var members = People.Where(p => team.Members.Any(m => m.UserId == p.Id) && placed.Add(p.Id)).ToList();
                if (members.Count > 0)
                {
                    groups.Add((team.DisplayName(CultureInfo.CurrentUICulture), members));
                }
            }

            var rest = People.Where(p => !placed.Contains(p.Id)).ToList();
            if (rest.Count > 0)
            {
                groups.Add((null, rest));
            }

            return groups;
        }
    }

    /// <summary>A person to tell of a note, with their department (or the case's recorder as such).</summary>
    private string PersonText(PortalUser person) =>
        person.DepartmentId is { } department && Lookups.Departments.FirstOrDefault(d => d.Id == department) is { } d
            ? $"{person.DisplayName} · {d.DisplayName(CultureInfo.CurrentUICulture)}"
            : person.DisplayName;

    private string NameOf(string? id) => People.FirstOrDefault(p => p.Id == id)?.DisplayName ?? "";

    /// <summary>The solution types a department may choose now, in the organisation's order.</summary>
    private IReadOnlyList<SolutionType> ActiveSolutionTypes => [.. Lookups.SolutionTypes.Where(s => s.IsActive).OrderBy(s => s.SortOrder)];

    /// <summary>The cause categories a department may file its root cause under now, in the organisation's order.</summary>
    private IReadOnlyList<CauseCategory> ActiveCauseCategories => [.. Lookups.CauseCategories.Where(s => s.IsActive).OrderBy(s => s.SortOrder)];

    private string Consequence => string.Format(CultureInfo.CurrentCulture,
        CaseText.ResourceManager.GetString("Consequence_" + Step.Action, CultureInfo.CurrentUICulture) ?? CaseText.Consequence_Closed, CaseNumber);

    /// <summary>Errors that are about the case, not about what was typed: the page says them, the dialog closes.</summary>
    public static bool IsAboutTheCase(WorkflowError error) => error is WorkflowError.CaseNotFound or WorkflowError.WrongStage
        or WorkflowError.NotPermitted or WorkflowError.ConcurrencyConflict or WorkflowError.TaskNotFound or WorkflowError.TaskAlreadyReported
        or WorkflowError.AlreadyEscalated or WorkflowError.NotEscalated;

    [Inject]
    private IServiceScopeFactory Scopes { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        switch (Step.Action)
        {
            case WorkflowAction.Acknowledge:
                // The organisation's acknowledgement template, promising the completion deadline the policy computed.
                var draft = await DraftAsync(MessageKind.Acknowledgement, null);
                var promised = draft?.PromisedAt ?? Clock.UtcNow + ComplaintWorkflow.DefaultTaskTime(Priority) + TimeSpan.FromDays(2);
                Form.PromisedCompletionAt = WallClock.ToLocal(promised, Clock);
                Form.Note = acknowledgementDraft = draft?.Body ?? AcknowledgementFallback(promised);
                break;
            case WorkflowAction.Dispatch:
                Form.DepartmentIds.UnionWith(Proposed);
                break;
            case WorkflowAction.Reply:
                Form.ReplyChannel = ReplyChannel.Phone;
                Form.Note = replyDraft = (await DraftAsync(MessageKind.Reply, ReplyChannel.Phone))?.Body;
                break;
            default:
                break;
        }
    }

    private string AcknowledgementFallback(DateTimeOffset promised) =>
        string.Format(CultureInfo.CurrentCulture, CaseText.Detail_AcknowledgementTemplate, CaseNumber, Clock.Format(promised));

    /// <summary>
    /// A new promised completion: the message to the customer, while it is still the template's text, is filled in again
    /// with it, so the customer is not promised one day while the case records another. Text the clerk has changed stays.
    /// </summary>
    private async Task PromisedChangedAsync(DateTime? local)
    {
        Form.PromisedCompletionAt = local;
        if (WallClock.ToInstant(local, Clock) is not { } promised || !IsUntouchedDraft(Form.Note, acknowledgementDraft))
        {
            return;
        }

        var draft = await DraftAsync(MessageKind.Acknowledgement, null, promised);
        Form.Note = acknowledgementDraft = draft?.Body ?? AcknowledgementFallback(promised);
    }

    /// <summary>The text is the draft as it was put in the field, whitespace aside.</summary>
    public static bool IsUntouchedDraft(string? text, string? draft) =>
        !string.IsNullOrWhiteSpace(draft) && string.Equals(Squeezed(text), Squeezed(draft), StringComparison.Ordinal);

    private static string Squeezed(string? text) => string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c)));

    private async Task<CustomerMessageDraft?> DraftAsync(MessageKind kind, ReplyChannel? channel, DateTimeOffset? promisedAt = null)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var language = CustomerMessageBook.LanguageOf(CultureInfo.CurrentUICulture);
        return await scope.ServiceProvider.GetRequiredService<CustomerMessageBook>().DraftAsync(CaseNumber, kind, language, channel, Clock.TimeZone, promisedAt);
    }

    /// <summary>A department with no handler or head account: a task sent there reaches nobody.</summary>
    private bool Unstaffed(int departmentId) => Lookups.StaffedDepartments is { } staffed && !staffed.Contains(departmentId);

    private string DispatchLabel(Department department)
    {
        var name = department.DisplayName(CultureInfo.CurrentUICulture);
        return Unstaffed(department.Id) ? string.Format(CultureInfo.CurrentCulture, CaseText.Step_DepartmentNobody, name) : name;
    }

    private void Choose(int departmentId, bool chosen)
    {
        departmentsError = null;
        if (chosen)
        {
            Form.DepartmentIds.Add(departmentId);
        }
        else
        {
            Form.DepartmentIds.Remove(departmentId);
        }
    }

    private void Cancel() => Dialog.Cancel();

    private async Task SubmitAsync()
    {
        (error, noteError, dateError, duplicateError, departmentsError, filesError, solutionTypeError, causeCategoryError, suggestionError, notifyError) =
            (null, null, null, null, null, null, null, null, null, null);
        await form!.ValidateAsync();
        if (Step.Action == WorkflowAction.Dispatch && Form.DepartmentIds.Count == 0)
        {
            departmentsError = CaseText.Step_ChooseDepartment;
        }

        if (Step.Action == WorkflowAction.AttachEvidence && Form.Files.Count == 0)
        {
            filesError = CaseText.Step_ChooseFile;
        }

        // The reply template leaves the result for the clerk to write ("结果如下：" and a blank line): sent untouched, the
        // customer would read that the complaint was handled and not how.
        if (Step.Action == WorkflowAction.Reply && IsUntouchedDraft(Form.Note, replyDraft))
        {
            noteError = CaseText.Step_ReplyUnchanged;
        }

        if (!form.IsValid || departmentsError is not null || filesError is not null || noteError is not null)
        {
            return;
        }

        busy = true;
        WorkflowResult result;
        try
        {
            result = await Execute(new StepSubmission(Step.Action, Form.ToInput(ForTask?.Id, Clock), Form.Files));
        }
        finally
        {
            busy = false;
        }

        if (result.Succeeded || IsAboutTheCase(result.Error))
        {
            Dialog.Close(DialogResult.Ok(result.Error));
            return;
        }

        // The refusal goes on the field it is about; what belongs to no field shows above the form.
        var message = CaseLabels.Error(result);
        switch (result.Error)
        {
            case WorkflowError.NoteRequired:
                noteError = message;
                break;
            case WorkflowError.DateInPast:
                dateError = message;
                break;
            case WorkflowError.OriginalNotFound:
                duplicateError = message;
                break;
            case WorkflowError.SolutionTypeRequired or WorkflowError.SolutionTypeNotFound:
            case WorkflowError.InputRefused when result.Refused?.Field == WorkflowInputRules.Fields.SolutionType:
                solutionTypeError = message;
                break;
            case WorkflowError.CauseCategoryNotFound:
            case WorkflowError.InputRefused when result.Refused?.Field == WorkflowInputRules.Fields.CauseCategory:
                causeCategoryError = message;
                break;
            case WorkflowError.InputRefused when result.Refused?.Field == WorkflowInputRules.Fields.Note:
                noteError = message;
                break;
            case WorkflowError.InputRefused when result.Refused?.Field == WorkflowInputRules.Fields.DuplicateOf:
                duplicateError = message;
                break;
            case WorkflowError.InputRefused when result.Refused?.Field == WorkflowInputRules.Fields.Suggestion:
                suggestionError = message;
                break;
            case WorkflowError.RecipientNotOnCase:
            case WorkflowError.InputRefused when result.Refused?.Field == WorkflowInputRules.Fields.Notify:
                notifyError = message;
                break;
            default:
                error = message;
                break;
        }
    }
}
