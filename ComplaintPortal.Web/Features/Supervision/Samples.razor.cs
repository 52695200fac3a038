using System.Globalization;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Web.Components.Controls;
using ComplaintPortal.Web.Hosting;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using ComplaintPortal.Web.Features.Localization;

namespace ComplaintPortal.Web.Features.Supervision;

public sealed partial class Samples
{
    private SampleForm form = new();

    /// <summary>The active draws (one a period at most), for the form to say before a click that its period has one.</summary>
    private IReadOnlyList<DrawSummary> activeDraws = [];
    private IReadOnlyList<ChecklistTemplate> templates = [];
    private MudNumericField<int>? sizeField;
    private bool busy;

    /// <summary>A draw is being made (after the confirmation): the page shows a progress bar.</summary>
    private bool working;

    [Inject]
    private OrganisationClock Clock { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IDialogService DialogService { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        form = SampleForm.LastMonth(Clock.UtcNow, Clock.TimeZone);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var actor = await ActingUserAsync();
        if (actor is null)
        {
            return;
        }

        (activeDraws, templates) = await InScopeAsync(async sp =>
            (await sp.GetRequiredService<SampleDrawing>().ActiveDrawsAsync(actor), await sp.GetRequiredService<ChecklistBook>().ListAsync()));
        form.TemplateId ??= templates.FirstOrDefault(t => t.Code == ChecklistBook.DefaultTemplateCode)?.Id;
    }

    /// <summary>The active draw of the period the form names, if any: the period cannot be drawn again until it is discarded.</summary>
    private DrawSummary? ActiveDrawOfPeriod => form.PeriodIsValid ? activeDraws.FirstOrDefault(d => d.Period == form.Period) : null;

    /// <summary>A rate takes 1–100, a count up to the maximum: the size typed is re-checked on its field against the new mode.</summary>
    private async Task ModeChangedAsync(SampleSizeMode mode)
    {
        form.Mode = mode;
        if (sizeField is not null)
        {
            await sizeField.ValidateAsync();
        }
    }

    private async Task DrawAsync()
    {
        busy = true;
        try
        {
            if (!await ConfirmDrawAsync())
            {
                return;
            }

            working = true;
            await DrawBeforeWorkAsync();
            var actor = await ActingUserAsync();
            var result = actor is null
                ? SupervisionResult<SampleDraw>.Fail(SupervisionError.NotPermitted)
                : await InScopeAsync(sp => sp.GetRequiredService<SampleDrawing>().DrawAsync(form.ToRequest(), Clock.TimeZone, actor));
            if (result.Succeeded)
            {
                Snackbar.Add(string.Format(CultureInfo.CurrentCulture,
                    Counted.Pick(result.Value!.Cases.Count, SupervisionText.Samples_Drawn_One, SupervisionText.Samples_Drawn), result.Value.Cases.Count, result.Value.Seed), Severity.Success);
                // The new draw's page shows its cases, where the checks begin; the message goes with it.
                Navigation.NavigateTo(SampleDrawPage.Href(result.Value.Id));
            }
            else
            {
                Snackbar.Add(SupervisionLabels.Error(result.Error), Severity.Error);
                // Another member may have drawn the period meanwhile: the form then says so, with a link to that draw.
                await LoadAsync();
            }
        }
        finally
        {
            (busy, working) = (false, false);
        }
    }

    /// <summary>
    /// A draw binds the committee (it is only ever discarded with a reason): the dialog says so before it is made, and
    /// warns when the period is still running, since cases handled later in it cannot enter this sample.
    /// </summary>
    private Task<bool> ConfirmDrawAsync() => DialogService.AskAsync(
        string.Format(CultureInfo.CurrentCulture, SupervisionText.Samples_ConfirmTitle, SupervisionLabels.Period(form.Period)),
        SupervisionText.Samples_Confirm, SupervisionText.Samples_Draw,
        form.PeriodRunning(Clock.UtcNow, Clock.TimeZone) ? SupervisionText.Samples_ConfirmOpenPeriod : null);
}
