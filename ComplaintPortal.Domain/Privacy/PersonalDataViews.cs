using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Privacy;

/// <summary>What the log reader asks for: a person (name or account), a case number, a kind and a period, all optional.</summary>
public sealed record PersonalDataViewQuery(string? Person = null, string? CaseNumber = null, PersonalDataViewKind? Kind = null,
    DateTimeOffset? From = null, DateTimeOffset? To = null);

public sealed record PersonalDataViewPage(IReadOnlyList<PersonalDataView> Lines, int Total);

/// <summary>
/// The one way a look at personal data is written down, and the log's reading: only the archive clerk and the
/// supervision committee read it. Writing is for the surfaces that show unmasked data (the case page, evidence
/// files, exports), each once per time a person sees it.
/// </summary>
public sealed class PersonalDataViews(PortalDbContext db, TimeProvider time)
{
    public const int MaxExportLines = 50_000;

    public static bool MayRead(ActingUser reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsInRole(PortalRoles.ArchiveClerk) || reader.IsInRole(PortalRoles.Supervisor);
    }

    /// <summary>Writes one line: <paramref name="viewer"/> saw the personal data of this case, now.</summary>
    public async Task RecordAsync(ActingUser viewer, int complaintId, string caseNumber, PersonalDataViewKind kind, string? detail, string? address,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentException.ThrowIfNullOrEmpty(caseNumber);
        db.PersonalDataViews.Add(new PersonalDataView(viewer, complaintId, caseNumber, kind, detail, address, time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>An export with personal data of many cases: one line per case, all at the same instant.</summary>
    public async Task RecordExportAsync(ActingUser viewer, IEnumerable<(int ComplaintId, string CaseNumber)> cases, string? what, string? address,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(cases);
        var now = time.GetUtcNow();
        db.PersonalDataViews.AddRange(cases.DistinctBy(c => c.ComplaintId)
            .Select(c => new PersonalDataView(viewer, c.ComplaintId, c.CaseNumber, PersonalDataViewKind.Export, what, address, now)));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A page of the log, newest first unless <paramref name="oldestFirst"/>, or nothing for a reader who may not read it.</summary>
    public async Task<PersonalDataViewPage> SearchAsync(ActingUser reader, PersonalDataViewQuery query, int skip, int take,
        bool oldestFirst = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(query);
        if (!MayRead(reader))
        {
            return new PersonalDataViewPage([], 0);
        }

        var lines = Filter(query);
        var total = await lines.CountAsync(cancellationToken);
        var ordered = oldestFirst ? lines.OrderBy(v => v.Id) : lines.OrderByDescending(v => v.Id);
        var page = await ordered.Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 500)).ToListAsync(cancellationToken);
        return new PersonalDataViewPage(page, total);
    }

    /// <summary>The lines for an export of the log (newest first, at most <see cref="MaxExportLines"/>), or none for a reader who may not read it.</summary>
    public async Task<IReadOnlyList<PersonalDataView>> ExportAsync(ActingUser reader, PersonalDataViewQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(query);
        return MayRead(reader)
            ? await Filter(query).OrderByDescending(v => v.Id).Take(MaxExportLines).ToListAsync(cancellationToken)
            : [];
    }

    private IQueryable<PersonalDataView> Filter(PersonalDataViewQuery query)
    {
        var lines = db.PersonalDataViews.AsNoTracking();
        if (query.Person?.Trim() is { Length: > 0 } person)
        {
            lines = lines.Where(v => v.ViewerName.Contains(person) || v.ViewerUserId == person);
        }

        if (query.CaseNumber?.Trim() is { Length: > 0 } number)
        {
            lines = lines.Where(v => v.CaseNumber.Contains(number));
        }

        if (query.Kind is { } kind)
        {
            lines = lines.Where(v => v.Kind == kind);
        }

        if (query.From is { } from)
        {
            lines = lines.Where(v => v.At >= from);
        }

        if (query.To is { } to)
        {
            lines = lines.Where(v => v.At < to);
        }

        return lines;
    }
}
