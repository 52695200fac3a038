using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Persistence;

/// <summary>How the portal's contexts are registered: one per scope, all from one set of options built once.</summary>
public class PortalDatabaseRegistrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.SqlServer, "Server=(local);Database=portal;Trusted_Connection=True;TrustServerCertificate=True")]
    public void Every_scope_gets_its_own_context_from_options_built_once(DatabaseProvider provider, string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var built = 0;
        services.AddPortalDatabase(new DatabaseOptions { Provider = provider, ConnectionString = connectionString }, (_, _) => built++);
        using var root = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        using var one = root.CreateScope();
        using var other = root.CreateScope();

        var first = one.ServiceProvider.GetRequiredService<PortalDbContext>();
        var second = other.ServiceProvider.GetRequiredService<PortalDbContext>();

        Assert.NotSame(first, second);
        Assert.Same(first, one.ServiceProvider.GetRequiredService<PortalDbContext>());
        Assert.Same(one.ServiceProvider.GetRequiredService<DbContextOptions>(), other.ServiceProvider.GetRequiredService<DbContextOptions>());
        Assert.Equal(1, built);
    }
}
