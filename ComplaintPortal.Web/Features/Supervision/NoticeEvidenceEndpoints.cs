using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Features.Cases.EvidenceFiles;
using ComplaintPortal.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace ComplaintPortal.Web.Features.Supervision;

/// <summary>
/// A notice's evidence files, for whoever may see the notice (the committee, leadership, the department):
/// served inline for the preview, <c>?download=true</c> for a download. Forbidden answers as missing.
/// </summary>
internal static class NoticeEvidenceEndpoints
{
    public static string Address(int noticeId, int evidenceId, bool download = false) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"/supervision/notices/{noticeId}/evidence/{evidenceId}{(download ? "?download=true" : "")}");

    public static void Map(RouteGroupBuilder supervision) =>
        supervision.MapGet("/notices/{noticeId:int}/evidence/{evidenceId:int}", DownloadAsync)
            .RequireAuthorization(p => p.RequireRole(SupervisionEndpoints.FiguresRoles.Split(',')))
            .WithMetadata(new SameOriginFraming());

    private static async Task<Results<FileStreamHttpResult, NotFound>> DownloadAsync(int noticeId, int evidenceId, bool? download, HttpContext http,
        CaseUsers users, RectificationNotices notices, EvidenceStore store, CancellationToken ct)
    {
        var viewer = await users.FindAsync(http.User, ct);
        var item = viewer is null ? null : await notices.FindEvidenceAsync(noticeId, evidenceId, viewer, ct);
        if (item is null)
        {
            return TypedResults.NotFound();
        }

        var inline = download != true && EvidenceKinds.Of(item.ContentType) != EvidenceKind.Other;
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(item.FileName);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(store.Open(item.StoredName), item.ContentType, enableRangeProcessing: true);
    }
}
