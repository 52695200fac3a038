using System.Globalization;
using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting.Excel;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Features.Cases.EvidenceFiles;
using ComplaintPortal.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ComplaintPortal.Web.Features.Archive;

/// <summary>
/// The archive's two non-page answers: an evidence file's watermarked preview (images only, inline, never a
/// download, only under an open approved request, each one logged) and the access register as Excel.
/// </summary>
internal static class ArchiveEndpoints
{
    public const string LogExportPath = "/archive/log/export";

    /// <summary>The archive file's page (FileView): its card, and its content under an approved request.</summary>
    public static string FilePath(string number) => "/archive/files/" + Uri.EscapeDataString(number);

    public static string PreviewPath(string number, int evidenceId) =>
        string.Create(CultureInfo.InvariantCulture, $"{FilePath(number)}/evidence/{evidenceId}");

    public static IEndpointRouteBuilder MapArchiveEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/archive/files/{number}/evidence/{evidenceId:int}", PreviewAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = PortalRoles.AnyRole })
            .WithMetadata(new SameOriginFraming());
        endpoints.MapGet(LogExportPath, ExportLogAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = ArchiveRoles.LogReaders });
        return endpoints;
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> PreviewAsync(string number, int evidenceId, HttpContext http,
        CaseUsers users, ArchiveAccess access, ArchiveViewers viewers, EvidenceStore store, CancellationToken ct)
    {
        var user = await users.FindAsync(http.User, ct);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        var seal = await access.PreviewEvidenceAsync(user, number, evidenceId, await viewers.ContextAsync(user, null, ct), ct);
        // Only pictures are previewed (under the page's watermark); anything else is never handed out.
        if (seal is null || EvidenceKinds.Of(seal.ContentType) != EvidenceKind.Image)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.ContentDisposition = "inline";
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(store.Open(seal.StoredName), seal.ContentType);
    }

    private static async Task<FileContentHttpResult> ExportLogAsync(string? person, string? number, bool? refused, ArchiveLogQuery log,
        PortalDbContext db, OrganisationClock clock, TimeProvider time, CancellationToken ct)
    {
        var filter = new ArchiveLogFilter(person, number, refused == true);
        var rows = await log.AllAsync(filter, ct);
        var bytes = ArchiveLogExport.Write(rows, clock, filter, await ArchiveNames.LoadAsync(db));
        var name = string.Create(CultureInfo.InvariantCulture, $"archive-access-log-{clock.ToLocal(time.GetUtcNow()):yyyyMMdd-HHmm}.xlsx");
        return TypedResults.File(bytes, ReportWorkbook.ContentType, name);
    }
}
