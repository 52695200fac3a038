using System.Globalization;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Privacy;
using ComplaintPortal.Domain.Reporting.Excel;
using ComplaintPortal.Web.Hosting;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Authorization;

namespace ComplaintPortal.Web.Features.Cases;

/// <summary>
/// The search's results as an .xlsx sheet: the cases the page lists for the same search (<see cref="SearchFilter"/> in the
/// address), in the order the page shows them (<see cref="CaseOrder"/>, newest first unless a header was clicked), as far as
/// it counts them, with the page's columns. Personal data is masked as on the page, for
/// cases the viewer does not work; where it is not, the export is written in the personal-data log, one line a case.
/// </summary>
internal static class SearchExport
{
    public const string Address = "/cases/search/export.xlsx";

    public static string For(SearchFilter filter, CaseOrder? order)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return CaseOrder.In(Address + filter.ToQueryString(), order);
    }

    public static IEndpointRouteBuilder MapSearchExport(this IEndpointRouteBuilder endpoints)
    {
        // Any portal role may search; what each may see decides the rows (CaseAccess), as on the page.
        endpoints.MapGet(Address, ExportAsync).RequireAuthorization(new AuthorizeAttribute { Roles = PortalRoles.AnyRole });
        return endpoints;
    }

    private static async Task<IResult> ExportAsync(HttpContext context, CaseUsers users, CaseQueries queries, PersonalDataViews log,
        OrganisationClock clock, CancellationToken ct)
    {
        var user = await users.FindAsync(context.User, ct);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        var filter = SearchFilter.Read(context.Request.Query);
        var order = CaseOrder.Read(context.Request.Query["sort"]);
        var categories = await queries.CategoriesAsync(ct);
        var found = await queries.SearchAllAsync(filter.ToCriteria(categories, clock), user, order, ct);
        var unmasked = found.Rows.Where(r => r.ViewerWorksIt && (!string.IsNullOrEmpty(r.Name) || !string.IsNullOrEmpty(r.Phone))).ToList();
        if (unmasked.Count > 0)
        {
            await log.RecordExportAsync(user, unmasked.Select(r => (r.Id, r.CaseNumber)), CaseText.Search_ExportTitle,
                context.Connection.RemoteIpAddress?.ToString(), ct);
        }

        var now = clock.UtcNow;
        var lines = filter.Describe(categories).ToList();
        if (order is not null)
        {
            lines.Add(new(CaseText.Search_ExportOrder, order.Describe()));
        }

        if (found.MoreThanTotal)
        {
            lines.Add(new(CaseText.Search_ExportNote, string.Format(CultureInfo.CurrentCulture, CaseText.Grid_Capped, found.Total)));
        }

        var heading = new ReportHeading(CaseText.Search_ExportTitle, UiText.Report_GeneratedAt, now) { Lines = lines };
        ReportColumn<CaseRow>[] columns =
        [
            ReportColumn<CaseRow>.Text(CaseText.Field_CaseNumber, r => r.CaseNumber),
            ReportColumn<CaseRow>.Text(CaseText.Field_Stage, r => CaseLabels.Stage(r.Stage)),
            ReportColumn<CaseRow>.Text(CaseText.Field_Priority, r => CaseLabels.Priority(r.Priority)),
            ReportColumn<CaseRow>.Text(CaseText.Detail_Escalated, r => r.IsEscalated ? CaseText.Common_Yes : null),
            ReportColumn<CaseRow>.DateTime(CaseText.Field_NextDeadline, r => r.NextDue),
            ReportColumn<CaseRow>.DateTime(CaseText.Field_ReceivedAt, r => r.ReceivedAt),
            ReportColumn<CaseRow>.Text(CaseText.Field_Name, r => r.ViewerWorksIt ? r.Name : PersonalDataMask.Name(r.Name)),
            ReportColumn<CaseRow>.Text(CaseText.Field_Phone, r => r.ViewerWorksIt ? r.Phone : PersonalDataMask.Phone(r.Phone)),
            ReportColumn<CaseRow>.Text(CaseText.Field_Description, r => r.Description),
        ];
        using var workbook = new ReportWorkbook(clock.TimeZone);
        workbook.AddSheet(heading, columns, found.Rows);
        var fileName = "case-search-" + clock.ToLocal(now).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture) + ".xlsx";
        return await WorkbookDownload.SendAsync(context, workbook, fileName, ct);
    }
}
