using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Privacy;
using ComplaintPortal.Web.Features.Privacy;
using ComplaintPortal.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace ComplaintPortal.Web.Features.Cases.EvidenceFiles;

/// <summary>
/// Hands out a case's evidence files to those who may see the case. Photos, PDFs and recordings are
/// served inline so the case page can preview them (and may frame them, from the portal itself only);
/// <c>?download=true</c> asks for a download instead.
/// </summary>
internal static class EvidenceEndpoints
{
    public static IEndpointRouteBuilder MapEvidenceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Any portal role may try; CaseAccess decides per case.
        endpoints.MapGet("/cases/{number}/evidence/{evidenceId}", DownloadAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = PortalRoles.AnyRole })
            .WithMetadata(new SameOriginFraming());
        return endpoints;
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> DownloadAsync(
        string number, string evidenceId, bool? download, HttpContext http, CaseUsers users, PortalDbContext db, EvidenceStore store,
        PersonalDataViews views, CancellationToken ct)
    {
        var user = await users.FindAsync(http.User, ct);
        var complaint = await db.Complaints.AsNoTracking().Include(c => c.Tasks).Include(c => c.Evidence).AsSplitQuery()
            .FirstOrDefaultAsync(c => c.CaseNumber == number, ct);
        var item = int.TryParse(evidenceId, CultureInfo.InvariantCulture, out var itemId) ? complaint?.Evidence.FirstOrDefault(e => e.Id == itemId) : null;
        // Forbidden answers exactly as missing, so the address tells nobody that the file exists.
        if (complaint is null || item is null || user is null || !CaseAccess.MaySee(complaint, user))
        {
            return TypedResults.NotFound();
        }

        // Evidence is the customer's personal data: each look is logged once (a player's or PDF viewer's follow-up range requests are the same look).
        if (!PersonalDataRequests.IsContinuation(http.Request))
        {
            await views.RecordAsync(user, complaint.Id, complaint.CaseNumber, PersonalDataViewKind.Evidence, item.FileName, ViewerAddress.Of(http), ct);
        }

        var inline = download != true && EvidenceKinds.Of(item.ContentType) != EvidenceKind.Other;
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(item.FileName);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        // Personal data: never kept by shared caches.
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(store.Open(item.StoredName), item.ContentType, enableRangeProcessing: true);
    }
}
