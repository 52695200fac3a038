using System.Globalization;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ComplaintPortal.Web.Features.Admin.Calendars;

public sealed partial class CalendarEdit
{
    private MudForm form = default!;
    private RecomputeProgress? recompute;
    private WorkingCalendarRecord? record;
    private WorkingCalendarDefinition? definition;
    private CalendarForm input = new();
    private List<string> errors = [];
    private bool conflict;
    private bool loading = true;
    private bool busy;

    [Parameter]
    public string Code { get; set; } = "";

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private string Title => string.Format(CultureInfo.CurrentCulture, DeadlineText.Calendar_EditTitle, Code);

    private List<BreadcrumbItem> Crumbs => [new(DeadlineText.Calendars_Title, "/admin/calendars"), new(Code, null, disabled: true)];

    /// <summary>Next year in the calendar's own zone: the year whose holidays are usually published next.</summary>
    private int DefaultYear => TimeZoneInfo.ConvertTime(Time.GetUtcNow(), definition is { } d ? FindZone(d.TimeZoneId) : TimeZoneInfo.Utc).Year + 1;

    protected override async Task OnParametersSetAsync()
    {
        loading = true;
        await LoadAsync();
        loading = false;
        if (record is null)
        {
            SetStatusCode(StatusCodes.Status404NotFound);
        }
    }

    private async Task LoadAsync()
    {
        record = await InScopeAsync(sp => sp.GetRequiredService<WorkingCalendarBook>().FindAsync(Code));
        definition = record?.Definition;
        if (record is not null)
        {
            input = CalendarForm.From(record);
        }
    }

    private static Task<IEnumerable<string>> SearchZones(string? text, CancellationToken cancellationToken) =>
        Task.FromResult(TimeZoneNames.Search(text));

    private static string? ZoneProblem(string? zone) =>
        string.IsNullOrWhiteSpace(zone) || TimeZoneInfo.TryFindSystemTimeZoneById(zone.Trim(), out _) ? null : DeadlineText.Problem_UnknownTimeZone;

    private async Task SaveAsync()
    {
        await form.ValidateAsync();
        if (record is null || definition is null || !form.IsValid)
        {
            return;
        }

        var (edited, problems) = input.ToDefinition(definition);
        errors = [.. problems];
        conflict = false;
        if (edited is null || problems.Count > 0)
        {
            return;
        }

        busy = true;
        try
        {
            var userName = (await PrincipalAsync()).Identity?.Name ?? "";
            var stamp = Guid.TryParse(input.Stamp, out var s) ? s : Guid.Empty;
            var now = Time.GetUtcNow();
            var result = await InScopeAsync(sp => sp.GetRequiredService<WorkingCalendarBook>().SaveAsync(Code, stamp, edited, userName, now));
            errors = [.. result.Problems.Select(CalendarForm.ProblemText), .. result.CsvErrors.Select(CalendarForm.CsvErrorText)];
            conflict = result.IsConflict;
            if (result.Succeeded)
            {
                Recompute.Wake();
                Snackbar.Add(DeadlineText.Calendar_Saved, Severity.Success);
                await LoadAsync();
                await RefreshRecomputeAsync();
            }
        }
        finally
        {
            busy = false;
        }
    }

    /// <summary>An import replaced a year's special days: show them (and the new stamp) in the form.</summary>
    private async Task ImportedAsync()
    {
        await LoadAsync();
        await RefreshRecomputeAsync();
    }

    private Task RefreshRecomputeAsync() => recompute?.RefreshAsync() ?? Task.CompletedTask;

    private static TimeZoneInfo FindZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
