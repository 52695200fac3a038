using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Organisation.Setup;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Web.Features.Setup;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Hosting;

internal static class DatabaseStartup
{
    /// <summary>
    /// Migrates the database, seeds reference data, and makes sure someone can administer the portal:
    /// demo accounts in Development, otherwise the configured or set-up first administrator.
    /// The organisation comes from a starter: <c>Demo:Starter</c> when configured (demo servers); in
    /// Development the mixed demonstration organisation by default; otherwise the administrator picks one
    /// on the set-up page. When nobody will use the set-up page (Entra ID, or a configured first
    /// administrator) the mixed organisation is applied, as before starters existed.
    /// </summary>
    public static async Task InitialisePortalDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PortalDbContext>();
        var time = services.GetRequiredService<TimeProvider>();
        var starter = ConfiguredStarter(app.Configuration);
        var demo = app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("Demo:SeedAccounts");
        await PortalDatabaseInitializer.MigrateAndSeedAsync(db, time, starter ?? (demo ? Starters.Mixed : null));

        if (demo)
        {
            await services.GetRequiredService<DemoAccounts>().EnsureAsync();
            if (app.Configuration.GetValue("Demo:SeedCases", app.Environment.IsDevelopment()))
            {
                var starterCode = await OrganisationProfile.StarterCodeAsync(db) ?? Starters.MixedCode;
                await services.GetRequiredService<DemoCases>().EnsureAsync(starterCode);
            }
        }

        var setup = services.GetRequiredService<FirstAdministratorSetup>();
        await setup.InitialiseAsync(services);
        if (!setup.IsPending)
        {
            await PortalDatabaseInitializer.ApplyStarterIfNotSetUpAsync(db, Starters.Mixed, PortalDatabaseInitializer.SeededBy, time.GetUtcNow());
        }

        // The timeliness and statistics counts are kept by every save from now on, so they must exist before the portal serves
        // anyone: a save that found none would skip counting, and if a build was reading the cases meanwhile, its change would be
        // counted by neither. A new database's build is instant; an older one's is its one-time backfill (the demo's cases included).
        var zone = services.GetRequiredService<OrganisationClock>().TimeZone;
        await TimelinessCounts.EnsureAsync(db, zone, time.GetUtcNow());
        await StatisticsCounts.EnsureAsync(db, zone, time.GetUtcNow());
    }

    /// <summary>The starter named by <c>Demo:Starter</c> (manufacturer, plaza, telecom, empty, mixed), or null.</summary>
    private static OrganisationSetup? ConfiguredStarter(IConfiguration configuration)
    {
        var code = configuration["Demo:Starter"];
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        return Starters.Find(code) ?? throw new InvalidOperationException(
            $"Demo:Starter '{code}' is not a starter; use one of: {string.Join(", ", Starters.AllCodes)}.");
    }
}
