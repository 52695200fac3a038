using System.Globalization;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ComplaintPortal.Web.Features.Supervision;

/// <summary>
/// A register of rectification notices the viewer may see (<see cref="RectificationNotices.PageAsync"/>), for the committee and
/// leadership (every department's, with a tab per state) and for a department head (theirs). Until a header is clicked, notices
/// still running come soonest due first and the others newest issued first.
/// </summary>
public sealed partial class NoticeRegister
{
    private static readonly int[] PageSizes = [10, 25, 50, 100];

    /// <summary>The tabs, in order.</summary>
    private static readonly NoticeShown[] Views = [NoticeShown.All, NoticeShown.Open, NoticeShown.Overdue, NoticeShown.Answered, NoticeShown.Closed];

    private MudDataGrid<NoticeRow>? grid;
    private ActingUser? viewer;
    private NoticeShown shown;
    private NoticeViewCounts counts = NoticeViewCounts.None;
    private int? department;
    private string? caseNumber;
    private IDisposable? subscription;

    /// <summary>Whether the viewer sees every department's notices (the committee, leadership), not only their own.</summary>
    private bool everyDepartment;
    private Timer? timer;

    /// <summary>Whether the grid has read a page: until then it says it is loading, not that there are none.</summary>
    private bool read;

    /// <summary>The notices shown first (the tab open at the start).</summary>
    [Parameter]
    public NoticeShown Shown { get; set; }

    /// <summary>A tab per state, each with its count.</summary>
    [Parameter]
    public bool Tabs { get; set; }

    /// <summary>A case number to filter by, and a department for those who see every department's notices.</summary>
    [Parameter]
    public bool Filters { get; set; }

    [Parameter]
    public int PageSize { get; set; } = 25;

    [Parameter, EditorRequired]
    public SupervisionNames Names { get; set; } = SupervisionNames.Empty;

    [Parameter]
    public string EmptyText { get; set; } = SupervisionText.Notices_None;

    /// <summary>Where a notice opens.</summary>
    public static string NoticeHref(NoticeRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return "/supervision/notices/" + row.Id.ToString(CultureInfo.InvariantCulture);
    }

    internal static Color StatusColor(NoticeStatus status) => status switch
    {
        NoticeStatus.Open => Color.Warning,
        NoticeStatus.Answered => Color.Info,
        NoticeStatus.Closed => Color.Success,
        _ => Color.Default,
    };

    protected override async Task OnInitializedAsync()
    {
        shown = Shown;
        viewer = await ActingUserAsync();
        everyDepartment = viewer is not null && (Committee.IsMember(viewer) || viewer.IsInRole(PortalRoles.Leadership));
        if (RendererInfo.IsInteractive && viewer is not null)
        {
            var (all, own) = (everyDepartment, viewer.DepartmentId);
            subscription = Signal.Subscribe(changed =>
            {
                if (all || changed == own)
                {
                    _ = InvokeForEventAsync(ReloadAsync);
                }
            });
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            // The countdowns say how long is left to the minute.
            timer = new Timer(_ => InvokeAsync(StateHasChanged), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }
    }

    internal static string ViewText(NoticeShown view) => view switch
    {
        NoticeShown.Open => SupervisionLabels.NoticeStatus(NoticeStatus.Open),
        NoticeShown.Answered => SupervisionLabels.NoticeStatus(NoticeStatus.Answered),
        NoticeShown.Closed => SupervisionLabels.NoticeStatus(NoticeStatus.Closed),
        NoticeShown.Overdue => SupervisionText.Notices_Overdue,
        _ => SupervisionText.Notices_All,
    };

    private async Task<GridData<NoticeRow>> LoadAsync(GridState<NoticeRow> state, CancellationToken cancellationToken)
    {
        if (viewer is null)
        {
            return new GridData<NoticeRow> { Items = [], TotalItems = 0 };
        }

        var running = shown is NoticeShown.Open or NoticeShown.Overdue or NoticeShown.Answered;
        var (order, descending) = state.SortDefinitions.FirstOrDefault() switch
        {
            { SortBy: nameof(NoticeRow.CaseNumber), Descending: var d } => (NoticeOrder.CaseNumber, d),
            { SortBy: nameof(NoticeRow.IssuedAt), Descending: var d } => (NoticeOrder.IssuedAt, d),
            { SortBy: nameof(NoticeRow.DueAt), Descending: var d } => (NoticeOrder.DueAt, d),
            _ => running ? (NoticeOrder.DueAt, false) : (NoticeOrder.IssuedAt, true),
        };
        var (filter, who) = (new NoticeFilter(shown, department, caseNumber), viewer);
        var (rows, total, all) = await InScopeAsync(async sp =>
        {
            var notices = sp.GetRequiredService<RectificationNotices>();
            var (page, count) = await notices.PageAsync(who, filter, order, descending, state.Page * state.PageSize, state.PageSize, cancellationToken);
            // The tabs' counts are read with each page, so they agree with it.
            return (page, count, Tabs ? await notices.CountsAsync(who, filter.DepartmentId, cancellationToken) : NoticeViewCounts.None);
        });
        (counts, read) = (all, true);
        if (Tabs)
        {
            // The tabs are the register's own markup, not the grid's: drawn again with the counts read.
            StateHasChanged();
        }

        return new GridData<NoticeRow> { Items = rows, TotalItems = total };
    }

    private async Task ShowAsync(NoticeShown view)
    {
        shown = view;
        await ReloadAsync();
    }

    private async Task FilterAsync(Action set)
    {
        set();
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        if (grid is not null)
        {
            await grid.ReloadServerData();
        }

        StateHasChanged();
    }

    public void Dispose()
    {
        subscription?.Dispose();
        timer?.Dispose();
    }
}
