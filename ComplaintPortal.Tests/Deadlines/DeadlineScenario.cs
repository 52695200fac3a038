using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Tests.Sla;
using ComplaintPortal.Tests.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Deadlines;

/// <summary>A real database and case driver whose clock is set in Shanghai wall-clock time.</summary>
public sealed class DeadlineScenario : IAsyncDisposable
{
    private DeadlineScenario(TestDatabase database, CaseDriver driver)
    {
        Database = database;
        Driver = driver;
    }

    public TestDatabase Database { get; }

    public CaseDriver Driver { get; }

    public static async Task<DeadlineScenario> CreateAsync()
    {
        var database = await TestDatabase.WithSchema().MigrateAsync();
        return new(database, await CaseDriver.CreateAsync(database));
    }

    /// <summary>Sets the clock to a Shanghai wall-clock time ("yyyy-MM-dd HH:mm").</summary>
    public DateTimeOffset SetLocal(string local)
    {
        var instant = SlaCalendars.Mainland.At(local);
        Driver.Time.Set(instant);
        return instant;
    }

    public static string Local(DateTimeOffset instant) => SlaCalendars.Mainland.Local(instant);

    public async Task<List<CaseDeadline>> DeadlinesAsync(int complaintId)
    {
        await using var db = Database.CreateContext();
        return await db.CaseDeadlines.AsNoTracking().Where(d => d.ComplaintId == complaintId).OrderBy(d => d.Id).ToListAsync();
    }

    public async Task<string> DueLocalAsync(int complaintId, DeadlineKind kind) =>
        Local((await DeadlinesAsync(complaintId)).Single(d => d.Kind == kind).DueAt);

    /// <summary>What the background service does after a calendar save: re-computes the saved calendars' provisional deadlines.</summary>
    public async Task<int> RecomputeProvisionalAsync(IProgress<ProvisionalProgress>? progress = null)
    {
        await using var db = Database.CreateContext();
        return await new ProvisionalDeadlines(db, Domain.Sla.WorkingCalendarCache.Shared).RecomputePendingAsync(Driver.Time.GetUtcNow(), progress);
    }

    public async Task<int> MonitorAsync(DateTimeOffset now)
    {
        await using var db = Database.CreateContext();
        return await new DeadlineMonitor(db).RunOnceAsync(now);
    }

    public ValueTask DisposeAsync()
    {
        Database.Dispose();
        return ValueTask.CompletedTask;
    }
}
