using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Web.Features.Setup;

namespace ComplaintPortal.Web.Hosting;

internal static class DatabaseStartup
{
    /// <summary>
    /// Migrates the database, seeds reference data, and makes sure someone can administer the portal:
    /// demo accounts in Development, otherwise the configured or set-up first administrator.
    /// </summary>
    public static async Task InitialisePortalDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PortalDbContext>();
        await PortalDatabaseInitializer.MigrateAndSeedAsync(db, services.GetRequiredService<TimeProvider>());

        if (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("Demo:SeedAccounts"))
        {
            await services.GetRequiredService<DemoAccounts>().EnsureAsync();
        }

        await services.GetRequiredService<FirstAdministratorSetup>().InitialiseAsync(services);
    }
}
