using System.Globalization;
using System.Security.Claims;
using ComplaintPortal.Domain.Board;
using ComplaintPortal.Web.Components.Layout;
using ComplaintPortal.Web.Components.Shared;
using ComplaintPortal.Web.Features.Cases;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>
/// The live board. It joins the <see cref="BoardChangeFeed"/> before it loads its page of rows, so no change
/// falls between loading and listening, and applies each change to that case's row only, at the place the
/// chosen sort puts it. Rows are shared markup (<see cref="BoardRowMarkup"/>); countdowns tick in the browser.
/// </summary>
public sealed partial class Board : PortalComponentBase, IDisposable
{
    private readonly CancellationTokenSource life = new();
    private BoardFilter filter = BoardFilter.None;
    private int pageIndex;
    private bool wall;
    private int wallRows;
    private bool loaded;
    private bool interactiveReady;
    private BoardViewer viewer = new(false, null);
    private List<BoardLine> lines = [];
    private BoardBodies bodies = new(1);
    private BoardTotals totals = BoardTotals.Empty;
    private BoardLookups lookups = new(new Dictionary<int, string>(), new Dictionary<int, string>());
    private List<BoardUpdate>? arrivedWhileLoading;
    private BoardSubscription? subscription;
    private CultureInfo culture = CultureInfo.CurrentUICulture;
    private BoardWords words = BoardWords.For(CultureInfo.CurrentUICulture);
    private string query = ""; // the filters' query string (links, pager), made when the filters change, not in every render
    private BoardProbeMarks? probeMarks; // diagnostics only (Board:Diagnostics)

    [Inject]
    private BoardChangeFeed Feed { get; set; } = default!;

    [Inject]
    private BoardRowMarkup Markup { get; set; } = default!;

    [Inject]
    private IOptions<BoardOptions> Options { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private BoardCircuitHandler Circuit { get; set; } = default!;

    [Inject]
    private AuthenticationStateProvider Authentication { get; set; } = default!;

    [Inject]
    private PageShell Shell { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "wall")]
    private string? WallValue { get; set; }

    [SupplyParameterFromQuery(Name = "dept")]
    private string? DepartmentValue { get; set; }

    [SupplyParameterFromQuery(Name = "stage")]
    private string? StageValue { get; set; }

    [SupplyParameterFromQuery(Name = "priority")]
    private string? PriorityValue { get; set; }

    [SupplyParameterFromQuery(Name = "due")]
    private string? DueValue { get; set; }

    [SupplyParameterFromQuery(Name = "sort")]
    private string? SortValue { get; set; }

    [SupplyParameterFromQuery(Name = "page")]
    private string? PageValue { get; set; }

    /// <summary>A wall's rows a page, for a screen that holds more or fewer than <see cref="BoardOptions.WallPageSize"/>.</summary>
    [SupplyParameterFromQuery(Name = "rows")]
    private string? RowsValue { get; set; }

    private const string LeaveWallIcon = "mud-icon-root mud-svg-icon mud-icon-size-medium";

    private int PageSize => wall ? wallRows : Options.Value.PageSize;

    private int Pages => Math.Max(1, (totals.Open + PageSize - 1) / PageSize);

    private string ServerNow => Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    protected override void OnInitialized()
    {
        culture = CultureInfo.CurrentUICulture;
        words = BoardWords.For(culture);
        bodies = new BoardBodies(Options.Value.RowsPerBody);
        Circuit.Reconnected += ReloadAfterReconnectAsync;
        probeMarks = RendererInfo.IsInteractive ? BoardProbeMarks.For(Feed.Probe) : null;
    }

    protected override async Task OnParametersSetAsync()
    {
        var values = new Dictionary<string, string?>
        {
            ["dept"] = DepartmentValue, ["stage"] = StageValue, ["priority"] = PriorityValue, ["due"] = DueValue, ["sort"] = SortValue,
        };
        var nextFilter = BoardQueryString.Parse(name => values.GetValueOrDefault(name));
        var nextWall = WallValue == "1";
        var nextPage = nextWall ? 0 : BoardQueryString.PageIndex(PageValue);
        var nextRows = BoardQueryString.WallRows(RowsValue, Options.Value.WallPageSize);
        if (loaded && nextFilter == filter && nextWall == wall && nextPage == pageIndex && nextRows == wallRows)
        {
            return;
        }

        (filter, wall, pageIndex, wallRows) = (nextFilter, nextWall, nextPage, nextRows);
        query = BoardQueryString.Format(filter);
        if (RendererInfo.IsInteractive && subscription is null)
        {
            // Listen first, then load: what arrives meanwhile is applied after the load.
            subscription = Feed.Subscribe(PrincipalForFeedAsync);
            _ = ListenAsync(subscription, life.Token);
            if (wall)
            {
                _ = TurnWallPagesAsync(life.Token);
            }
        }

        await LoadAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        // Runs once the browser acknowledged the render's batch.
        probeMarks?.Acknowledged();
        if (firstRender)
        {
            // The countdowns' custom elements come from a script every page loads (board-countdown.js in App.razor), not
            // from JS interop: a circuit that calls into JS builds its own JSON type data for the arguments (bench/README.md).
            interactiveReady = true;
            StateHasChanged();
        }
    }

    private async Task<ClaimsPrincipal> PrincipalForFeedAsync() => (await Authentication.GetAuthenticationStateAsync()).User;

