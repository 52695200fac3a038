using ComplaintPortal.Tests.Workflow;

namespace ComplaintPortal.Tests.Infrastructure;

/// <summary>A test class that works cases on its own migrated SQLite file, one per test.</summary>
public abstract class CaseDatabaseTest : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = default!;

    protected CaseDriver Driver { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.WithSchema().MigrateAsync();
        Driver = await CaseDriver.CreateAsync(Database);
    }

    public Task DisposeAsync()
    {
        Database.Dispose();
        return Task.CompletedTask;
    }
}
