using System.Globalization;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Web.Components.Shared;
using ComplaintPortal.Web.Hosting;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace ComplaintPortal.Web.Features.Reports;

/// <summary>
/// What the page shows for one choice of period and department: counts only (a few hundred numbers), kept from the
/// prerender so the circuit does not load them again. The cases behind a figure are read when it is clicked.
/// </summary>
public sealed record TimelinessView(string Key, ReportPeriod Period, KeptTimelinessResult Result);

public sealed partial class Timeliness
{
    /// <summary>How many months the trend chart shows, ending with the chosen period.</summary>
    private const int TrendMonths = 12;

    private Dictionary<int, Department> departments = [];
    private bool onlyOwnDepartment;
    private int? ownDepartment;
    private bool loading;
    private (DateTimeOffset From, DateTimeOffset To) range;

    /// <summary>The period shown has not ended (the current month, quarter or year).</summary>
    private bool PeriodOpen => Clock.UtcNow < range.To;

    /// <summary>The month the organisation is in now (the trend leaves its resolution rate off the line until it ends).</summary>
    private (int Year, int Month) RunningMonth
    {
        get
        {
            var local = Clock.ToLocal(Clock.UtcNow);
            return (local.Year, local.Month);
        }
    }

    // The filter as chosen on screen; applied (into the address) with Show.
    private ReportPeriodKind kind;
    private int year;
    private int number;
    private int? chosenDepartment;

    [Inject]
    private OrganisationClock Clock { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IDialogService DialogService { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "period")]
    private string? PeriodKind { get; set; }

    // Numbers arrive as text: the framework would throw on "?year=abc"; anything unreadable means "not given".
    [SupplyParameterFromQuery(Name = "year")]
    private string? YearValue { get; set; }

    [SupplyParameterFromQuery(Name = "number")]
    private string? NumberValue { get; set; }

    [SupplyParameterFromQuery(Name = "department")]
    private string? DepartmentValue { get; set; }

    private int? DepartmentId => ReadNumber(DepartmentValue);

    /// <summary>The figures shown, read once: the prerender's are handed to the circuit (<see cref="Prerendered"/>).</summary>
    public TimelinessView? View { get; private set; }

    /// <summary>The prerender's figures' token: they wait on the server, so the circuit's first message stays small however many departments there are.</summary>
    [PersistentState]
    public string? Prerendered { get; set; }

    [Inject]
    private PrerenderHandoff Handoff { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        departments = await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Departments.AsNoTracking().ToDictionaryAsync(d => d.Id));
        var principal = await PrincipalAsync();
        // A department head sees the figures of their own department only.
        onlyOwnDepartment = !ReportReaders.WholeOrganisation(principal);
        if (onlyOwnDepartment)
        {
            ownDepartment = (await ActingUserAsync())?.DepartmentId ?? -1;
            departments = departments.Where(d => d.Key == ownDepartment).ToDictionary();
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        var period = ResolvePeriod();
        var department = onlyOwnDepartment ? ownDepartment : DepartmentId is { } id && departments.ContainsKey(id) ? id : null;
        (kind, year, number, chosenDepartment) = (period.Kind, period.Year, period.Number, department);
        range = period.UtcRange(Clock.TimeZone);
        var key = string.Create(CultureInfo.InvariantCulture, $"{period.Kind}/{period.Year}/{period.Number}/{department}");
        if (View?.Key == key)
        {
            return;
        }

        // The prerender's, when they are of this period and this reader's department (the key says both).
        View = Handoff.Take<TimelinessView>(Prerendered) is { } kept && kept.Key == key ? kept : null;
        Prerendered = null;
        if (View is not null)
        {
            return;
        }

        loading = true;
        var (zone, now) = (Clock.TimeZone, Clock.UtcNow);
        var result = await InScopeAsync(sp => sp.GetRequiredService<KeptTimelinessReport>().ComputeAsync(period, TrendMonths, zone, now, department));
        View = new TimelinessView(key, period, result);
        loading = false;
        if (!RendererInfo.IsInteractive)
        {
            Prerendered = Handoff.Keep(View);
        }
    }

    /// <summary>Puts the chosen filter into the address, so it can be bookmarked and the page loads it.</summary>
    private void Show()
    {
        var query = ReportPeriodQuery.Of(kind, year, number);
        query["department"] = onlyOwnDepartment ? null : chosenDepartment;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(query));
    }

    /// <summary>The period asked for, or the current one when the query names none or an impossible one.</summary>
    private ReportPeriod ResolvePeriod() => ReportPeriodQuery.Resolve(PeriodKind, YearValue, NumberValue, Clock);

    private FigureSelection Behind(ComplaintCounts row, string figure, TimelinessFigure which, int count) =>
        new(DepartmentName(row.DepartmentId ?? 0) + " · " + figure, which, row.DepartmentId, count);

    /// <summary>One page of the cases behind the selected figure, on its own scope (the grid asks as it pages).</summary>
    private Task<IReadOnlyList<FigureRow>> LoadPageAsync(FigureSelection figure, int skip, int take)
    {
        var period = View!.Period;
        var (zone, now) = (Clock.TimeZone, Clock.UtcNow);
        return InScopeAsync(sp => sp.GetRequiredService<TimelinessFigureList>().PageAsync(figure.Figure, period, zone, now, figure.DepartmentId, skip, take,
            total: figure.Count));
    }

    private static int? ReadNumber(string? value) => ReportPeriodQuery.ReadNumber(value);

    private string DepartmentName(int id) =>
        departments.TryGetValue(id, out var d) ? d.DisplayName(CultureInfo.CurrentUICulture) : id.ToString(CultureInfo.CurrentCulture);

    private string DepartmentCode(int id) => departments.TryGetValue(id, out var d) ? d.Code : "";

    internal static string Percent(decimal? rate) => rate is { } r ? r.ToString("0.0", CultureInfo.CurrentCulture) + "%" : "–";

    internal static string KindName(DeadlineKind kind) =>
        DeadlineText.ResourceManager.GetString("Kind_" + kind, CultureInfo.CurrentUICulture) ?? kind.ToString();
}
