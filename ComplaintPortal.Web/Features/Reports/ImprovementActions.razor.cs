using System.Globalization;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Web.Components.Controls;
using ComplaintPortal.Web.Hosting;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace ComplaintPortal.Web.Features.Reports;

/// <summary>Which actions the list shows.</summary>
public enum ImprovementFilter
{
    Open = 0,
    Done = 1,
    Overdue = 2,
    Verified = 3,
    All = 4,
}

/// <summary>
/// The improvement and prevention actions raised from the statistics' hot spots, paged on the server, soonest due first:
/// a department's head reports its own done; leadership and the committee verify them (after a confirmation, since a closed
/// action stays closed) or send them back with a reason.
/// </summary>
public sealed partial class ImprovementActions
{
    private static readonly int[] PageSizes = [10, 25, 50];

    private MudDataGrid<ImprovementRow>? grid;
    private ImprovementFilter filter = ImprovementFilter.Open;
    private Dictionary<int, string> departmentNames = [];
    private ActingUser? me;
    private bool mayRaise;
    private DateOnly today;

    /// <summary>The histories shown, by action: read when a row's history is opened, forgotten when it is closed or the list reads again.</summary>
    private readonly Dictionary<int, IReadOnlyList<ImprovementLogEntry>> history = [];

    /// <summary>Whether the list has read a page (until then it says it is loading, not that there are none).</summary>
    private bool read;

    /// <summary>Which actions to show first, by the filter's name (<c>?show=overdue</c>), as a notice links them; the actions in progress otherwise.</summary>
    [SupplyParameterFromQuery(Name = "show")]
    public string? Show { get; set; }

    [Inject]
    private OrganisationClock Clock { get; set; } = default!;

    /// <summary>The list showing <paramref name="filter"/>'s actions.</summary>
    public static string Href(ImprovementFilter filter) =>
        "/reports/improvements?show=" + QueryName.Of(filter);

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        filter = QueryName.Parse<ImprovementFilter>(Show) ?? ImprovementFilter.Open;
        me = await ActingUserAsync();
        mayRaise = me is not null && Improvements.MayRaise(me);
        departmentNames = await InScopeAsync(async sp => (await sp.GetRequiredService<PortalDbContext>().Departments.AsNoTracking().ToListAsync())
            .ToDictionary(d => d.Id, d => d.DisplayName(CultureInfo.CurrentUICulture)));
    }

    private static string FilterText(ImprovementFilter filter) => filter switch
    {
        ImprovementFilter.Open => DeadlineText.Improve_Filter_Open,
        ImprovementFilter.Done => DeadlineText.Improve_Filter_Done,
        ImprovementFilter.Overdue => DeadlineText.Improve_Filter_Overdue,
        ImprovementFilter.Verified => DeadlineText.Improve_Filter_Verified,
        _ => DeadlineText.Improve_Filter_All,
    };

    private async Task<GridData<ImprovementRow>> LoadAsync(GridState<ImprovementRow> state, CancellationToken cancellationToken)
    {
        if (me is null)
        {
            return new GridData<ImprovementRow> { Items = [], TotalItems = 0 };
        }

        // Soonest due first until a header is clicked.
        var (order, descending) = state.SortDefinitions.FirstOrDefault() switch
        {
            { SortBy: nameof(ImprovementRow.RaisedAt), Descending: var d } => (ImprovementOrder.RaisedAt, d),
            { SortBy: nameof(ImprovementRow.DueDate), Descending: var d } => (ImprovementOrder.DueDate, d),
            _ => (ImprovementOrder.DueDate, false),
        };
        ImprovementStatus? status = filter switch
        {
            ImprovementFilter.Open => ImprovementStatus.Open,
            ImprovementFilter.Done => ImprovementStatus.Done,
            ImprovementFilter.Verified => ImprovementStatus.Verified,
            _ => null,
        };
        var (viewer, zone) = (me, Clock.TimeZone);
        var (rows, total, now) = await InScopeAsync(async sp =>
        {
            var improvements = sp.GetRequiredService<Improvements>();
            var (page, count) = await improvements.PageAsync(viewer, status, filter == ImprovementFilter.Overdue, zone, order, descending,
                state.Page * state.PageSize, state.PageSize, cancellationToken);
            return (page, count, improvements.Today(zone));
        });
        today = now;
        read = true;
        history.Clear();
        return new GridData<ImprovementRow> { Items = rows, TotalItems = total };
    }

    private async Task HistoryAsync(ImprovementRow row)
    {
        if (history.Remove(row.Id) || me is null)
        {
            return;
        }

        var viewer = me;
        history[row.Id] = await InScopeAsync(sp => sp.GetRequiredService<Improvements>().HistoryAsync(row.Id, viewer));
    }

    private async Task ShowAsync(ImprovementFilter shown)
    {
        filter = shown;
        await grid!.ReloadServerData();
    }

    /// <summary>Reporting done or sending back: the dialog asks for the words and takes the step.</summary>
    private async Task StepAsync(ImprovementStep step, ImprovementRow row)
    {
        var parameters = new DialogParameters<ImprovementDialog> { { d => d.Mode, step }, { d => d.Row, row } };
        if (await ImprovementDialog.ShowAsync(Dialogs, parameters) is { } result)
        {
            await SaidAsync(result, step == ImprovementStep.Report ? DeadlineText.Improve_Reported : DeadlineText.Improve_SentBack);
        }
    }

    private async Task VerifyAsync(ImprovementRow row)
    {
        if (me is null || !await Dialogs.AskAsync(DeadlineText.Improve_Verify,
                string.Format(CultureInfo.CurrentCulture, DeadlineText.Improve_VerifyConsequence, row.Title), DeadlineText.Improve_Verify))
        {
            return;
        }

        var by = me;
        var result = await InScopeAsync(sp => sp.GetRequiredService<Improvements>().VerifyAsync(row.Id, row.Version, by));
        await SaidAsync(result, DeadlineText.Improve_Verified);
    }

    /// <summary>Says how a step went and reads the list again (a refused step: the action moved on meanwhile).</summary>
    private async Task SaidAsync(ImprovementResult result, string done)
    {
        Snackbar.Add(result.Succeeded ? done : ImprovementLabels.Error(result.Error), result.Succeeded ? Severity.Success : Severity.Warning);
        await grid!.ReloadServerData();
    }
}