    private async Task LoadAsync()
    {
        arrivedWhileLoading = [];
        var principal = await PrincipalAsync();
        var now = Time.GetUtcNow();
        viewer = await InScopeAsync(sp => BoardViewers.ForAsync(principal, sp.GetRequiredService<CaseUsers>(), life.Token));
        var (skip, take) = (pageIndex * PageSize, PageSize);
        var rowsTask = InScopeAsync(sp => sp.GetRequiredService<BoardQuery>().PageAsync(viewer, filter, now, skip, take, null, life.Token));
        var totalsTask = InScopeAsync(sp => sp.GetRequiredService<BoardQuery>().TotalsAsync(viewer, filter, now, life.Token));
        var lookupsTask = Markup.LookupsAsync(culture, life.Token);
        var rows = await rowsTask;
        totals = await totalsTask;
        lookups = await lookupsTask;
        lines = rows.Select(r => Markup.Line(r, lookups, culture, now)).ToList();
        bodies.Reset(lines.Count);
        loaded = true;
        subscription?.CountTotalsFor(viewer, filter);
        var arrived = arrivedWhileLoading;
        arrivedWhileLoading = null;
        foreach (var update in arrived)
        {
            _ = Apply(update);
        }

        TellFeedWhatIsShown();
    }

    private async Task ListenAsync(BoardSubscription updates, CancellationToken cancellationToken)
    {
        try
        {
            while (await updates.Updates.WaitToReadAsync(cancellationToken))
            {
                await InvokeAsync(() =>
                {
                    var work = probeMarks?.Start() ?? default;
                    var (changed, rowsChanged) = (false, false);
                    while (updates.Updates.TryRead(out var update))
                    {
                        if (arrivedWhileLoading is { } pending)
                        {
                            pending.Add(update);
                        }
                        else
                        {
                            var change = Apply(update);
                            changed |= change != Changed.Nothing;
                            rowsChanged |= change == Changed.Rows;
                        }
                    }

                    // A change that neither touches this page nor its totals costs this board no render (and the
                    // browser no batch to apply and acknowledge).
                    if (rowsChanged)
                    {
                        TellFeedWhatIsShown();
                    }

                    if (changed)
                    {
                        StateHasChanged();
                    }

                    probeMarks?.Worked(work);
                });
            }
        }
        catch (OperationCanceledException)
        {
            // The board closed.
        }
    }

    private Changed Apply(BoardUpdate update)
    {
        switch (update)
        {
            case BoardTotalsChanged changed:
                if (changed.Totals == totals)
                {
                    return Changed.Nothing;
                }

                totals = changed.Totals;
                return Changed.Totals;
            case BoardRowChanged changed:
                if (!ApplyRow(changed))
                {
                    return Changed.Nothing;
                }

                // Diagnostics: timed to this board's render only when the change shows on it.
                probeMarks?.Delivered(changed.CommittedAt);
                return Changed.Rows;
            default:
                throw new ArgumentOutOfRangeException(nameof(update));
        }
    }

    /// <summary>Puts the changed row where the sort places it on this page, or takes it off; whether the page changed.</summary>
    private bool ApplyRow(BoardRowChanged changed)
    {
        var index = lines.FindIndex(l => l.Row.ComplaintId == changed.ComplaintId);
        if (index >= 0)
        {
            RemoveLine(index);
        }

        if (changed.Row is not { } row || !filter.Admits(row, changed.At))
        {
            return index >= 0;
        }

        var at = BoardPlacement.IndexFor(lines, row, BoardRowOrder.For(filter.Sort));
        if (!BoardPlacement.BelongsOnPage(at, lines.Count, PageSize, pageIndex, wasHere: index >= 0))
        {
            return index >= 0;
        }

        lines.Insert(at, Markup.Line(row, lookups, culture, changed.At));
        bodies.Inserted(at);
        if (lines.Count > PageSize)
        {
            RemoveLine(lines.Count - 1);
        }

        return true;
    }

    private void RemoveLine(int index)
    {
        lines.RemoveAt(index);
        bodies.Removed(index);
    }

    /// <summary>Called from the markup, so it runs in every render of the board (diagnostics only).</summary>
    private void ProbeRendered() => probeMarks?.Rendered();

    private void TellFeedWhatIsShown() => subscription?.Showing(lines.Select(l => l.Row.ComplaintId));

    /// <summary>A choice in one of the filter lists (its option's query-string pair, <see cref="BoardFilterMarkup"/>).</summary>
    private void Choose(ChangeEventArgs e)
    {
        var chosen = BoardQueryString.With(filter, e.Value as string);
        if (chosen != filter)
        {
            Navigation.NavigateTo("/board" + BoardQueryString.Format(chosen, wall));
        }
    }

    private string PageHref(int index) => "/board" + BoardQueryString.Format(filter, wall, index);

    private async Task TurnWallPagesAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Options.Value.WallPageTime, Time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await InvokeAsync(async () =>
                {
                    if (Pages > 1)
                    {
                        pageIndex = (pageIndex + 1) % Pages;
                        await LoadAsync();
                        StateHasChanged();
                    }
                });
            }
        }
        catch (OperationCanceledException)
        {
            // The board closed.
        }
    }

    private Task ReloadAfterReconnectAsync() => InvokeAsync(async () =>
    {
        // Whatever this board showed may have changed while the browser was away.
        await LoadAsync();
        StateHasChanged();
    });

    private enum Changed
    {
        Nothing,
        Totals,
        Rows,
    }

    public void Dispose()
    {
        Circuit.Reconnected -= ReloadAfterReconnectAsync;
        subscription?.Dispose();
        life.Cancel();
        life.Dispose();
    }
}
