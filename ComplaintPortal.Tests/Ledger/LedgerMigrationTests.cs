using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ComplaintPortal.Tests.Ledger;

/// <summary>No SQL Server runs here: the SQL Server migration is checked as a generated script.</summary>
public sealed class LedgerMigrationTests
{
    [Fact]
    public void SqlServer_script_creates_the_append_only_trigger_on_the_ledger()
    {
        var builder = new DbContextOptionsBuilder<SqlServerPortalDbContext>();
        PortalDatabase.ConfigureSqlServer(builder, "Server=localhost;Database=Unused;Trusted_Connection=True;TrustServerCertificate=True");
        builder.UseIdentitySchema();
        using var db = new SqlServerPortalDbContext(builder.Options);

        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains("CREATE TABLE [LedgerEvents]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TRIGGER [dbo].[LedgerEvents_AppendOnly] ON [dbo].[LedgerEvents]", script, StringComparison.Ordinal);
        Assert.Contains("INSTEAD OF UPDATE, DELETE", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_LedgerEvents_ComplaintId_Sequence]", script, StringComparison.Ordinal);
    }

    [Fact]
    public void SqlServer_script_numbers_existing_events_with_the_trigger_set_aside_only_for_that_update()
    {
        var builder = new DbContextOptionsBuilder<SqlServerPortalDbContext>();
        PortalDatabase.ConfigureSqlServer(builder, "Server=localhost;Database=Unused;Trusted_Connection=True;TrustServerCertificate=True");
        builder.UseIdentitySchema();
        using var db = new SqlServerPortalDbContext(builder.Options);

        var script = db.GetService<IMigrator>().GenerateScript();

        var disable = script.IndexOf("DISABLE TRIGGER [dbo].[LedgerEvents_AppendOnly]", StringComparison.Ordinal);
        var number = script.IndexOf("UPDATE r SET Position = rn", StringComparison.Ordinal);
        var enable = script.IndexOf("ENABLE TRIGGER [dbo].[LedgerEvents_AppendOnly]", StringComparison.Ordinal);
        var unique = script.IndexOf("CREATE UNIQUE INDEX [IX_LedgerEvents_Position]", StringComparison.Ordinal);
        Assert.True(disable > 0 && disable < number && number < enable && enable < unique, $"{disable} {number} {enable} {unique}");
    }

    [Fact]
    public async Task Upgrading_a_sqlite_file_numbers_its_events_fills_in_the_heads_and_keeps_the_triggers()
    {
        using var database = new ComplaintPortal.Tests.Infrastructure.TestDatabase();
        await using (var old = database.CreateContext())
        {
            await old.GetService<IMigrator>().MigrateAsync("20261122114520_Deadlines");
            await old.Database.ExecuteSqlRawAsync("""
                INSERT INTO Complaints (Id, CaseNumber, ReceivedAt, Channel, Description, ConfirmedWithCaller, RecordedByUserId, RecordedByName,
                    RecordedAt, Stage, Version, Priority, IsEscalated, ReopenCount, ComplainantName)
                VALUES (7, 'KS-2026-000007', 0, 'Hotline', 'x', 1, 'u', 'n', 0, 'Assessed', 2, 'General', 0, 0, '王');
                INSERT INTO LedgerEvents (Id, ComplaintId, Sequence, OccurredAt, ActorUserId, ActorName, Action, PreviousHash, Hash)
                VALUES (5, 7, 1, 0, 'u', 'n', 'Register', 'p1', 'h1'), (9, 7, 2, 0, 'u', 'n', 'Assess', 'h1', 'h2');
                """);
        }

        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync();
        }

        await using var check = database.CreateContext();
        Assert.Equal([1L, 2L], await check.LedgerEvents.OrderBy(e => e.Id).Select(e => e.Position).ToListAsync());
        Assert.Equal((2, "h2"), await check.Complaints.Where(c => c.Id == 7).Select(c => ValueTuple.Create(c.LedgerEventCount, c.LedgerHeadHash!.Trim())).SingleAsync());
        var refused = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => check.Database.ExecuteSqlRawAsync("UPDATE LedgerEvents SET Note = 'x'"));
        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
    }
}
