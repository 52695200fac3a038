using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting.Excel;
using ComplaintPortal.Web.Hosting;
using ComplaintPortal.Web.Resources;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Features.Archive;

/// <summary>Who may open which archive page (the pages, the navigation and the route tests read these).</summary>
public static class ArchiveRoles
{
    /// <summary>The access register: the archive clerk keeps it, leadership reads it.</summary>
    public const string LogReaders = PortalRoles.ArchiveClerk + "," + PortalRoles.Leadership;
}

/// <param name="Person">Part of the viewer's name.</param>
/// <param name="Number">Part of the archive number.</param>
/// <param name="RefusedOnly">Only the attempts refused for want of an approved request: what an auditor looks for first.</param>
public sealed record ArchiveLogFilter(string? Person, string? Number, bool RefusedOnly = false);

/// <summary>The access register (檔案查閱登記表), filtered and paged on the server.</summary>
public sealed class ArchiveLogQuery(PortalDbContext db)
{
    public const int MaxExportRows = 50_000;

    /// <summary>A page of the register, newest first unless <paramref name="oldestFirst"/> (entries are written in time order).</summary>
    public async Task<(IReadOnlyList<ArchiveAccessLogEntry> Rows, int Total)> PageAsync(ArchiveLogFilter filter, int page, int pageSize,
        bool oldestFirst = false, CancellationToken ct = default)
    {
        var query = Apply(filter);
        var total = await query.CountAsync(ct);
        var ordered = oldestFirst ? query.OrderBy(e => e.Id) : query.OrderByDescending(e => e.Id);
        var rows = await ordered.Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
        return (rows, total);
    }

    public async Task<IReadOnlyList<ArchiveAccessLogEntry>> AllAsync(ArchiveLogFilter filter, CancellationToken ct = default) =>
        await Apply(filter).OrderByDescending(e => e.Id).Take(MaxExportRows).ToListAsync(ct);

    private IQueryable<ArchiveAccessLogEntry> Apply(ArchiveLogFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.ArchiveAccessLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Person))
        {
            var person = filter.Person.Trim();
            query = query.Where(e => e.UserName.Contains(person));
        }

        if (!string.IsNullOrWhiteSpace(filter.Number))
        {
            var number = filter.Number.Trim().ToUpperInvariant();
            query = query.Where(e => e.ArchiveNumber.Contains(number));
        }

        if (filter.RefusedOnly)
        {
            query = query.Where(e => e.Kind == ArchiveAccessKind.Refused);
        }

        return query;
    }
}

/// <summary>The access register as an .xlsx sheet.</summary>
internal static class ArchiveLogExport
{
    /// <summary>The register's rows under a title block that names the filters they were chosen by.</summary>
    public static byte[] Write(IReadOnlyList<ArchiveAccessLogEntry> rows, OrganisationClock clock, ArchiveLogFilter filter, ArchiveNames names)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(names);
        List<ReportLine> lines = [];
        if (!string.IsNullOrWhiteSpace(filter.Person))
        {
            lines.Add(new(ArchiveText.Col_Viewer, filter.Person.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(filter.Number))
        {
            lines.Add(new(ArchiveText.Col_Number, filter.Number.Trim()));
        }

        if (filter.RefusedOnly)
        {
            lines.Add(new(ArchiveText.Col_What, ArchiveLabels.AccessKind(ArchiveAccessKind.Refused)));
        }

        var heading = new ReportHeading(ArchiveText.Log_Title, UiText.Report_GeneratedAt, clock.UtcNow) { Lines = lines };
        using var workbook = new ReportWorkbook(clock.TimeZone);
        workbook.AddSheet(heading,
        [
            ReportColumn<ArchiveAccessLogEntry>.DateTime(ArchiveText.Col_When, e => e.At),
            ReportColumn<ArchiveAccessLogEntry>.Text(ArchiveText.Col_Viewer, e => e.UserName),
            ReportColumn<ArchiveAccessLogEntry>.Text(ArchiveText.Col_Department, names.Viewer),
            ReportColumn<ArchiveAccessLogEntry>.Text(ArchiveText.Col_Number, e => e.ArchiveNumber),
            ReportColumn<ArchiveAccessLogEntry>.Text(ArchiveText.Col_What, e => ArchiveLabels.AccessKind(e.Kind)),
            ReportColumn<ArchiveAccessLogEntry>.Text(ArchiveText.Col_Detail, e => e.Detail),
            ReportColumn<ArchiveAccessLogEntry>.Text(ArchiveText.Col_Request, e => e.RequestNumber),
            ReportColumn<ArchiveAccessLogEntry>.Text(ArchiveText.Col_From, e => e.Address),
        ], rows);
        using var output = new MemoryStream();
        workbook.Save(output);
        return output.ToArray();
    }
}
