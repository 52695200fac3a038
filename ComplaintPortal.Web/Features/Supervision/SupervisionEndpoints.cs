using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Reporting.Excel;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Hosting;

namespace ComplaintPortal.Web.Features.Supervision;

/// <summary>Downloads of supervision: the figures export (authorized like the figures page) and a notice's evidence files.</summary>
internal static class SupervisionEndpoints
{
    /// <summary>The roles of the figures page; <see cref="FiguresPublishing"/> decides what each may see.</summary>
    public const string FiguresRoles = PortalRoles.Supervisor + "," + PortalRoles.Leadership + "," + PortalRoles.DepartmentHead;

    public static IEndpointRouteBuilder MapSupervisionFeature(this IEndpointRouteBuilder endpoints)
    {
        var supervision = endpoints.MapGroup("/supervision");
        supervision.MapGet("/figures/export.xlsx", ExportFiguresAsync).RequireAuthorization(p => p.RequireRole(FiguresRoles.Split(',')));
        supervision.MapGet("/samples/{id:int}/export.xlsx", ExportDrawAsync).RequireAuthorization(p => p.RequireRole(PortalRoles.Supervisor));
        NoticeEvidenceEndpoints.Map(supervision);
        return endpoints;
    }

    private static async Task<IResult> ExportFiguresAsync(ReportPeriodKind? kind, int? year, int? number, HttpContext context, CaseUsers users,
        FiguresPublishing publishing, PortalDbContext db, TimeProvider time, OrganisationClock clock, CancellationToken ct)
    {
        var form = new SampleForm { Kind = kind ?? ReportPeriodKind.Month, Year = year ?? 0, Number = number ?? 1 };
        var viewer = await users.FindAsync(context.User, ct);
        if (viewer is null || kind is null || !form.PeriodIsValid)
        {
            return TypedResults.NotFound();
        }

        // Null when the viewer may not see this period's figures (not published, and not a committee member).
        var view = await publishing.GetAsync(form.Period, clock.TimeZone, viewer, ct);
        if (view is null)
        {
            return TypedResults.NotFound();
        }

        var names = await SupervisionNames.LoadAsync(db);
        using var workbook = new ReportWorkbook(clock.TimeZone);
        FiguresExport.Write(workbook, view, names, view.Publication is { } p ? clock.Format(p.PublishedAt) : null, time.GetUtcNow());
        return await WorkbookDownload.SendAsync(context, workbook, FiguresExport.FileName(view.Period), ct);
    }

    /// <summary>A draw's list of cases, for the committee only (as the draw's page).</summary>
    private static async Task<IResult> ExportDrawAsync(int id, HttpContext context, CaseUsers users, SampleDrawing drawing, PortalDbContext db,
        TimeProvider time, OrganisationClock clock, CancellationToken ct)
    {
        var viewer = await users.FindAsync(context.User, ct);
        var draw = viewer is null ? null : await drawing.FindAsync(id, viewer, ct);
        if (draw is null)
        {
            return TypedResults.NotFound();
        }

        var (cases, _) = await drawing.CasePageAsync(id, viewer!, DrawnCaseShown.All, DrawnCaseOrder.DrawOrder, false, 0, int.MaxValue, ct);
        var names = await SupervisionNames.LoadAsync(db);
        using var workbook = new ReportWorkbook(clock.TimeZone);
        DrawExport.Write(workbook, draw, cases, names, clock.Format(draw.DrawnAt), time.GetUtcNow());
        return await WorkbookDownload.SendAsync(context, workbook, DrawExport.FileName(id), ct);
    }
}
