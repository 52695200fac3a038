using ComplaintPortal.Domain.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ComplaintPortal.Tests.Infrastructure;

/// <summary>
/// The real portal (its Program, pipeline and services) on its own SQLite file. Development mode
/// gives the demo accounts; <see cref="Settings"/> adds or overrides configuration.
/// </summary>
public class PortalAppFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase database;
    private readonly bool ownsDatabase;

    public PortalAppFactory(string environment = "Development", TimeProvider? time = null)
        : this(null, environment, time)
    {
    }

    /// <summary>A portal on an existing database file, e.g. a second instance of the same deployment.</summary>
    public PortalAppFactory(TestDatabase? sharedDatabase, string environment = "Development", TimeProvider? time = null)
        : this(sharedDatabase ?? TestDatabase.WithSchema(), time, sharedDatabase is null, environment)
    {
    }

    /// <summary>A portal on <paramref name="database"/>, deleting it when disposed if <paramref name="ownsDatabase"/>.</summary>
    public PortalAppFactory(TestDatabase database, TimeProvider? time, bool ownsDatabase, string environment = "Development")
    {
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        Environment = environment;
        Time = time ?? new SettableTimeProvider();
    }

    /// <summary>Password hashing rounds in test portals (the format and code are the portal's own).</summary>
    public const int TestPasswordRounds = 1_000;

    public string Environment { get; }

    public TimeProvider Time { get; }

    public TestDatabase Database => database;

    /// <summary>The server's warnings and errors (and, for browser tests, what their pages reported), for a failed test's report.</summary>
    public RunRecord Record { get; } = new();

    private bool ServesOverLoopback { get; set; }

    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Sqlite", database.ConnectionString);
        builder.UseSetting("Security:RequireHttps", ServesOverLoopback ? "false" : "true");
        // Evidence and customer messages stay with the test's database, not in the Web project's App_Data.
        builder.UseSetting("Cases:EvidencePath", Path.Combine(database.Folder, "evidence"));
        builder.UseSetting("Cases:PickupPath", Path.Combine(database.Folder, "outbox"));
        builder.UseSetting("Ledger:DigestPath", Path.Combine(database.Folder, "ledger-digests"));
        builder.UseSetting("Ledger:DigestKeyPath", Path.Combine(database.Folder, "ledger-key", "digest-signing-key.pem"));
        // Tests make their own cases; a test that wants the demo's sets Demo:SeedCases in Settings.
        builder.UseSetting("Demo:SeedCases", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        // Outside Development, static assets are only mapped from the build manifest when asked for.
        builder.UseStaticWebAssets();
        builder.ConfigureLogging(logging => logging.AddProvider(Record.LoggerProvider()));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(Time);
            // Open browser connections (live boards) must not hold a stopping test server for 30 s.
            services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
            services.ConfigureDbContext<SqlitePortalDbContext>(TestDatabase.Strict, ServiceLifetime.Singleton);
            // The same hasher and hash format with a test's work factor: the portal's default (100,000 rounds, 45 ms a hash
            // here) made the twelve demo accounts half of each test portal's start and every sign-in a wait.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = TestPasswordRounds);
        });
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see each 302.</summary>
    public HttpClient CreatePortalClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    /// <summary>Starts the portal on a real loopback port (Kestrel) for a browser; returns its root address.</summary>
    public Uri StartOnLoopback(int port = 0)
    {
        ServesOverLoopback = true; // plain http on localhost, as `dotnet run` serves it
        UseKestrel(port);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // Browse by name: browsers treat http://localhost as a secure context for cookies.
        return new Uri($"http://localhost:{new Uri(address).Port}/");
    }

    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && ownsDatabase)
        {
            database.Dispose(); // closes the file's pooled connections too
        }
    }
}
