using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Supervision;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Persistence;

/// <summary>Brings a database to the current schema and makes sure the reference data exists.</summary>
public static class PortalDatabaseInitializer
{
    public static async Task MigrateAndSeedAsync(PortalDbContext db, CancellationToken cancellationToken = default) =>
        await MigrateAndSeedAsync(db, TimeProvider.System, cancellationToken);

    public static async Task MigrateAndSeedAsync(PortalDbContext db, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers (boards, reports) run while a writer commits.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await SeedRolesAsync(db, cancellationToken);
        await SeedDepartmentsAsync(db, cancellationToken);
        await SeedCategoriesAsync(db, cancellationToken);
        await SlaSeeds.SeedAsync(db, time.GetUtcNow(), cancellationToken);
        await ChecklistBook.SeedAsync(db, time.GetUtcNow(), cancellationToken);
    }

    private static async Task SeedRolesAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Roles.Select(r => r.Name).ToListAsync(cancellationToken);
        foreach (var role in PortalRoles.All.Where(r => !existing.Contains(r)))
        {
            db.Roles.Add(new IdentityRole(role)
            {
                NormalizedName = role.ToUpperInvariant(),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task SeedDepartmentsAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Departments.Select(d => d.Code).ToListAsync(cancellationToken);
        db.Departments.AddRange(DepartmentCatalog.Seed().Where(d => !existing.Contains(d.Code)));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds missing categories and, for categories added now, their default routing rules.</summary>
    private static async Task SeedCategoriesAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Categories.ToDictionaryAsync(c => c.Code, c => c.Id, cancellationToken);
        var departments = await db.Departments.ToDictionaryAsync(d => d.Code, d => d.Id, cancellationToken);
        var order = 0;
        foreach (var seed in CategoryCatalog.Seed)
        {
            order += 10;
            if (existing.ContainsKey(seed.Code))
            {
                continue;
            }

            int? parentId = seed.ParentCode is null ? null : existing[seed.ParentCode];
            var category = new Category(seed.Code, seed.NameZhHans, seed.NameZhHant, seed.NameEn, parentId, order);
            db.Categories.Add(category);
            await db.SaveChangesAsync(cancellationToken);
            existing[seed.Code] = category.Id;
            // Rules are seeded only with a new category, so an administrator's later changes stay.
            db.RoutingRules.AddRange(seed.DepartmentCodes.Select(code => new RoutingRule(category.Id, departments[code])));
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
