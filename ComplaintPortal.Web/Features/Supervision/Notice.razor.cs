using System.Globalization;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Web.Features.Cases.EvidenceFiles;
using ComplaintPortal.Web.Hosting;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ComplaintPortal.Web.Features.Supervision;

public sealed partial class Notice
{
    private readonly List<StagedEvidence> staged = [];
    private NoticeView? view;
    private SupervisionNames names = SupervisionNames.Empty;
    private string? cause;
    private string? fix;
    private string? reason;
    private bool answerAttempted;
    private bool returnAttempted;
    private bool loaded;
    private bool busy;

    [Parameter]
    public int Id { get; set; }

    [Inject]
    private OrganisationClock Clock { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private string Title => view is null ? "" : string.Format(CultureInfo.CurrentCulture, SupervisionText.Notice_Title, view.CaseNumber,
        names.Department(view.Notice.DepartmentId));

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        var actor = await ActingUserAsync();
        (view, names) = actor is null
            ? (null, SupervisionNames.Empty)
            : await InScopeAsync(async sp => (await sp.GetRequiredService<RectificationNotices>().FindAsync(Id, actor),
                await SupervisionNames.LoadAsync(sp.GetRequiredService<Domain.Persistence.PortalDbContext>())));
        loaded = true;
        if (view is null)
        {
            SetStatusCode(StatusCodes.Status404NotFound);
            return;
        }

        cause ??= view.Notice.Cause;
        fix ??= view.Notice.Fix;
    }

    // Blank fields are named on themselves when a button is pressed; the request goes only once they are filled.
    private bool CauseMissing => answerAttempted && string.IsNullOrWhiteSpace(cause);

    private bool FixMissing => answerAttempted && string.IsNullOrWhiteSpace(fix);

    private bool ReasonMissing => returnAttempted && string.IsNullOrWhiteSpace(reason);

    private async Task AnswerAsync()
    {
        answerAttempted = true;
        if (CauseMissing || FixMissing)
        {
            return;
        }

        var files = staged.Select(f => f.ToNewEvidence()).ToList();
        // Once attached, the picker must not discard the files when the answer form goes away.
        await ActAsync(async (sp, actor) => await sp.GetRequiredService<RectificationNotices>().AnswerAsync(Id, view!.Notice.Version, cause, fix, actor, files),
            SupervisionText.Notice_Answered, staged.Clear);
    }

    private async Task VerifyAsync(bool accept)
    {
        returnAttempted = !accept;
        if (ReasonMissing)
        {
            return;
        }

        await ActAsync(async (sp, actor) => await sp.GetRequiredService<RectificationNotices>().VerifyAsync(Id, view!.Notice.Version, accept, reason, actor),
            accept ? SupervisionText.Notice_Closed : SupervisionText.Notice_Returned);
        reason = null;
    }

    private async Task ActAsync(Func<IServiceProvider, Domain.Workflow.ActingUser, Task<SupervisionResult<RectificationNotice>>> action, string done,
        Action? succeeded = null)
    {
        if (view is null)
        {
            return;
        }

        busy = true;
        try
        {
            var actor = await ActingUserAsync();
            var result = actor is null
                ? SupervisionResult<RectificationNotice>.Fail(SupervisionError.NotPermitted)
                : await InScopeAsync(sp => action(sp, actor));
            if (result.Succeeded)
            {
                succeeded?.Invoke();
                Snackbar.Add(done, Severity.Success);
                await LoadAsync();
            }
            else
            {
                Snackbar.Add(SupervisionLabels.Error(result.Error), Severity.Error);
            }
        }
        finally
        {
            busy = false;
        }
    }
}
