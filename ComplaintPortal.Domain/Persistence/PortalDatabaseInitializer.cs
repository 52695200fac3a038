using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Organisation.Setup;
using ComplaintPortal.Domain.Supervision;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Persistence;

/// <summary>Brings a database to the current schema and makes sure the reference data exists.</summary>
public static class PortalDatabaseInitializer
{
    public const string SeededBy = "system";

    public static async Task MigrateAndSeedAsync(PortalDbContext db, CancellationToken cancellationToken = default) =>
        await MigrateAndSeedAsync(db, TimeProvider.System, cancellationToken);

    /// <summary>Migrates and, on a portal not yet set up, applies the mixed demonstration organisation.</summary>
    public static async Task MigrateAndSeedAsync(PortalDbContext db, TimeProvider time, CancellationToken cancellationToken = default) =>
        await MigrateAndSeedAsync(db, time, Starters.Mixed, cancellationToken);

    /// <summary>
    /// Migrates, adds the roles and the default checklist, and applies <paramref name="starter"/> if the
    /// organisation has not been set up yet. With no starter the organisation stays empty until an
    /// administrator picks one (the set-up page).
    /// </summary>
    public static async Task MigrateAndSeedAsync(PortalDbContext db, TimeProvider time, OrganisationSetup? starter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers (boards, reports) run while a writer commits.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await PhoneKeys.BackfillAsync(db, cancellationToken);
        await SeedRolesAsync(db, cancellationToken);
        if (starter is not null)
        {
            await ApplyStarterIfNotSetUpAsync(db, starter, SeededBy, time.GetUtcNow(), cancellationToken);
        }

        await ChecklistBook.SeedAsync(db, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>Whether a starter was applied or departments exist (an installation from before starters).</summary>
    public static async Task<bool> IsSetUpAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.OrganisationProfiles.AnyAsync(cancellationToken) || await db.Departments.AnyAsync(cancellationToken);
    }

    /// <summary>Applies a starter to a portal that has no organisation yet; false when it already has one.</summary>
    public static async Task<bool> ApplyStarterIfNotSetUpAsync(
        PortalDbContext db, OrganisationSetup starter, string appliedBy, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(starter);
        if (await IsSetUpAsync(db, cancellationToken))
        {
            return false;
        }

        var problems = await OrganisationSetupInstaller.ApplyAsync(db, starter, appliedBy, now, cancellationToken);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"Starter {starter.StarterCode} is not valid: " + string.Join("; ", problems.Select(p => $"{p.Code} {p.Where}")));
        }

        return true;
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
}
