using System.Globalization;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Components;

namespace ComplaintPortal.Web.Features.Admin.Calendars;

public sealed partial class CalendarEdit
{
    private const int MaxCsvBytes = 256 * 1024;

    private WorkingCalendarRecord? record;
    private WorkingCalendarDefinition? definition;
    private string? status;
    private bool isError;
    private List<string> errors = [];

    [Parameter]
    public string Code { get; set; } = "";

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "save-calendar")]
    private CalendarForm Input { get; set; } = default!;

    private string Title => string.Format(CultureInfo.CurrentCulture, DeadlineText.Calendar_EditTitle, Code);

    private int DefaultYear => TimeZoneInfo.ConvertTime(Time.GetUtcNow(), record?.Definition is { } d ? FindZone(d.TimeZoneId) : TimeZoneInfo.Utc).Year + 1;

    private string UserName => HttpContext.User.Identity?.Name ?? "";

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        if (record is null)
        {
            HttpContext.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Input ??= CalendarForm.From(record);
    }

    private async Task LoadAsync()
    {
        record = await Book.FindAsync(Code);
        definition = record?.Definition;
    }

    private async Task SaveAsync()
    {
        if (record is null || definition is null)
        {
            return;
        }

        var (edited, problems) = Input.ToDefinition(definition);
        if (edited is null || problems.Count > 0)
        {
            errors = [.. problems];
            return;
        }

        var result = await Book.SaveAsync(Code, Guid.TryParse(Input.Stamp, out var stamp) ? stamp : Guid.Empty, edited, UserName, Time.GetUtcNow());
        await ReportAsync(result, DeadlineText.Calendar_Saved);
    }

    private async Task ImportAsync()
    {
        var form = HttpContext.Request.Form;
        var file = form.Files.GetFile("csv");
        if (record is null || file is null || file.Length == 0 || file.Length > MaxCsvBytes
            || !int.TryParse(form["year"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
        {
            (status, isError) = (DeadlineText.Calendar_Import_NoFile, true);
            return;
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        var result = await Book.ImportHolidaysAsync(Code, year, buffer.ToArray(), UserName, Time.GetUtcNow());
        await ReportAsync(result, string.Format(CultureInfo.CurrentCulture, DeadlineText.Calendar_Import_Done, year));
        if (result.CsvErrors.Count > 0)
        {
            status = DeadlineText.Calendar_Import_Rejected;
        }
    }

    private async Task ReportAsync(CalendarSaveResult result, string success)
    {
        errors = [.. result.Problems.Select(CalendarForm.ProblemText), .. result.CsvErrors.Select(CalendarForm.CsvErrorText)];
        (status, isError) = result switch
        {
            { Succeeded: true } => (success, false),
            { IsConflict: true } => (DeadlineText.Calendar_Conflict, true),
            _ => (null, true),
        };
        if (result.Succeeded)
        {
            await LoadAsync();
            Input = CalendarForm.From(record!);
        }
    }

    private static TimeZoneInfo FindZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
