using System.Globalization;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Web.Components.Controls;
using ComplaintPortal.Web.Hosting;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ComplaintPortal.Web.Features.Supervision;

public sealed partial class Figures
{
    private SampleForm form = new();
    private FiguresView? view;
    private IReadOnlyList<FiguresPublication> published = [];
    private SupervisionNames names = SupervisionNames.Empty;
    private bool isMember;
    private bool loaded;
    private bool busy;

    /// <summary>
    /// The figures are being worked out (live ones read the period's cases), and until they first are: the page shows a
    /// progress bar.
    /// </summary>
    private bool computing = true;

    [Inject]
    private OrganisationClock Clock { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IDialogService DialogService { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        form = SampleForm.LastMonth(Clock.UtcNow, Clock.TimeZone);
        if (!RendererInfo.IsInteractive)
        {
            // The prerendered page says the figures are being worked out and leaves the work to the circuit, which would
            // otherwise do it again: a live month at 1,000,000 cases takes about a second each time.
            return;
        }

        await LoadAsync();
        if (!isMember && view is null && published.Count > 0)
        {
            // Leadership and heads see published figures only: they open on the latest publication, not on a month
            // the committee has not published yet (the committee opens on last month, which it is about to publish).
            await ShowAsync(published[0].Period);
        }
    }

    /// <summary>
    /// Publishing cannot be undone: the committee confirms it in a dialog that says so, and that names what the frozen
    /// figures would leave out (checks still open, or no sample drawn at all).
    /// </summary>
    private async Task<bool> ConfirmPublishAsync()
    {
        var readiness = await InScopeAsync(sp => sp.GetRequiredService<FiguresPublishing>().ReadinessAsync(form.Period));
        var warning = !readiness.HasDraw ? SupervisionText.Figures_PublishNoDraw
            : readiness.PendingChecks > 0 ? string.Format(CultureInfo.CurrentCulture, SupervisionText.Figures_PublishPending, readiness.PendingChecks)
            : null;
        return await DialogService.AskAsync(
            string.Format(CultureInfo.CurrentCulture, SupervisionText.Figures_PublishConfirmTitle, SupervisionLabels.Period(form.Period)),
            SupervisionText.Figures_PublishConfirm, SupervisionText.Figures_Publish, warning);
    }

    private async Task ShowAsync(ReportPeriod period)
    {
        (form.Kind, form.Year, form.Number) = (period.Kind, period.Year, period.Number);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        computing = true;
        try
        {
            await DrawBeforeWorkAsync();
            var actor = await ActingUserAsync();
            if (actor is null || !form.PeriodIsValid)
            {
                return;
            }

            isMember = Committee.IsMember(actor);
            (view, published, names) = await InScopeAsync(async sp =>
            {
                var publishing = sp.GetRequiredService<FiguresPublishing>();
                return (await publishing.GetAsync(form.Period, Clock.TimeZone, actor), await publishing.PublishedAsync(actor),
                    await SupervisionNames.LoadAsync(sp.GetRequiredService<PortalDbContext>()));
            });
            loaded = true;
        }
        finally
        {
            computing = false;
        }
    }

    private async Task PublishAsync()
    {
        busy = true;
        try
        {
            if (!await ConfirmPublishAsync())
            {
                return;
            }

            // Publishing works the period's figures out again (a second or more at a million cases): the bar shows meanwhile.
            computing = true;
            await DrawBeforeWorkAsync();
            var actor = await ActingUserAsync();
            var result = actor is null
                ? SupervisionResult<FiguresPublication>.Fail(SupervisionError.NotPermitted)
                : await InScopeAsync(sp => sp.GetRequiredService<FiguresPublishing>().PublishAsync(form.Period, Clock.TimeZone, actor));
            Snackbar.Add(result.Succeeded ? SupervisionText.Figures_PublishedNow : SupervisionLabels.Error(result.Error),
                result.Succeeded ? Severity.Success : Severity.Error);
            await LoadAsync();
        }
        finally
        {
            (busy, computing) = (false, false);
        }
    }
}
