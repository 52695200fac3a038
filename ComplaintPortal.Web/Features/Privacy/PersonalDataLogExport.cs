using System.Globalization;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Privacy;
using ComplaintPortal.Domain.Reporting.Excel;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Features.Supervision;
using ComplaintPortal.Web.Hosting;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Features.Privacy;

/// <summary>The personal-data view log as an .xlsx sheet, with the page's filters (from the query string).</summary>
internal static class PersonalDataLogExport
{
    public const string Address = "/privacy/views/export.xlsx";

    public static async Task<IResult> ExportAsync(HttpContext context, CaseUsers users, PersonalDataViews log, PortalDbContext db, TimeProvider time,
        OrganisationClock clock, CancellationToken ct)
    {
        var reader = await users.FindAsync(context.User, ct);
        if (reader is null || !PersonalDataViews.MayRead(reader))
        {
            return TypedResults.NotFound();
        }

        var filter = PersonalDataLogFilter.Parse(context.Request.Query);
        var lines = await log.ExportAsync(reader, filter.ToQuery(clock.TimeZone), ct);
        var names = await SupervisionNames.LoadAsync(db);
        var now = time.GetUtcNow();
        var heading = new ReportHeading(PrivacyText.Log_Title, UiText.Report_GeneratedAt, now)
        {
            Lines = filter.Describe().Select(d => new ReportLine(d.Label, d.Value)).ToList(),
        };
        ReportColumn<PersonalDataView>[] columns =
        [
            ReportColumn<PersonalDataView>.DateTime(PrivacyText.Col_At, v => v.At),
            ReportColumn<PersonalDataView>.Text(PrivacyText.Col_Person, v => v.ViewerName),
            ReportColumn<PersonalDataView>.Text(PrivacyText.Col_Department, v => v.ViewerDepartmentId is { } d ? names.Department(d) : null),
            ReportColumn<PersonalDataView>.Text(PrivacyText.Col_Case, v => v.CaseNumber),
            ReportColumn<PersonalDataView>.Text(PrivacyText.Col_What, v => PrivacyLabels.Kind(v.Kind)),
            ReportColumn<PersonalDataView>.Text(PrivacyText.Col_Detail, v => v.Detail),
            ReportColumn<PersonalDataView>.Text(PrivacyText.Col_Address, v => v.Address ?? PrivacyText.Unknown),
        ];
        using var workbook = new ReportWorkbook(clock.TimeZone);
        workbook.AddSheet(heading, columns, lines);
        var fileName = "personal-data-views-" + clock.ToLocal(now).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture) + ".xlsx";
        return await WorkbookDownload.SendAsync(context, workbook, fileName, ct);
    }
}
