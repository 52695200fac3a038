using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Domain.Persistence;

// Used by `dotnet ef migrations add ... --context SqlitePortalDbContext|SqlServerPortalDbContext`
// (see scripts/add-migration.sh); no database is opened to create a migration.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqlitePortalDbContext>();
        PortalDatabase.ConfigureSqlite(builder, "Data Source=design-time.db");
        DesignTime.UseIdentitySchema(builder);
        return new SqlitePortalDbContext(builder.Options);
    }
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerPortalDbContext>
{
    public SqlServerPortalDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqlServerPortalDbContext>();
        PortalDatabase.ConfigureSqlServer(builder, "Server=localhost;Database=ComplaintPortal;Trusted_Connection=True;TrustServerCertificate=True");
        DesignTime.UseIdentitySchema(builder);
        return new SqlServerPortalDbContext(builder.Options);
    }
}

internal static class DesignTime
{
    /// <summary>
    /// The Identity model depends on <see cref="StoreOptions.SchemaVersion"/>, which the context reads
    /// from the host's services. Outside the host, give it the same value the portal uses.
    /// </summary>
    public static void UseIdentitySchema(DbContextOptionsBuilder builder) =>
        builder.UseApplicationServiceProvider(new ServiceCollection()
            .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = PortalDatabase.IdentitySchemaVersion)
            .BuildServiceProvider());
}
