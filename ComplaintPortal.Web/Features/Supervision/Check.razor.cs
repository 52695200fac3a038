using System.Globalization;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Web.Components.Controls;
using ComplaintPortal.Web.Hosting;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using ComplaintPortal.Web.Features.Localization;

namespace ComplaintPortal.Web.Features.Supervision;

public sealed partial class Check
{
    private static readonly Func<int, string?> WorkingDaysValidation = NumberRange.Validation(1, RectificationNotice.MaxWorkingDays);

    private readonly Dictionary<int, AnswerForm> answers = [];
    private CaseCheckView? view;
    private SupervisionNames names = SupervisionNames.Empty;
    private int workingDays = RectificationNotice.DefaultWorkingDays;
    private bool loaded;
    private bool busy;
    private bool attempted;

    /// <summary>Who is looking: the check may be given to another member.</summary>
    private string? viewerId;

    /// <summary>The member's next check and how many of theirs wait besides this one: the page leads on once this one is done.</summary>
    private (int? Id, int Waiting) next;

    /// <summary>The check the form was filled for: moving on to the next check (the same page, another id) starts it empty.</summary>
    private int shownId;

    [Parameter]
    public int Id { get; set; }

    [Inject]
    private OrganisationClock Clock { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The notice's working days are only read when an item fails; then they must be 1 to the maximum.</summary>
    private bool WorkingDaysValid =>
        !answers.Values.Any(a => a.Outcome == CheckOutcome.Fail) || NumberRange.Contains(workingDays, 1, RectificationNotice.MaxWorkingDays);

    private string Title => string.Format(CultureInfo.CurrentCulture, SupervisionText.Check_Title, view?.Case.CaseNumber);

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        if (shownId != Id)
        {
            answers.Clear();
            (workingDays, attempted, shownId) = (RectificationNotice.DefaultWorkingDays, false, Id);
        }

        var actor = await ActingUserAsync();
        viewerId = actor?.UserId;
        (view, names, next) = actor is null
            ? (null, SupervisionNames.Empty, (null, 0))
            : await InScopeAsync(async sp =>
            {
                var checking = sp.GetRequiredService<CaseChecking>();
                var opened = await checking.OpenAsync(Id, actor);
                // Opened over the circuit by the member it was given to: the notices saying the draw's checks were given to them
                // are read, as they are when the queue opens (the check may be reached from the draw's page, never the queue).
                if (opened?.Sampled.CheckerUserId == actor.UserId && RendererInfo.IsInteractive)
                {
                    await sp.GetRequiredService<Domain.Notifications.NoticeBook>().MarkChecksGivenReadAsync(actor, opened.Sampled.SampleDrawId, Clock.UtcNow);
                }

                return (opened, await SupervisionNames.LoadAsync(sp.GetRequiredService<Domain.Persistence.PortalDbContext>()),
                    await checking.NextAsync(actor, Id));
            });
        loaded = true;
        if (view is null)
        {
            SetStatusCode(StatusCodes.Status404NotFound);
            return;
        }

        foreach (var item in view.Checklist.Items)
        {
            answers.TryAdd(item.Id, new AnswerForm());
        }
    }

    /// <summary>
    /// A spot check changed: the count of checks waiting may have, and this one may have been completed by another member or
    /// cancelled with its draw. Then the form gives way to what happened, and the member is told their answers were not sent.
    /// </summary>
    private async Task CheckChangedAsync(SpotCheckChange change)
    {
        if (view is null || busy)
        {
            return;
        }

        var pending = view.Sampled.CheckStatus == CheckStatus.Pending;
        await LoadAsync();
        if (pending && view?.Sampled.CheckStatus is CheckStatus.Completed or CheckStatus.Cancelled)
        {
            Snackbar.Add(SupervisionText.Check_ChangedMeanwhile, Severity.Warning);
        }
    }

    private void PassUnmarked()
    {
        foreach (var answer in answers.Values.Where(a => a.Outcome is null))
        {
            answer.Outcome = CheckOutcome.Pass;
        }
    }

    private async Task CompleteAsync()
    {
        if (view is null)
        {
            return;
        }

        // What is missing is said on each item (not only in a toast), and nothing goes to the server until it is given.
        attempted = true;
        if (answers.Values.Any(a => a.Incomplete))
        {
            return;
        }

        busy = true;
        try
        {
            var actor = await ActingUserAsync();
            var given = answers.Select(a => new CheckAnswer(a.Key, a.Value.Outcome, a.Value.Remark, a.Value.ResponsibleDepartmentId)).ToList();
            var result = actor is null
                ? SupervisionResult<SampledCase>.Fail(SupervisionError.NotPermitted)
                : await InScopeAsync(sp => sp.GetRequiredService<CaseChecking>().CompleteAsync(Id, view.Sampled.Version, given, workingDays, actor));
            if (result.Succeeded)
            {
                await LoadAsync();
                Snackbar.Add(string.Format(CultureInfo.CurrentCulture, Counted.Pick(view.Notices.Count, SupervisionText.Check_Done_One, SupervisionText.Check_Done), view.Notices.Count), Severity.Success);
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

    private sealed class AnswerForm
    {
        public CheckOutcome? Outcome { get; set; }

        public string? Remark { get; set; }

        public int? ResponsibleDepartmentId { get; set; }

        /// <summary>A failed item names its problem (the domain's RemarkRequired).</summary>
        public bool RemarkMissing => Outcome == CheckOutcome.Fail && string.IsNullOrWhiteSpace(Remark);

        /// <summary>A failed item names the department it is laid at (the domain's ResponsibleDepartmentRequired).</summary>
        public bool ResponsibleMissing => Outcome == CheckOutcome.Fail && ResponsibleDepartmentId is null;

        public bool Incomplete => Outcome is null || RemarkMissing || ResponsibleMissing;
    }
}
