using System.Globalization;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Web.Components.Controls;
using ComplaintPortal.Web.Hosting;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ComplaintPortal.Web.Features.Supervision;

/// <summary>
/// One spot-check draw: its parameters and seed, a check that the record draws the same cases again, its discarding (with a
/// reason, while no check on it is complete) and its cases with their checks.
/// </summary>
public sealed partial class SampleDrawPage
{
    private DrawSummary? draw;
    private IReadOnlyList<DrawHistoryEntry> history = [];
    private SupervisionNames names = SupervisionNames.Empty;
    private DrawnCaseList? cases;
    private bool? reproduced;
    private bool loaded;
    private bool busy;

    /// <summary>A reproduction is running: the page shows a progress bar.</summary>
    private bool working;

    [Parameter]
    public int Id { get; set; }

    [Inject]
    private OrganisationClock Clock { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IDialogService DialogService { get; set; } = default!;

    public static string Href(int drawId) => string.Create(CultureInfo.InvariantCulture, $"/supervision/samples/{drawId}");

    private string Title => draw is null ? "" : string.Format(CultureInfo.CurrentCulture, SupervisionText.Draw_Title, SupervisionLabels.Period(draw.Period));

    protected override async Task OnParametersSetAsync()
    {
        reproduced = null;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var actor = await ActingUserAsync();
        (draw, names, history) = actor is null
            ? (null, SupervisionNames.Empty, [])
            : await InScopeAsync(async sp =>
            {
                var drawing = sp.GetRequiredService<SampleDrawing>();
                return (await drawing.FindAsync(Id, actor), await SupervisionNames.LoadAsync(sp.GetRequiredService<PortalDbContext>()),
                    await drawing.HistoryAsync(Id, actor));
            });
        loaded = true;
        if (draw is null)
        {
            SetStatusCode(StatusCodes.Status404NotFound);
        }
    }

    /// <summary>
    /// Another member checked one of the draw's cases or discarded it: the page shows the draw as it now stands (its own
    /// discard reads it again by itself).
    /// </summary>
    private async Task DrawChangedAsync(SpotCheckChange change)
    {
        if (change.DrawId != Id || busy)
        {
            return;
        }

        await LoadAsync();
        if (cases is not null)
        {
            await cases.ReloadAsync();
        }
    }

    /// <summary>Discarding cancels the checks still to do: a dialog says so and asks why before anything changes.</summary>
    private async Task DiscardAsync()
    {
        if (draw is null)
        {
            return;
        }

        var period = SupervisionLabels.Period(draw.Period);
        var parameters = new DialogParameters<ReasonDialog>
        {
            { d => d.Consequence, string.Format(CultureInfo.CurrentCulture, SupervisionText.Discard_Consequence, draw.ToCheck, period) },
            { d => d.Label, SupervisionText.Field_DiscardReason },
            { d => d.ConfirmText, SupervisionText.Draw_Discard },
            { d => d.RequiredText, SupervisionText.Discard_Required },
            { d => d.MaxLength, SampleDraw.ReasonMaxLength },
            { d => d.Test, "discard" },
        };
        var dialog = await DialogService.ShowAsync<ReasonDialog>(string.Format(CultureInfo.CurrentCulture, SupervisionText.Discard_Title, period),
            parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: string reason })
        {
            return;
        }

        busy = true;
        try
        {
            var actor = await ActingUserAsync();
            var result = actor is null
                ? SupervisionResult<SampleDraw>.Fail(SupervisionError.NotPermitted)
                : await InScopeAsync(sp => sp.GetRequiredService<SampleDrawing>().DiscardAsync(draw.Id, reason, actor));
            if (result.Succeeded)
            {
                Snackbar.Add(SupervisionText.Samples_Discarded, Severity.Success);
            }
            else
            {
                Snackbar.Add(SupervisionLabels.Error(result.Error), Severity.Error);
            }

            // Either way the page shows the draw as it now stands (a check completed meanwhile keeps it active).
            await LoadAsync();
            if (cases is not null)
            {
                await cases.ReloadAsync();
            }
        }
        finally
        {
            busy = false;
        }
    }

    private async Task ReproduceAsync()
    {
        (busy, working) = (true, true);
        try
        {
            await DrawBeforeWorkAsync();
            var outcome = await InScopeAsync(sp => sp.GetRequiredService<SampleDrawing>().ReproduceAsync(Id));
            reproduced = outcome?.Matches;
        }
        finally
        {
            (busy, working) = (false, false);
        }
    }
}
