using System.Globalization;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Web.Components.Shared;
using ComplaintPortal.Web.Hosting;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace ComplaintPortal.Web.Features.Reports;

/// <summary>What the statistics page shows for one period: counts only, kept from the prerender so the circuit does not read them again.</summary>
public sealed record StatisticsView(string Key, ComplaintStatisticsResult Result);

/// <summary>
/// The regime's statistics and analysis (統計分析) for management: a month, quarter or year's complaints by type (against the
/// period before, the types rising most named as hot spots), by channel, by department, by kind of solution, by cause, by product, by
/// customer group and by place, with a year's trend and when in the day and week they came in.
/// </summary>
public sealed partial class Statistics
{
    /// <summary>How many hot spots are named: the types rising most.</summary>
    private const int HotSpotsShown = 3;

    private StatisticsNames names = new(new Dictionary<int, string>(), new Dictionary<int, string>());
    private bool loading;
    private ReportPeriod period = new(ReportPeriodKind.Month, ReportPeriod.FirstYear, 1);
    private ReportPeriodKind kind;
    private int year;
    private int number;

    private List<StatisticsRow> categories = [];
    private List<StatisticsRow> channels = [];
    private List<StatisticsRow> departments = [];
    private List<StatisticsRow> solutions = [];
    private List<StatisticsRow> causes = [];
    private List<StatisticsRow> products = [];
    private List<StatisticsRow> customerGroups = [];
    private List<StatisticsRow> locations = [];
    private List<StatisticsRow> hotSpots = [];
    private List<StatisticsRow> hotSubjects = [];
    private List<StatisticsRow> hotCauses = [];
    private List<ChartSeries<double>> categorySeries = [];
    private List<ChartSeries<double>> trendSeries = [];
    private string[] categoryLabels = [];
    private string[] monthLabels = [];
    private readonly BarChartOptions barOptions = new() { ShowLegend = true, ShowValues = true, XAxisLabelRotation = 30, YAxisFormat = CountFormat, MaxNumYAxisTicks = AxisTicks };
    private List<ChartSeries<double>> hourSeries = [];
    private List<ChartSeries<double>> weekdaySeries = [];
    private string[] hourLabels = [];
    private string[] weekdayLabels = [];
    private readonly BarChartOptions hourOptions = new() { ShowLegend = false, ShowValues = true, XAxisLabelRotation = 45, YAxisFormat = CountFormat, MaxNumYAxisTicks = AxisTicks };
    private readonly BarChartOptions weekdayOptions = new() { ShowLegend = false, ShowValues = true, YAxisFormat = CountFormat, MaxNumYAxisTicks = AxisTicks };
    private readonly LineChartOptions lineOptions = new()
    {
        ShowLegend = false, ShowDataMarkers = true, YAxisRequireZeroPoint = true, YAxisFormat = CountFormat, MaxNumYAxisTicks = AxisTicks,
    };

    /// <summary>Counts on the axes grouped as in the tables (38,400).</summary>
    private const string CountFormat = "N0";

    /// <summary>Enough lines to read a bar against; a year of a busy room drew seventeen.</summary>
    private const int AxisTicks = 8;

    /// <summary>The most a narrow bar can carry above it: five digits overlap the next bar's (the table and the bar's tooltip give them).</summary>
    private const int LargestLabelled = 9_999;

    [Inject]
    private OrganisationClock Clock { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IDialogService DialogService { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "period")]
    private string? PeriodKind { get; set; }

    [SupplyParameterFromQuery(Name = "year")]
    private string? YearValue { get; set; }

    [SupplyParameterFromQuery(Name = "number")]
    private string? NumberValue { get; set; }

    /// <summary>The figures shown, read once: the prerender's (from the kept counts) are handed to the circuit (<see cref="Prerendered"/>).</summary>
    public StatisticsView? View { get; private set; }

    /// <summary>The token of the prerender's figures, kept on the server (<see cref="PrerenderHandoff"/>): the figures themselves passed the circuit's 32 KB first message.</summary>
    [PersistentState]
    public string? Prerendered { get; set; }

    [Inject]
    private PrerenderHandoff Handoff { get; set; } = default!;

    /// <summary>A department head's own department (they read its statistics only); none for the whole organisation's readers.</summary>
    private int? onlyDepartment;

    protected override async Task OnInitializedAsync()
    {
        var culture = CultureInfo.CurrentUICulture;
        names = await InScopeAsync(sp => StatisticsTables.NamesAsync(sp.GetRequiredService<PortalDbContext>(), culture));
        var actor = await ActingUserAsync();
        onlyDepartment = ReportReaders.OnlyDepartment(await PrincipalAsync(), actor);
        mayRaise = actor is not null && Domain.Reporting.Improvements.MayRaise(actor);
    }

