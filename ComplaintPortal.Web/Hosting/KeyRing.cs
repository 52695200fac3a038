using System.Security.Cryptography.X509Certificates;
using ComplaintPortal.Domain.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Hosting;

/// <summary>
/// The data-protection key ring (sign-in cookies, antiforgery tokens) in the portal's own database, so
/// every instance of a deployment reads the same ring with no shared folder. The table belongs to the
/// domain's schema and migrations (<see cref="KeyRingEntry"/>); this small context only maps ASP.NET
/// Core's <see cref="DataProtectionKey"/> onto it, because the Domain project must not reference ASP.NET Core.
/// </summary>
internal sealed class KeyRingDbContext(DbContextOptions<KeyRingDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<DataProtectionKey>().ToTable(KeyRingEntry.Table);
}

internal static class KeyRing
{
    public static IServiceCollection AddPortalKeyRing(this IServiceCollection services, DatabaseOptions database, IConfiguration configuration)
    {
        services.AddDbContext<KeyRingDbContext>(o =>
        {
            switch (database.Provider)
            {
                case DatabaseProvider.Sqlite:
                    o.UseSqlite(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString) { DefaultTimeout = 30 }.ToString());
                    break;
                case DatabaseProvider.SqlServer:
                    o.UseSqlServer(database.ConnectionString, s => s.EnableRetryOnFailure());
                    break;
                default:
                    throw new InvalidOperationException($"Unknown database provider {database.Provider}.");
            }
        });
        var protection = services.AddDataProtection()
            .SetApplicationName("ComplaintPortal")
            .PersistKeysToDbContext<KeyRingDbContext>();
        // Whoever can read the database can read the ring; a certificate (outside the database) encrypts
        // the keys at rest so a copy of the database alone cannot mint sign-in cookies.
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificate)
        {
            protection.ProtectKeysWithCertificate(
                X509CertificateLoader.LoadPkcs12FromFile(certificate, configuration["DataProtection:CertificatePassword"]));
        }

        return services;
    }
}
