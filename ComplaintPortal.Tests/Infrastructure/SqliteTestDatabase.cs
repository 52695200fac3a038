using ComplaintPortal.Domain.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Infrastructure;

/// <summary>
/// A real, migrated and seeded SQLite file in a temp folder, deleted at the end. Each
/// <see cref="CreateContext"/> is a separate unit of work, like two requests of the web application.
/// </summary>
public sealed class SqliteTestDatabase : IAsyncDisposable
{
    private static readonly IServiceProvider IdentitySchema = new ServiceCollection()
        .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = PortalDatabase.IdentitySchemaVersion)
        .BuildServiceProvider();

    private SqliteTestDatabase(string folder)
    {
        Folder = folder;
        FilePath = Path.Combine(folder, "portal.db");
        ConnectionString = $"Data Source={FilePath}";
    }

    public string Folder { get; }

    public string FilePath { get; }

    public string ConnectionString { get; }

    public static async Task<SqliteTestDatabase> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cp-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = new SqliteTestDatabase(folder);
        await using var db = database.CreateContext();
        await PortalDatabaseInitializer.MigrateAndSeedAsync(db);
        return database;
    }

    public PortalDbContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<SqlitePortalDbContext>();
        PortalDatabase.ConfigureSqlite(builder, ConnectionString);
        // The same Identity schema the host configures (see DesignTimeFactories.DesignTime).
        builder.UseApplicationServiceProvider(IdentitySchema);
        return new SqlitePortalDbContext(builder.Options);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine only leaves a temp folder behind.
        }

        return ValueTask.CompletedTask;
    }
}