    /// <summary>Leadership and the committee raise an improvement action from a hot spot (举一反三), tracked on its own page.</summary>
    private bool mayRaise;

    /// <summary>The period's callback suggestions, read again once an action is raised from one (to show it beside it).</summary>
    private StatisticsSuggestions? suggestions;

    private Task RaiseAsync(StatisticsRow spot, string line) =>
        RaiseAsync(string.Format(CultureInfo.CurrentCulture, DeadlineText.Improve_SourceOf, ReportPeriodQuery.RangeText(period, Clock),
            line.TrimEnd('：', ':'), spot.Name, "+" + spot.Change.ToString("N0", CultureInfo.CurrentCulture)), section: null, department: null, complaintId: null);

    /// <summary>From a customer's suggestion: the case and their words as its source.</summary>
    private Task RaiseFromSuggestionAsync(CallbackSuggestionRow row)
    {
        var source = string.Format(CultureInfo.CurrentCulture, DeadlineText.Improve_SourceSuggestion, row.CaseNumber, row.Suggestion.ReplaceLineEndings(" "));
        if (source.Length > ImprovementAction.SourceMaxLength)
        {
            source = source[..(ImprovementAction.SourceMaxLength - 1)] + "…";
        }

        // The department that worked the case, when one did; the reader picks among several.
        var worked = row.DepartmentIds.Distinct().ToList();
        return RaiseAsync(source, "suggestions-section", worked.Count == 1 ? worked[0] : null, row.ComplaintId);
    }

    private Task<(IReadOnlyList<CallbackSuggestionRow> Rows, int Total)> LoadSuggestionsAsync(int skip, int take)
    {
        var (shown, zone, department) = (period, Clock.TimeZone, onlyDepartment);
        return InScopeAsync(sp => new ComplaintStatistics(sp.GetRequiredService<PortalDbContext>()).SuggestionsAsync(shown, zone, department, skip, take));
    }

    private async Task RaiseAsync(string source, string? section, int? department, int? complaintId)
    {
        var address = "/" + Navigation.ToBaseRelativePath(Navigation.GetUriWithQueryParameters(Navigation.BaseUri + "reports/statistics",
            ReportPeriodQuery.Of(period.Kind, period.Year, period.Number)));
        var parameters = new DialogParameters<ImprovementDialog>
        {
            { d => d.Mode, ImprovementStep.Raise },
            { d => d.Source, source },
            { d => d.StatisticsAddress, section is null ? address : address + "#" + section },
            { d => d.DepartmentId, department },
            { d => d.SourceComplaintId, complaintId },
        };
        if (await ImprovementDialog.ShowAsync(DialogService, parameters) is { } result)
        {
            if (result.Succeeded && complaintId is not null && suggestions is not null)
            {
                await suggestions.ReloadAsync();
            }

            Snackbar.Add(result.Succeeded
                ? string.Format(CultureInfo.CurrentCulture, DeadlineText.Improve_Raised, names.Department(result.Action!.DepartmentId))
                : ImprovementLabels.Error(result.Error), result.Succeeded ? MudBlazor.Severity.Success : MudBlazor.Severity.Warning);
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        period = ReportPeriodQuery.Resolve(PeriodKind, YearValue, NumberValue, Clock);
        (kind, year, number) = (period.Kind, period.Year, period.Number);
        var key = string.Create(CultureInfo.InvariantCulture, $"{period.Kind}/{period.Year}/{period.Number}/{onlyDepartment}");
        if (View?.Key != key)
        {
            // The prerender's, when they are of this period and this reader's department (the key says both).
            View = Handoff.Take<StatisticsView>(Prerendered) is { } kept && kept.Key == key ? kept : null;
            Prerendered = null;
        }

        if (View?.Key != key)
        {
            var (shown, zone, department) = (period, Clock.TimeZone, onlyDepartment);
            if (!RendererInfo.IsInteractive)
            {
                // The prerender reads the kept counts only (a year of a million cases in 0.1 s) and hands them to the circuit. Counted
                // from the cases (counts not kept yet, or in another zone), a year of a million cases takes 15 s, and a prerendered
                // page is sent only when it is done, so the reader would stare at the page before with no sign of progress: the
                // circuit reads those under the progress bar instead.
                if (await InScopeAsync(sp => new ComplaintStatistics(sp.GetRequiredService<PortalDbContext>()).ReadIfKeptAsync(shown, zone, department))
                    is not { } kept)
                {
                    return;
                }

                View = new StatisticsView(key, kept);
                Prerendered = Handoff.Keep(View);
            }
            else
            {
                loading = true;
                var result = await InScopeAsync(sp => new ComplaintStatistics(sp.GetRequiredService<PortalDbContext>()).ReadAsync(shown, zone, department));
                View = new StatisticsView(key, result);
                loading = false;
            }
        }

        Present(View.Result);
    }

    /// <summary>Puts the chosen period into the address, so it can be bookmarked and the page loads it.</summary>
    private void Show() => Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(ReportPeriodQuery.Of(kind, year, number)));

