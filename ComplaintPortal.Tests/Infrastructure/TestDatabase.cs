using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ComplaintPortal.Tests.Infrastructure;

/// <summary>A real SQLite file in a fresh temp folder, deleted with the test.</summary>
public sealed class TestDatabase : IDisposable
{
    public TestDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "complaintportal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "complaints.db");
    }

    public string Folder { get; }

    public string FilePath { get; }

    public string ConnectionString => $"Data Source={FilePath};Pooling=False";

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

    public void Dispose()
    {
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
