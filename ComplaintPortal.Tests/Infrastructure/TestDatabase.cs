using ComplaintPortal.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ComplaintPortal.Tests.Infrastructure;

/// <summary>A real SQLite file in a fresh temp folder, deleted with the test.</summary>
public sealed class TestDatabase : IDisposable
{
    /// <summary>One file the real migrations were run on, once per test run; <see cref="WithSchema"/> copies it.</summary>
    private static readonly Lazy<string> SchemaTemplate = new(MigrateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    public TestDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "complaintportal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "complaints.db");
    }

    /// <summary>
    /// A new file that already holds the schema the migrations make (and nothing a seed adds), copied from a file
    /// migrated once per run: a portal or <see cref="MigrateAsync()"/> then finds no migration pending and only seeds.
    /// Running all 60-odd migrations took 0.3–0.5 s a database here; the migrations on an empty file keep their own tests
    /// (MigrationTests, and a new <see cref="TestDatabase"/> is still empty).
    /// </summary>
    public static TestDatabase WithSchema()
    {
        var database = new TestDatabase();
        File.Copy(SchemaTemplate.Value, database.FilePath);
        return database;
    }

    /// <summary>A new folder holding a copy of every file in <paramref name="folder"/> (a closed portal's database and its files).</summary>
    public static TestDatabase CopyOf(string folder)
    {
        var database = new TestDatabase();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(database.Folder, Path.GetRelativePath(folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return database;
    }

    public string Folder { get; }

    public string FilePath { get; }

    /// <summary>Pooled, as the portal's own connection strings are; <see cref="Dispose"/> closes this file's pooled connections.</summary>
    public string ConnectionString => $"Data Source={FilePath}";

    /// <summary>
    /// What tests hold every query to beyond the portal's settings: a query taking "the first" row of an unordered,
    /// unfiltered set (which reads whichever row the store returns first) fails instead of logging a warning.
    /// </summary>
    public static void Strict(DbContextOptionsBuilder builder) =>
        builder.ConfigureWarnings(w => w.Throw(CoreEventId.FirstWithoutOrderByAndFilterWarning));

    /// <summary>A context on this file, configured as the portal configures it (plus any host interceptors).</summary>
    public SqlitePortalDbContext CreateContext(params IInterceptor[] interceptors)
    {
        var builder = new DbContextOptionsBuilder<SqlitePortalDbContext>();
        PortalDatabase.ConfigureSqlite(builder, ConnectionString);
        Strict(builder);
        builder.UseIdentitySchema();
        if (interceptors.Length > 0)
        {
            builder.AddInterceptors(interceptors);
        }

        return new SqlitePortalDbContext(builder.Options);
    }

    /// <summary>Creates the schema through the real migrations and seeds reference data.</summary>
    public async Task<TestDatabase> MigrateAsync()
    {
        await using var db = CreateContext();
        await PortalDatabaseInitializer.MigrateAndSeedAsync(db);
        return this;
    }

    /// <summary>Creates the schema and sets the portal up from <paramref name="starter"/> (null: leave the organisation empty).</summary>
    public async Task<TestDatabase> MigrateAsync(Domain.Organisation.Setup.OrganisationSetup? starter, TimeProvider? time = null)
    {
        await using var db = CreateContext();
        await PortalDatabaseInitializer.MigrateAndSeedAsync(db, time ?? TimeProvider.System, starter);
        return this;
    }

    private static string MigrateTemplate()
    {
        var template = new TestDatabase();
        using (var db = template.CreateContext())
        {
            db.Database.Migrate();
        }

        template.ClosePooledConnections();

        // The last connection closed checkpoints the write-ahead log into the file, so the file alone is the schema.
        if (File.Exists(template.FilePath + "-wal"))
        {
            throw new InvalidOperationException($"{template.FilePath}-wal is left after migrating; the template would be incomplete.");
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.Dispose();
        return template.FilePath;
    }

    /// <summary>Closes the pooled connections to this file (its last one checkpoints the write-ahead log into it).</summary>
    public void ClosePooledConnections()
    {
        // The portal's contexts pool under the string PortalDatabase.ConfigureSqlite makes of this one.
        using var db = CreateContext();
        foreach (var pooled in new[] { ConnectionString, db.Database.GetConnectionString()! })
        {
            using var connection = new SqliteConnection(pooled);
            SqliteConnection.ClearPool(connection);
        }
    }

    public void Dispose()
    {
        ClosePooledConnections();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing host is cleaned up with the temp folder later.
        }
    }
}
