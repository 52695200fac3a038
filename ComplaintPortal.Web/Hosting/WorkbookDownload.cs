using ComplaintPortal.Domain.Reporting.Excel;

namespace ComplaintPortal.Web.Hosting;

/// <summary>
/// A workbook answered as a download: its file name, its type, and kept out of every cache on the way (it holds the
/// organisation's figures and its customers' data, masked or not).
/// </summary>
internal static class WorkbookDownload
{
    public static async Task<IResult> SendAsync(HttpContext context, ReportWorkbook workbook, string fileName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        Start(context, fileName);
        await workbook.SaveAsync(context.Response.Body, ct);
        return Results.Empty;
    }

    /// <summary>The download's headers, for a writer that streams the file itself (the board's).</summary>
    public static void Start(HttpContext context, string fileName)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        context.Response.Headers.CacheControl = "private, no-store";
        context.Response.ContentType = ReportWorkbook.ContentType;
    }
}
