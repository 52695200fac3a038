using System.Globalization;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Web.Hosting;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Features.Reports;

public sealed partial class Timeliness
{
    private Dictionary<int, Department> departments = [];
    private TimelinessResult result = new([], []);
    private (DateTimeOffset From, DateTimeOffset To) range;

    [Inject]
    private TimelinessReport Report { get; set; } = default!;

    [Inject]
    private PortalDbContext Db { get; set; } = default!;

    [Inject]
    private OrganisationClock Clock { get; set; } = default!;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "period")]
    private string? PeriodKind { get; set; }

    [SupplyParameterFromQuery(Name = "year")]
    private int? Year { get; set; }

    [SupplyParameterFromQuery(Name = "number")]
    private int? Number { get; set; }

    [SupplyParameterFromQuery(Name = "department")]
    private int? DepartmentId { get; set; }

    private ReportPeriod Period { get; set; } = new(ReportPeriodKind.Month, 2000, 1);

    protected override async Task OnInitializedAsync()
    {
        Period = ResolvePeriod();
        range = Period.UtcRange(Clock.TimeZone);
        departments = await Db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id);
        if (OnlyOwnDepartment)
        {
            // A department head sees the figures of their own department only.
            var userName = HttpContext.User.Identity?.Name;
            DepartmentId = await Db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => u.DepartmentId).FirstOrDefaultAsync() ?? -1;
            departments = departments.Where(d => d.Key == DepartmentId).ToDictionary();
        }

        result = await Report.ComputeAsync(Period, Clock.TimeZone, Clock.UtcNow, DepartmentId);
    }

    private bool OnlyOwnDepartment =>
        !HttpContext.User.IsInRole(PortalRoles.Leadership) && !HttpContext.User.IsInRole(PortalRoles.Supervisor)
        && !HttpContext.User.IsInRole(PortalRoles.IntakeClerk);

    /// <summary>The period asked for, or the current month when the query names none or an impossible one.</summary>
    private ReportPeriod ResolvePeriod()
    {
        var kind = Enum.TryParse<ReportPeriodKind>(PeriodKind, ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : ReportPeriodKind.Month;
        var current = ReportPeriod.Containing(kind, Clock.UtcNow, Clock.TimeZone);
        var max = kind switch
        {
            ReportPeriodKind.Month => 12,
            ReportPeriodKind.Quarter => 4,
            ReportPeriodKind.Year => 1,
            _ => throw new InvalidOperationException($"Unknown period {kind}."),
        };
        var year = Year is >= 2000 and <= 2100 ? Year.Value : current.Year;
        var number = kind == ReportPeriodKind.Year ? 1 : Number is { } n && n >= 1 && n <= max ? n : current.Number;
        return new(kind, year, number);
    }

    private string DepartmentName(int id) =>
        departments.TryGetValue(id, out var d) ? d.DisplayName(CultureInfo.CurrentUICulture) : id.ToString(CultureInfo.CurrentCulture);

    private string DepartmentCode(int id) => departments.TryGetValue(id, out var d) ? d.Code : "";

    private static string Percent(decimal? rate) => rate is { } r ? r.ToString("0.0", CultureInfo.CurrentCulture) + "%" : "–";

    private static string KindName(DeadlineKind kind) =>
        DeadlineText.ResourceManager.GetString("Kind_" + kind, CultureInfo.CurrentUICulture) ?? kind.ToString();

    private static string PeriodName(ReportPeriodKind kind) =>
        DeadlineText.ResourceManager.GetString("Period_" + kind, CultureInfo.CurrentUICulture) ?? kind.ToString();
}
