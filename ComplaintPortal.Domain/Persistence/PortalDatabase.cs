using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Privacy;
using ComplaintPortal.Domain.Supervision;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Domain.Persistence;

/// <summary>Registers the provider-specific context behind the shared <see cref="PortalDbContext"/> service.</summary>
public static class PortalDatabase
{
    /// <summary>Identity store schema 3 (with passkeys); the host's IdentityOptions must use the same.</summary>
    public static Version IdentitySchemaVersion => Microsoft.AspNetCore.Identity.IdentitySchemaVersions.Version3;

    private static readonly IServiceProvider IdentitySchemaServices = new ServiceCollection()
        .Configure<Microsoft.AspNetCore.Identity.IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersion)
        .BuildServiceProvider();

    /// <summary>
    /// The Identity model depends on the store schema version, which a context reads from its host's
    /// services. Contexts built outside the web host (design-time tools, tests, the bench generator) get
    /// the same value the portal uses from here.
    /// </summary>
    public static DbContextOptionsBuilder UseIdentitySchema(this DbContextOptionsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseApplicationServiceProvider(IdentitySchemaServices);
    }

    /// <remarks>
    /// The contexts are scoped, their options built once (singleton): every scope that resolves a context (each request,
    /// and the long-lived request of every open circuit, whose sign-in check makes a context for Identity) would otherwise
    /// build and keep its own copy of the same options and their extensions (bench/README.md, memory per circuit).
    /// </remarks>
    /// <param name="configure">Host additions to every context, e.g. interceptors that observe commits; called once, with the
    /// root services (so only singletons are resolved from it).</param>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, DatabaseOptions options,
        Action<IServiceProvider, DbContextOptionsBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException(
                $"Database:ConnectionString is empty; set it for provider {options.Provider}.");
        }

        services.AddSingleton(options);
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContext<PortalDbContext, SqlitePortalDbContext>((sp, o) =>
                {
                    ConfigureSqlite(o, options.ConnectionString);
                    configure?.Invoke(sp, o);
                }, optionsLifetime: ServiceLifetime.Singleton);
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContext<PortalDbContext, SqlServerPortalDbContext>((sp, o) =>
                {
                    ConfigureSqlServer(o, options.ConnectionString);
                    configure?.Invoke(sp, o);
                }, optionsLifetime: ServiceLifetime.Singleton);
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {options.Provider}.");
        }

        return services;
    }

    /// <summary>The store's own guards, the same for every provider: append-only records, stored-value checks, ledger positions.</summary>
    private static readonly IInterceptor[] Interceptors =
    [
        // Detects the save's changes once, first: the others read them as detected (TrackedEntries).
        SaveDetection.Instance,
        Deadlines.NextDeadlineKeeper.Instance, Board.BoardKeysKeeper.Instance, AppendOnlyLedgerInterceptor.Instance, StoredValueGuard.Instance, LedgerSequencer.Instance, AppendOnlySupervisionInterceptor.Instance,
        Archive.AppendOnlyArchiveInterceptor.Instance, AppendOnlyPrivacyInterceptor.Instance,
        Reporting.TimelinessCounter.Instance, Reporting.StatisticsCounter.Instance,
    ];

    public static void ConfigureSqlite(DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // A busy timeout lets concurrent writers wait for the file lock instead of failing at once.
        var csb = new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 30 };
        builder.UseSqlite(csb.ToString(), s => s.MigrationsAssembly(typeof(PortalDatabase).Assembly.FullName));
        builder.AddInterceptors(Interceptors);
    }

    public static void ConfigureSqlServer(DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSqlServer(connectionString, s =>
        {
            s.MigrationsAssembly(typeof(PortalDatabase).Assembly.FullName);
            s.EnableRetryOnFailure();
        });
        builder.AddInterceptors(Interceptors);
    }
}
