using System.Globalization;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Features.Organisation;

/// <summary>One department in the administrator's list.</summary>
/// <param name="HeadAccountMissing">
/// The department receives work but no active account in it holds the Department head role, so the notices addressed to
/// its head (new tasks, deadline warnings, rectification notices) reach no one and no one can name a task's handler.
/// </param>
public sealed record DepartmentRow(Department Department, int Depth, string? ParentName, string? HeadName, int People, int Teams,
    bool HeadAccountMissing = false);

public sealed record DepartmentPage(IReadOnlyList<DepartmentRow> Rows, int Total);

/// <summary>Someone who can be named head or team member.</summary>
public sealed record PersonOption(string Id, string DisplayName, string UserName);

public sealed record DepartmentDetails(Department Department, IReadOnlyList<PersonOption> People, IReadOnlyList<Team> Teams, IReadOnlyList<OrganisationChangeLine> Changes,
    bool HeadAccountMissing = false);

public sealed record CalendarOption(string Code, string Name);

/// <summary>Reads for the department pages: the tree with its counts, one department with its people, teams and change log.</summary>
public sealed class DepartmentAdministration(PortalDbContext db, TimeProvider time)
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
        var withHead = await DepartmentsWithHeadAccountAsync(ct);
        var byId = all.ToDictionary(d => d.Id);
        var rows = new List<DepartmentRow>();
        void Walk(int? parentId, int depth)
        {
            foreach (var d in all.Where(d => d.ParentId == parentId || (depth == 0 && d.ParentId is { } p && !byId.ContainsKey(p))))
            {
                rows.Add(new(d, depth, d.ParentId is { } p2 && byId.TryGetValue(p2, out var parent) ? parent.DisplayName(culture) : null,
                    d.HeadUserId is { } h ? heads.GetValueOrDefault(h) : null, people.GetValueOrDefault(d.Id), teams.GetValueOrDefault(d.Id),
                    HeadAccountMissing(d, withHead)));
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
        var names = await OrganisationLogNames.LoadAsync(db, ct);
        return new DepartmentDetails(department, people, teams, changes.Select(c => OrganisationChangeText.Line(c, names)).ToList(), HeadAccountMissing(department, await DepartmentsWithHeadAccountAsync(ct)));
    }

    private static bool HeadAccountMissing(Department department, HashSet<int> withHead) =>
        department.ReceivesWork && !withHead.Contains(department.Id);

    /// <summary>Departments with at least one active (not locked) account holding the Department head role.</summary>
    private async Task<HashSet<int>> DepartmentsWithHeadAccountAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var role = db.Roles.Where(r => r.Name == PortalRoles.DepartmentHead).Select(r => r.Id);
        var departments = await db.Users.AsNoTracking()
            .Where(u => u.DepartmentId != null && (u.LockoutEnd == null || u.LockoutEnd <= now)
                && db.UserRoles.Any(ur => ur.UserId == u.Id && role.Contains(ur.RoleId)))
            .Select(u => u.DepartmentId!.Value).Distinct().ToListAsync(ct);
        return [.. departments];
    }

    public async Task<List<Department>> AllAsync(CancellationToken ct = default) =>
        await DepartmentDirectory.ListAsync(db, DepartmentListing.All, ct);

    public async Task<List<CalendarOption>> CalendarsAsync(CancellationToken ct = default) =>
        await db.WorkingCalendars.AsNoTracking().OrderBy(c => c.Code).Select(c => new CalendarOption(c.Code, c.Name)).ToListAsync(ct);

    /// <summary>One page of the organisation's change log, newest first.</summary>
    /// <summary>A page of the organisation's change log, newest first, in words (<see cref="OrganisationChangeText"/>).</summary>
    public async Task<(IReadOnlyList<OrganisationChangeLine> Rows, int Total)> LogAsync(int page, int pageSize, CancellationToken ct = default)
    {
        var total = await db.OrganisationChanges.CountAsync(ct);
        var rows = await db.OrganisationChanges.AsNoTracking().OrderByDescending(c => c.Id)
            .Skip(Math.Max(0, page) * pageSize).Take(pageSize).ToListAsync(ct);
        var names = await OrganisationLogNames.LoadAsync(db, ct);
        return (rows.Select(c => OrganisationChangeText.Line(c, names)).ToList(), total);
    }
}
