using ComplaintPortal.Domain.Board;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting.Excel;
using ComplaintPortal.Web.Features.Cases;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>
/// Server-rendered board rows for live updates: the page swaps in exactly what the board itself would
/// render, through the same audience rule and filters, so a notice never leaks a row.
/// </summary>
internal static class BoardEndpoints
{
    public static IEndpointRouteBuilder MapBoardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var board = endpoints.MapGroup("/board").RequireAuthorization(p => p.RequireRole(BoardHub.Roles.Split(',')));

        board.MapGet("/rows", async (HttpContext context, PortalDbContext db, CaseUsers users, BoardQuery query, TimeProvider time, IOptions<BoardOptions> options, CancellationToken ct) =>
        {
            var (rows, lookups, now) = await LoadAsync(context, db, users, query, time, options.Value, null, ct);
            return new RazorComponentResult<BoardRowsFragment>(new { Rows = rows, Lookups = lookups, Now = now });
        });

        board.MapGet("/rows/{id:int}", async Task<Results<RazorComponentResult<BoardRowsFragment>, NotFound>> (
            int id, HttpContext context, PortalDbContext db, CaseUsers users, BoardQuery query, TimeProvider time, IOptions<BoardOptions> options, CancellationToken ct) =>
        {
            var (rows, lookups, now) = await LoadAsync(context, db, users, query, time, options.Value, id, ct);
            // 404: closed, filtered out, or not the viewer's department: the page removes the row.
            return rows.Count == 0
                ? TypedResults.NotFound()
                : new RazorComponentResult<BoardRowsFragment>(new { Rows = rows, Lookups = lookups, Now = now, ShowEmpty = false });
        });

        board.MapGet("/export.xlsx", async (HttpContext context, PortalDbContext db, CaseUsers users, BoardQuery query, TimeProvider time, IOptions<BoardOptions> options, Hosting.OrganisationClock clock, CancellationToken ct) =>
        {
            var (rows, lookups, now) = await LoadAsync(context, db, users, query, time, options.Value, null, ct, max: BoardExport.MaxRows);
            var fileName = "board-" + clock.ToLocal(now).ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture) + ".xlsx";
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            context.Response.ContentType = ReportWorkbook.ContentType;
            var view = new BoardView(rows, BoardQueryString.Parse(context.Request.Query), lookups, now, clock.TimeZone);
            await BoardExport.WriteAsync(context.Response.Body, view, ct);
            return Results.Empty;
        });
        return endpoints;
    }

    private static async Task<(IReadOnlyList<BoardRow> Rows, BoardLookups Lookups, DateTimeOffset Now)> LoadAsync(
        HttpContext context, PortalDbContext db, CaseUsers users, BoardQuery query, TimeProvider time, BoardOptions options, int? id,
        CancellationToken ct, int? max = null)
    {
        var viewer = await BoardViewers.ForAsync(context.User, users, ct);
        var now = time.GetUtcNow();
        var rows = await query.OpenCasesAsync(viewer, BoardQueryString.Parse(context.Request.Query), now,
            max ?? options.MaxRows, id, ct);
        return (rows, await BoardLookups.LoadAsync(db, ct), now);
    }
}
