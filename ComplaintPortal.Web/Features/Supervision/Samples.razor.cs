using System.Globalization;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Web.Components.Controls;
using ComplaintPortal.Web.Hosting;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using ComplaintPortal.Web.Features.Localization;

namespace ComplaintPortal.Web.Features.Supervision;

public sealed partial class Samples
{
    private readonly Dictionary<int, string> discardReasons = [];
    private readonly Dictionary<int, bool> reproductions = [];
    private SampleForm form = new();
    private IReadOnlyList<SampleDraw> draws = [];
    private IReadOnlyList<ChecklistTemplate> templates = [];
    private Dictionary<int, string> caseNumbers = [];
    private SupervisionNames names = SupervisionNames.Empty;
    private MudNumericField<int>? sizeField;
    private bool busy;

    /// <summary>A draw is being made or reproduced (after the confirmation): the page shows a progress bar.</summary>
    private bool working;

    [Inject]
    private OrganisationClock Clock { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IDialogService DialogService { get; set; } = default!;

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

        (draws, templates, caseNumbers, names) = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var list = await sp.GetRequiredService<SampleDrawing>().ListAsync(actor);
            var ids = list.SelectMany(d => d.Cases.Select(c => c.ComplaintId)).Distinct().ToList();
            var numbers = await db.Complaints.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.CaseNumber);
            return (list, await sp.GetRequiredService<ChecklistBook>().ListAsync(), numbers, await SupervisionNames.LoadAsync(db));
        });
        form.TemplateId ??= templates.FirstOrDefault(t => t.Code == ChecklistBook.DefaultTemplateCode)?.Id;
        foreach (var draw in draws)
        {
            discardReasons.TryAdd(draw.Id, "");
        }
    }

    /// <summary>The active draw of the period the form names, if any: the period cannot be drawn again until it is discarded.</summary>
    private SampleDraw? ActiveDrawOfPeriod => form.PeriodIsValid
        ? draws.FirstOrDefault(d => d.Status == SampleDrawStatus.Active && d.Period == form.Period)
        : null;

    /// <summary>An active draw none of whose checks is complete may be discarded (with a reason).</summary>
    private static bool Discardable(SampleDraw draw) =>
        draw.Status == SampleDrawStatus.Active && draw.Cases.All(c => c.CheckStatus != CheckStatus.Completed);

    /// <summary>A rate takes 1–100, a count up to the maximum: the size typed is re-checked on its field against the new mode.</summary>
    private async Task ModeChangedAsync(SampleSizeMode mode)
    {
        form.Mode = mode;
        if (sizeField is not null)
        {
            await sizeField.ValidateAsync();
        }
    }

    private string CaseNumber(int complaintId) => caseNumbers.GetValueOrDefault(complaintId, "");

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
                form.Seed = null;
                await LoadAsync();
            }
            else
            {
                Snackbar.Add(SupervisionLabels.Error(result.Error), Severity.Error);
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

    private async Task DiscardAsync(int drawId)
    {
        busy = true;
        try
        {
            var actor = await ActingUserAsync();
            var result = actor is null
                ? SupervisionResult<SampleDraw>.Fail(SupervisionError.NotPermitted)
                : await InScopeAsync(sp => sp.GetRequiredService<SampleDrawing>().DiscardAsync(drawId, discardReasons.GetValueOrDefault(drawId), actor));
            if (result.Succeeded)
            {
                Snackbar.Add(SupervisionText.Samples_Discarded, Severity.Success);
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

    private async Task ReproduceAsync(int drawId)
    {
        (busy, working) = (true, true);
        try
        {
            await DrawBeforeWorkAsync();
            var outcome = await InScopeAsync(sp => sp.GetRequiredService<SampleDrawing>().ReproduceAsync(drawId));
            if (outcome is not null)
            {
                reproductions[drawId] = outcome.Matches;
            }
        }
        finally
        {
            (busy, working) = (false, false);
        }
    }
}
