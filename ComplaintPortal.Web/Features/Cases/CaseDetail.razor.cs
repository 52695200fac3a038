using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Privacy;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Web.Features.Cases.Steps;
using ComplaintPortal.Web.Features.Privacy;
using ComplaintPortal.Web.Hosting;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ComplaintPortal.Web.Features.Cases;

/// <summary>
/// The case page. Each workflow step runs here, in-process: the step dialog hands its input to
/// <see cref="ExecuteAsync"/>, which calls the workflow in its own scope with the version the page
/// was read at, so a step on a case someone else changed meanwhile is refused and the page offers a reload.
/// </summary>
public partial class CaseDetail
{
    private readonly PageViewOnce personalDataViews = new();
    private bool loaded;
    private CaseView? view;
    private ArchivedCaseFile? archived;
    private bool conflict;

    /// <summary>The case whose notices this page has marked read (opening another case marks its own).</summary>
    private string? noticesReadFor;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private OrganisationClock Clock { get; set; } = default!;

    [Parameter]
    public string Number { get; set; } = "";

    /// <summary>The case whose unmasked view the prerender logged, so the interactive run does not log the same look again.</summary>
    [PersistentState]
    public string? PersonalDataLoggedAtPrerender
    {
        get => personalDataViews.Prerendered;
        set => personalDataViews.Prerendered = value;
    }

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        var principal = await PrincipalAsync();
        view = await InScopeAsync(async sp =>
        {
            var viewer = await sp.GetRequiredService<CaseUsers>().FindAsync(principal);
            var read = await sp.GetRequiredService<CaseViewReader>().ReadAsync(Number, viewer);
            if (read is { WorksIt: true } && viewer is not null && personalDataViews.IsNewView(Number, RendererInfo.IsInteractive))
            {
                await sp.GetRequiredService<PersonalDataViews>().RecordAsync(viewer, read.Complaint.Id, read.Complaint.CaseNumber,
                    PersonalDataViewKind.CasePage, null, ViewerAddress.Of(sp));
            }

            // Opened (in the circuit, not by the prerender): the reader's notices about the case are read, once per visit.
            if (read is not null && viewer is not null && RendererInfo.IsInteractive && noticesReadFor != Number)
            {
                noticesReadFor = Number;
                await sp.GetRequiredService<NoticeBook>().MarkCaseReadAsync(viewer, read.Complaint.Id, Clock.UtcNow);
            }

            // An archived case is read only through the archive; whoever worked it is told where its file went.
            archived = read is null ? await sp.GetRequiredService<CaseViewReader>().ArchivedFileAsync(Number, viewer) : null;
            return read;
        });
        (loaded, conflict) = (true, false);
        if (view is null && archived is null)
        {
            // (A 404 gives way to the portal's not-found page; an archived case's notice is an ordinary answer.)
            SetStatusCode(StatusCodes.Status404NotFound);
        }
    }

    private async Task ReloadAsync()
    {
        await LoadAsync();
        Snackbar.Add(CaseText.Detail_Reloaded, MudBlazor.Severity.Info);
    }

    private static Dictionary<int, string> TaskDepartments(CaseView view) =>
        view.Lookups.Departments.ToDictionary(d => d.Id, d => d.DisplayName(CultureInfo.CurrentUICulture));

    /// <summary>Takes one step (or, for evidence, one step per file) as the signed-in user.</summary>
    private async Task<WorkflowResult> ExecuteAsync(StepSubmission submission)
    {
        if (view is null)
        {
            return WorkflowResult.Fail(WorkflowError.CaseNotFound);
        }

        // Only a step the page offered: the same AvailableSteps that drew the menu (the workflow checks again).
        if (!view.Steps.Any(s => s.Step.Action == submission.Action && s.Task?.Id == submission.Input.TaskId))
        {
            return await ReportAsync(submission.Action, WorkflowResult.Fail(WorkflowError.NotPermitted));
        }

        var principal = await PrincipalAsync();
        var (id, version) = (view.Complaint.Id, view.Complaint.Version);
        var outcome = await InScopeAsync(async sp =>
        {
            var actor = await sp.GetRequiredService<CaseUsers>().FindAsync(principal);
            if (actor is null)
            {
                return WorkflowResult.Fail(WorkflowError.NotPermitted);
            }

            var workflow = sp.GetRequiredService<ComplaintWorkflow>();
            if (submission.Action != WorkflowAction.AttachEvidence)
            {
                return await workflow.ExecuteAsync(id, version, submission.Action, submission.Input, actor);
            }

            var last = WorkflowResult.Fail(WorkflowError.InputRequired);
            foreach (var file in submission.Files.ToList())
            {
                last = await workflow.ExecuteAsync(id, version, WorkflowAction.AttachEvidence, submission.Input with { Evidence = file.ToNewEvidence() }, actor);
                if (!last.Succeeded)
                {
                    return last;
                }

                submission.Files.Remove(file);
                version = last.Complaint!.Version;
            }

            return last;
        });
        return await ReportAsync(submission.Action, outcome);
    }

    private async Task<WorkflowResult> ReportAsync(WorkflowAction action, WorkflowResult outcome)
    {
        var error = outcome.Error;
        if (error == WorkflowError.None)
        {
            Snackbar.Add(string.Format(CultureInfo.CurrentCulture, CaseText.Detail_ActionDone, CaseLabels.Action(action)), MudBlazor.Severity.Success);
            await LoadAsync();
            StateHasChanged();
        }
        else if (error == WorkflowError.ConcurrencyConflict)
        {
            conflict = true;
            Snackbar.Add(CaseText.Detail_Changed, MudBlazor.Severity.Warning);
            StateHasChanged();
        }
        else if (StepDialog.IsAboutTheCase(error))
        {
            Snackbar.Add(CaseLabels.Error(outcome), MudBlazor.Severity.Error);
        }

        return outcome;
    }
}
