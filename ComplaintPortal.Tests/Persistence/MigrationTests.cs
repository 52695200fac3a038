using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ComplaintPortal.Tests.Persistence;

public class MigrationTests
{
    [Fact]
    public void Sqlite_model_has_no_changes_without_a_migration()
    {
        using var database = new TestDatabase();
        using var db = database.CreateContext();

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void SqlServer_model_has_no_changes_without_a_migration()
    {
        using var db = CreateSqlServerContext();

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void SqlServer_migrations_generate_an_idempotent_script()
    {
        using var db = CreateSqlServerContext();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [Departments]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [AspNetUsers]", script, StringComparison.Ordinal);
        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrating_a_new_file_creates_the_schema_turns_on_wal_and_seeds_once()
    {
        using var database = new TestDatabase();
        await database.MigrateAsync();
        await database.MigrateAsync(); // a restart must not duplicate reference data

        await using var db = database.CreateContext();
        Assert.Equal(DepartmentCatalog.Seed().Count, await db.Departments.CountAsync());
        Assert.Equal(PortalRoles.All.Order(StringComparer.Ordinal), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order(StringComparer.Ordinal));
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_test_file_with_the_schema_has_every_migration_applied_and_no_seeded_row_while_a_new_file_has_none_applied()
    {
        using var empty = new TestDatabase();
        using var copied = TestDatabase.WithSchema();

        await using (var db = empty.CreateContext())
        {
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetPendingMigrationsAsync());
        }

        await using (var db = copied.CreateContext())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(0, await db.Departments.CountAsync());
            Assert.Equal(0, await db.Roles.CountAsync());
        }
    }

    [Fact]
    public async Task Database_refuses_a_second_department_with_the_same_code()
    {
        using var database = new TestDatabase();
        await database.MigrateAsync();
        await using var db = database.CreateContext();

        db.Departments.Add(new Department(DepartmentCatalog.Quality, "重复", "重複", "Duplicate", DepartmentKind.Operational));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    private static SqlServerPortalDbContext CreateSqlServerContext()
    {
        var builder = new DbContextOptionsBuilder<SqlServerPortalDbContext>();
        PortalDatabase.ConfigureSqlServer(builder, "Server=localhost;Database=Unused;Trusted_Connection=True;TrustServerCertificate=True");
        builder.UseIdentitySchema();
        return new SqlServerPortalDbContext(builder.Options);
    }
}
