using System.Globalization;
using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ComplaintPortal.Web.Features.Archive;

/// <summary>
/// A register of archive access requests (<see cref="ArchiveCatalog.RequestPageAsync"/>): a person's own on 我的申请, the
/// clerk's with a tab per view on the desk, the leader's waiting ones on the approvals page. Until a header is clicked,
/// requests on loan come soonest ending first (the most overdue first), those waiting for a leader oldest first (a queue is
/// worked in the order it was filed) and the others newest first.
/// </summary>
public sealed partial class RequestRegister
{
    private static readonly int[] PageSizes = [10, 25, 50, 100];

    /// <summary>The tabs, in order.</summary>
    private static readonly RequestShown[] Views = [RequestShown.All, RequestShown.Pending, RequestShown.OnLoan, RequestShown.Overdue, RequestShown.Ended];

    private MudDataGrid<ArchiveAccessRequest>? grid;
    private RequestShown shown;
    private RequestViewCounts counts = RequestViewCounts.None;
    private string? search;

    /// <summary>Whether the grid has read a page: until then it says it is loading, not that there are none.</summary>
    private bool read;

    /// <summary>The server's now for the countdowns and the expired status, read with each page.</summary>
    private DateTimeOffset now;

    /// <summary>The requests shown first (the tab open at the start).</summary>
    [Parameter]
    public RequestShown Shown { get; set; }

    /// <summary>A tab per view, each with its count.</summary>
    [Parameter]
    public bool Tabs { get; set; }

    /// <summary>A search by request number, requester or purpose.</summary>
    [Parameter]
    public bool Search { get; set; }

    /// <summary>Only this person's requests (their own, on 我的申请); everyone's when null.</summary>
    [Parameter]
    public string? RequesterUserId { get; set; }

    [Parameter]
    public bool ShowRequester { get; set; } = true;

    [Parameter]
    public int PageSize { get; set; } = 10;

    [Parameter, EditorRequired]
    public ArchiveNames Names { get; set; } = ArchiveNames.Empty;

    [Parameter]
    public RenderFragment<ArchiveAccessRequest>? Actions { get; set; }

    [Parameter(CaptureUnmatchedValues = true)]
    public IReadOnlyDictionary<string, object>? Attributes { get; set; }

    private string SearchHelp => ShowRequester ? ArchiveText.Requests_SearchHelp : ArchiveText.Requests_SearchHelpMine;

    protected override void OnInitialized()
    {
        shown = Shown;
        now = Clock.UtcNow;
        Feed.Changed += OnChanged;
    }

    private async Task ReloadAsync()
    {
        if (grid is not null)
        {
            await grid.ReloadServerData();
        }

        StateHasChanged();
    }

    private void OnChanged(ArchiveChange change)
    {
        if (change.Kind is ArchiveChangeKind.RequestFiled or ArchiveChangeKind.RequestDecided or ArchiveChangeKind.AccessEnded)
        {
            _ = InvokeForEventAsync(ReloadAsync);
        }
    }

    internal static string ViewText(RequestShown view) => view switch
    {
        RequestShown.Pending => ArchiveLabels.RequestStatus(AccessRequestStatus.Pending),
        RequestShown.OnLoan => ArchiveText.Requests_OnLoan,
        RequestShown.Overdue => ArchiveText.Status_Expired,
        RequestShown.Ended => ArchiveText.Requests_Ended,
        _ => ArchiveText.Requests_All,
    };

    private async Task<GridData<ArchiveAccessRequest>> LoadAsync(GridState<ArchiveAccessRequest> state, CancellationToken cancellationToken)
    {
        var onLoan = shown is RequestShown.OnLoan or RequestShown.Overdue;
        var (order, descending) = state.SortDefinitions.FirstOrDefault() switch
        {
            { SortBy: nameof(ArchiveAccessRequest.Id), Descending: var d } => (RequestOrder.Number, d),
            { SortBy: nameof(ArchiveAccessRequest.RequestedFrom), Descending: var d } => (RequestOrder.From, d),
            { SortBy: nameof(ArchiveAccessRequest.GrantedUntil), Descending: var d } => (RequestOrder.Until, d),
            _ when onLoan => (RequestOrder.Until, false),
            _ when shown == RequestShown.Pending => (RequestOrder.Number, false),
            _ => (RequestOrder.Number, true),
        };
        var filter = new RequestFilter(shown, RequesterUserId, search);
        var (rows, total, all) = await InScopeAsync(async sp =>
        {
            var catalog = sp.GetRequiredService<ArchiveCatalog>();
            var (page, count) = await catalog.RequestPageAsync(filter, order, descending, state.Page * state.PageSize, state.PageSize, cancellationToken);
            // The tabs' counts are read with each page, so they agree with it.
            return (page, count, Tabs ? await catalog.RequestCountsAsync(filter.RequesterUserId, cancellationToken) : RequestViewCounts.None);
        });
        (counts, read, now) = (all, true, Clock.UtcNow);
        if (Tabs)
        {
            // The tabs are the register's own markup, not the grid's: drawn again with the counts read.
            StateHasChanged();
        }

        return new GridData<ArchiveAccessRequest> { Items = rows, TotalItems = total };
    }

    private async Task ShowAsync(RequestShown view)
    {
        shown = view;
        await ReloadAsync();
    }

    private async Task SearchAsync(string? text)
    {
        search = text;
        await ReloadAsync();
    }

    /// <summary>After a name that wraps between its words only (总经理 / 周建国, not 总经 / 理), the reason given, if any.</summary>
    private static string Reason(string? reason) => string.IsNullOrWhiteSpace(reason) ? "" : " · " + reason;

    /// <summary>A scope by class (type / department / year); a scope by numbers lists them, each kept whole.</summary>
    private string ScopeText(AccessScope scope) => string.Join(" / ", new[]
        {
            scope.CategoryId is null ? null : Names.Category(scope.CategoryId),
            scope.DepartmentId is null ? null : Names.Department(scope.DepartmentId),
            scope.Year?.ToString(CultureInfo.InvariantCulture),
        }.Where(s => s is not null));

    /// <summary>An approved request whose period is over reads "expired" until the clerk records the return.</summary>
    private string StatusText(ArchiveAccessRequest r) =>
        r.Status == AccessRequestStatus.Approved && r.GrantedUntil <= now ? ArchiveText.Status_Expired : ArchiveLabels.RequestStatus(r.Status);

    private Color StatusColor(ArchiveAccessRequest r) => r.Status switch
    {
        AccessRequestStatus.Pending => Color.Warning,
        AccessRequestStatus.Approved => r.GrantedUntil <= now ? Color.Warning : Color.Success, // expired and not yet returned: the clerk has a return to chase
        AccessRequestStatus.Rejected or AccessRequestStatus.Revoked => Color.Error,
        _ => Color.Default,
    };

    public void Dispose() => Feed.Changed -= OnChanged;
}
