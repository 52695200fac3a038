using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ComplaintPortal.Domain.Persistence;

// Used by `dotnet ef migrations add ... --context SqlitePortalDbContext|SqlServerPortalDbContext`
// (see scripts/add-migration.sh); no database is opened to create a migration.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqlitePortalDbContext>();
        PortalDatabase.ConfigureSqlite(builder, "Data Source=design-time.db");
        builder.UseIdentitySchema();
        return new SqlitePortalDbContext(builder.Options);
    }
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerPortalDbContext>
{
    public SqlServerPortalDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqlServerPortalDbContext>();
        PortalDatabase.ConfigureSqlServer(builder, "Server=localhost;Database=ComplaintPortal;Trusted_Connection=True;TrustServerCertificate=True");
        builder.UseIdentitySchema();
        return new SqlServerPortalDbContext(builder.Options);
    }
}