    /// <summary>A figure of the whole period (the summary's).</summary>
    private StatisticsSelection Whole(StatisticsFigure figure) =>
        StatisticsSelection.Of(new StatisticsRow(DeadlineText.Stats_All, View!.Result.Total, StatisticsSlice.All), figure);

    /// <summary>One page of the cases behind a figure, on its own scope (the dialog's grid asks as it pages).</summary>
    private Task<IReadOnlyList<StatisticsCase>> LoadCasesAsync(StatisticsSelection selection, int skip, int take)
    {
        var shown = selection.Before ? ComplaintStatistics.Before(period) : period;
        var (zone, department) = (Clock.TimeZone, onlyDepartment);
        return InScopeAsync(sp => new ComplaintStatistics(sp.GetRequiredService<PortalDbContext>())
            .CasesAsync(selection.Figure, selection.Slice, shown, zone, department, skip, take, total: selection.Count));
    }

    private void Present(ComplaintStatisticsResult result)
    {
        var tables = StatisticsTables.Of(result, names);
        (categories, channels, departments, solutions, causes) =
            ([.. tables.Categories], [.. tables.Channels], [.. tables.Departments], [.. tables.Solutions], [.. tables.Causes]);
        (products, customerGroups, locations) = ([.. tables.Products], [.. tables.CustomerGroups], [.. tables.Locations]);
        // Types only: cases not yet assessed rising are no hot spot.
        hotSpots = [.. categories.Where(c => !c.Slice.Uncategorised && c.Change > 0)
            .OrderByDescending(c => c.Change).ThenByDescending(c => c.Line.Received).Take(HotSpotsShown)];
        // Named products and places only: the others and the not given are no one thing to look into.
        // Causes filed, not the findings filed under none.
        hotCauses = [.. causes.Where(r => r.Slice.CauseCategoryCode is not null && r.Change > 0)
            .OrderByDescending(r => r.Change).ThenByDescending(r => r.Line.Received).Take(HotSpotsShown)];
        hotSubjects = [.. products.Concat(locations).Where(r => r.Slice.Text is { Kind: TextGroupKind.Named } && r.Change > 0)
            .OrderByDescending(r => r.Change).ThenByDescending(r => r.Line.Received).Take(HotSpotsShown)];
        var charted = categories.Where(c => c.Line.Received > 0 || c.Before > 0).ToList();
        categoryLabels = [.. charted.Select(c => c.Name)];
        categorySeries =
        [
            new() { Name = DeadlineText.Stats_ThisPeriod, Data = charted.Select(c => (double)c.Line.Received).ToArray() },
            new() { Name = DeadlineText.Stats_Before, Data = charted.Select(c => (double)(c.Before ?? 0)).ToArray() },
        ];
        monthLabels = [.. result.Trend.Select(m => ReportPeriodQuery.MonthLabel(m.Month.Year, m.Month.Number))];
        trendSeries = [new() { Name = DeadlineText.Stats_Received, Data = result.Trend.Select(m => (double)m.Received).ToArray() }];
        hourLabels = [.. Enumerable.Range(0, 24).Select(ReceivedTimesText.HourLabel)];
        hourSeries = [new() { Name = DeadlineText.Stats_Received, Data = result.Times.ByHour.Select(c => (double)c).ToArray() }];
        weekdayLabels = [.. Enumerable.Range(0, 7).Select(ReceivedTimesText.WeekdayShort)];
        weekdaySeries = [new() { Name = DeadlineText.Stats_Received, Data = result.Times.ByWeekday.Select(c => (double)c).ToArray() }];
        barOptions.ShowValues = charted.All(c => c.Line.Received <= LargestLabelled && (c.Before ?? 0) <= LargestLabelled);
        hourOptions.ShowValues = result.Times.ByHour.All(c => c <= LargestLabelled);
    }
}
