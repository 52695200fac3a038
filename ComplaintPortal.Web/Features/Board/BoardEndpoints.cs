using ComplaintPortal.Domain.Board;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>
/// The board's export (the viewer's rows through the same audience rule and filters as the page) and,
/// when <see cref="BoardOptions.Diagnostics"/> is on, the figures a benchmark reads.
/// </summary>
internal static class BoardEndpoints
{
    public static IEndpointRouteBuilder MapBoardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var board = endpoints.MapGroup("/board");
        board.MapGet("/export.xlsx", ExportAsync).RequireAuthorization(p => p.RequireRole(BoardAccess.Roles.Split(',')));

        if (endpoints.ServiceProvider.GetRequiredService<IOptions<BoardOptions>>().Value.Diagnostics)
        {
            board.MapGet("/diagnostics", (CircuitCount circuits, BoardChangeFeed feed, BoardProbe probe, bool? collect) =>
            {
                if (collect == true)
                {
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                    GC.WaitForPendingFinalizers();
                    GC.Collect();
                }

                using var process = System.Diagnostics.Process.GetCurrentProcess();
                return TypedResults.Ok(new
                {
                    circuits = circuits.Open,
                    boards = feed.Subscribers,
                    managedBytes = GC.GetTotalMemory(false),
                    workingSetBytes = process.WorkingSet64,
                    cpuMilliseconds = process.TotalProcessorTime.TotalMilliseconds,
                    probe = probe.Report(),
                });
            }).RequireAuthorization(p => p.RequireRole(PortalRoles.Administrator));

            // Starts the probe's figures afresh (e.g. before a benchmark phase). A post with the antiforgery token
            // (form field or RequestVerificationToken header), as the portal's other state-changing requests.
            board.MapPost("/diagnostics/reset", async (HttpContext context, IAntiforgery antiforgery, BoardProbe probe) =>
            {
                if (!await antiforgery.IsRequestValidAsync(context))
                {
                    return Results.BadRequest();
                }

                probe.Reset();
                return Results.NoContent();
            }).RequireAuthorization(p => p.RequireRole(PortalRoles.Administrator));
        }

        return endpoints;
    }

    private static async Task<IResult> ExportAsync(HttpContext context, CaseUsers users, BoardQuery query, BoardRowMarkup markup,
        TimeProvider time, Hosting.OrganisationClock clock, CancellationToken ct)
    {
        var viewer = await BoardViewers.ForAsync(context.User, users, ct);
        var now = time.GetUtcNow();
        var rows = await query.OpenCasesAsync(viewer, BoardQueryString.Parse(context.Request.Query), now, BoardExport.MaxRows, null, ct);
        var lookups = await markup.LookupsAsync(System.Globalization.CultureInfo.CurrentUICulture, ct);
        var fileName = "board-" + clock.ToLocal(now).ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture) + ".xlsx";
        WorkbookDownload.Start(context, fileName);
        var view = new BoardView(rows, BoardQueryString.Parse(context.Request.Query), lookups, now, clock.TimeZone);
        await BoardExport.WriteAsync(context.Response.Body, view, ct);
        return Results.Empty;
    }
}
