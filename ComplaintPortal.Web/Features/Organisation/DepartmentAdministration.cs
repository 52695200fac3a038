using System.Globalization;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Features.Organisation;

/// <summary>One department in the administrator's list.</summary>
public sealed record DepartmentRow(Department Department, int Depth, string? ParentName, string? HeadName, int People, int Teams);

public sealed record DepartmentPage(IReadOnlyList<DepartmentRow> Rows, int Total);

/// <summary>Someone who can be named head or team member.</summary>
public sealed record PersonOption(string Id, string DisplayName, string UserName);

public sealed record DepartmentDetails(Department Department, IReadOnlyList<PersonOption> People, IReadOnlyList<Team> Teams, IReadOnlyList<OrganisationChange> Changes);

public sealed record CalendarOption(string Code, string Name);

/// <summary>Reads for the department pages: the tree with its counts, one department with its people, teams and change log.</summary>
public sealed class DepartmentAdministration(PortalDbContext db)
{
    /// <summary>The departments as a tree (sub-departments under their parent), filtered and paged on the server.</summary>
    public async Task<DepartmentPage> PageAsync(string? search, bool includeRetired, int page, int pageSize, CultureInfo culture, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var all = await DepartmentDirectory.ListAsync(db, DepartmentListing.All, ct);
        var people = await db.Users.AsNoTracking().Where(u => u.DepartmentId != null).GroupBy(u => u.DepartmentId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var teams = await db.Teams.AsNoTracking().GroupBy(t => t.DepartmentId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var headIds = all.Where(d => d.HeadUserId != null).Select(d => d.HeadUserId!).ToList();
        var heads = await db.Users.AsNoTracking().Where(u => headIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var byId = all.ToDictionary(d => d.Id);
        var rows = new List<DepartmentRow>();
        void Walk(int? parentId, int depth)
        {
            foreach (var d in all.Where(d => d.ParentId == parentId || (depth == 0 && d.ParentId is { } p && !byId.ContainsKey(p))))
            {
                rows.Add(new(d, depth, d.ParentId is { } p2 && byId.TryGetValue(p2, out var parent) ? parent.DisplayName(culture) : null,
                    d.HeadUserId is { } h ? heads.GetValueOrDefault(h) : null, people.GetValueOrDefault(d.Id), teams.GetValueOrDefault(d.Id)));
                Walk(d.Id, depth + 1);
            }
        }

        Walk(null, 0);
        IEnumerable<DepartmentRow> matching = rows;
        if (!includeRetired)
        {
            matching = matching.Where(r => r.Department.IsActive);
        }

        if (search?.Trim() is { Length: > 0 } text)
        {
            matching = matching.Where(r => new[] { r.Department.Code, r.Department.NameZhHans, r.Department.NameZhHant, r.Department.NameEn }
                .Any(v => v.Contains(text, StringComparison.OrdinalIgnoreCase)));
        }

        var list = matching.ToList();
        return new DepartmentPage(list.Skip(Math.Max(0, page) * pageSize).Take(pageSize).ToList(), list.Count);
    }

    public async Task<DepartmentDetails?> FindAsync(int id, CancellationToken ct = default)
    {
        var department = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (department is null)
        {
            return null;
        }

        var people = await db.Users.AsNoTracking().Where(u => u.DepartmentId == id).OrderBy(u => u.UserName)
            .Select(u => new PersonOption(u.Id, u.DisplayName, u.UserName ?? "")).ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().Include(t => t.Members).Where(t => t.DepartmentId == id).OrderBy(t => t.Code).ToListAsync(ct);
        var codes = teams.Select(t => t.Code).Append(department.Code).ToList();
        var changes = await db.OrganisationChanges.AsNoTracking().Where(c => codes.Contains(c.SubjectCode))
            .OrderByDescending(c => c.Id).Take(20).ToListAsync(ct);
        return new DepartmentDetails(department, people, teams, changes);
    }

    public async Task<List<Department>> AllAsync(CancellationToken ct = default) =>
        await DepartmentDirectory.ListAsync(db, DepartmentListing.All, ct);

    public async Task<List<CalendarOption>> CalendarsAsync(CancellationToken ct = default) =>
        await db.WorkingCalendars.AsNoTracking().OrderBy(c => c.Code).Select(c => new CalendarOption(c.Code, c.Name)).ToListAsync(ct);

    /// <summary>One page of the organisation's change log, newest first.</summary>
    public async Task<(IReadOnlyList<OrganisationChange> Rows, int Total)> LogAsync(int page, int pageSize, CancellationToken ct = default)
    {
        var total = await db.OrganisationChanges.CountAsync(ct);
        var rows = await db.OrganisationChanges.AsNoTracking().OrderByDescending(c => c.Id)
            .Skip(Math.Max(0, page) * pageSize).Take(pageSize).ToListAsync(ct);
        return (rows, total);
    }
}
