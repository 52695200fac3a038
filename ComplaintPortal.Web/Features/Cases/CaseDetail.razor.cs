using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Web.Features.Cases.Steps;
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
    private CaseViewStatus status;
    private CaseView? view;
    private bool conflict;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Parameter]
    public string Number { get; set; } = "";

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        var principal = await PrincipalAsync();
        (status, view) = await InScopeAsync(async sp =>
        {
            var viewer = await sp.GetRequiredService<CaseUsers>().FindAsync(principal);
            return await sp.GetRequiredService<CaseViewReader>().ReadAsync(Number, viewer);
        });
        conflict = false;
        SetStatusCode(status switch
        {
            CaseViewStatus.Found => StatusCodes.Status200OK,
            CaseViewStatus.NotFound => StatusCodes.Status404NotFound,
            CaseViewStatus.Forbidden => StatusCodes.Status403Forbidden,
            _ => throw new InvalidOperationException(),
        });
    }

    private async Task ReloadAsync()
    {
        await LoadAsync();
        Snackbar.Add(CaseText.Detail_Reloaded, MudBlazor.Severity.Info);
    }

    private static Dictionary<int, string> TaskDepartments(CaseView view) =>
        view.Lookups.Departments.ToDictionary(d => d.Id, d => d.DisplayName(CultureInfo.CurrentUICulture));

    /// <summary>Takes one step (or, for evidence, one step per file) as the signed-in user.</summary>
    private async Task<WorkflowError> ExecuteAsync(StepSubmission submission)
    {
        if (view is null)
        {
            return WorkflowError.CaseNotFound;
        }

        // Only a step the page offered: the same AvailableSteps that drew the menu (the workflow checks again).
        if (!view.Steps.Any(s => s.Step.Action == submission.Action && s.Task?.Id == submission.Input.TaskId))
        {
            return await ReportAsync(submission.Action, WorkflowError.NotPermitted);
        }

        var principal = await PrincipalAsync();
        var (id, version) = (view.Complaint.Id, view.Complaint.Version);
        var error = await InScopeAsync(async sp =>
        {
            var actor = await sp.GetRequiredService<CaseUsers>().FindAsync(principal);
            if (actor is null)
            {
                return WorkflowError.NotPermitted;
            }

            var workflow = sp.GetRequiredService<ComplaintWorkflow>();
            if (submission.Action != WorkflowAction.AttachEvidence)
            {
                return (await workflow.ExecuteAsync(id, version, submission.Action, submission.Input, actor)).Error;
            }

            foreach (var file in submission.Files.ToList())
            {
                var result = await workflow.ExecuteAsync(id, version, WorkflowAction.AttachEvidence, submission.Input with { Evidence = file.ToNewEvidence() }, actor);
                if (!result.Succeeded)
                {
                    return result.Error;
                }

                submission.Files.Remove(file);
                version = result.Complaint!.Version;
            }

            return WorkflowError.None;
        });
        return await ReportAsync(submission.Action, error);
    }

    private async Task<WorkflowError> ReportAsync(WorkflowAction action, WorkflowError error)
    {
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
            Snackbar.Add(CaseLabels.Error(error), MudBlazor.Severity.Error);
        }

        return error;
    }
}
