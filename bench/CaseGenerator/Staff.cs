using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CaseGenerator;

/// <summary>
/// The people generated cases belong to: intake clerks in customer service, and a head and handlers in each
/// operational department, as portal accounts (without a password: an administrator's reset lets one sign in). Each case is
/// registered by one clerk and each task owned by one handler, so deadlines and assignments reach them by name as
/// they would in the portal, and the notices' by-name index holds what a real file's would.
/// </summary>
internal static class Staff
{
    public const int Clerks = 12;

    public const int HandlersPerDepartment = 6;

    /// <summary>Adds the generated accounts that are not there yet (a second run into the same file adds none).</summary>
    public static async Task<int> EnsureAsync(PortalDbContext db, DateTimeOffset now)
    {
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);
        var departments = await db.Departments.AsNoTracking().Where(d => d.IsActive).ToListAsync();
        var existing = (await db.Users.Select(u => u.UserName).ToListAsync()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var people = new List<(string UserName, string Name, int DepartmentId, string Role)>();
        var service = departments.First(d => d.Code == DepartmentCatalog.CustomerService);
        people.AddRange(Enumerable.Range(1, Clerks).Select(i => ($"gen.cs.{i:00}", $"{service.NameZhHans} 受理员{i:00}", service.Id, PortalRoles.IntakeClerk)));
        foreach (var department in departments.Where(d => d.Kind == DepartmentKind.Operational))
        {
            var code = department.Code.ToLowerInvariant();
            people.Add(($"gen.{code}.head", $"{department.NameZhHans} 负责人", department.Id, PortalRoles.DepartmentHead));
            people.AddRange(Enumerable.Range(1, HandlersPerDepartment).Select(i =>
                ($"gen.{code}.{i:00}", $"{department.NameZhHans} 经办人{i:00}", department.Id, PortalRoles.DepartmentHandler)));
        }

        var added = 0;
        foreach (var person in people.Where(p => !existing.Contains(p.UserName)))
        {
            var user = new PortalUser
            {
                UserName = person.UserName,
                NormalizedUserName = person.UserName.ToUpperInvariant(),
                DisplayName = person.Name,
                DepartmentId = person.DepartmentId,
                CreatedAt = now,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[person.Role] });
            added++;
        }

        await db.SaveChangesAsync();
        return added;
    }
}
