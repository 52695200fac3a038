using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Persistence;

/// <summary>
/// The planner's statistics are gathered where there are none, left alone where nothing changed, and reach the pooled
/// connections (which read them once, when they load the schema); the portal gathers them at start-up.
/// </summary>
public sealed class PlannerStatisticsTests : CaseDatabaseTest
{
    private const string QueueCountsIndex = "IX_Complaints_ArchivedAt_ClosedAt_IsEscalated_Stage_NextDueAt_NextDueSoonAt_Priority_ReceivedAt";

    /// <summary>The indexes of the cases that have statistics (none, and no statistics table, until the first analysis).</summary>
    private static async Task<List<string>> StatisticsAsync(PortalDbContext db) =>
        await db.Database.SqlQuery<int>($"SELECT count(*) AS Value FROM sqlite_master WHERE name = 'sqlite_stat1'").SingleAsync() == 0 ? []
            : await db.Database.SqlQuery<string>($"SELECT idx AS Value FROM sqlite_stat1 WHERE tbl = 'Complaints' AND idx IS NOT NULL").ToListAsync();

    [Fact]
    public async Task A_database_that_never_had_statistics_gets_them_and_an_unchanged_one_is_left_alone()
    {
        for (var i = 0; i < 3; i++)
        {
            await Driver.RegisterAsync();
        }

        await using var db = Database.CreateContext();
        Assert.Empty(await StatisticsAsync(db));

        Assert.True(await PlannerStatistics.RefreshAsync(db) > 0);
        Assert.Contains(QueueCountsIndex, await StatisticsAsync(db));
        Assert.Contains("IX_Complaints_Stage_ArchivedAt_NextDueAt_NextDueSoonAt_Priority_ReceivedAt", await StatisticsAsync(db));

        // Nothing changed since: nothing to do (empty tables stay unanalyzed and are not counted).
        Assert.Equal(0, await PlannerStatistics.RefreshAsync(db));
    }

    [Fact]
    public async Task Connections_pooled_before_new_statistics_are_not_handed_out_after_them()
    {
        await Driver.RegisterAsync();
        var pooled = new SqliteConnectionStringBuilder { DataSource = Database.FilePath, Pooling = true }.ToString();
        try
        {
            // A connection that loaded the schema (and with it the statistics, none yet), marked by a table only it can see.
            await using (var before = new SqliteConnection(pooled))
            {
                await before.OpenAsync();
                await using var mark = before.CreateCommand();
                mark.CommandText = "CREATE TEMP TABLE LoadedBeforeStatistics (x)";
                await mark.ExecuteNonQueryAsync();
            }

            Assert.True(await PooledHoldsMarkAsync(pooled), "the pool keeps the connection");

            var builder = new DbContextOptionsBuilder<SqlitePortalDbContext>();
            PortalDatabase.ConfigureSqlite(builder, pooled);
            builder.UseIdentitySchema();
            await using (var db = new SqlitePortalDbContext(builder.Options))
            {
                Assert.True(await PlannerStatistics.RefreshAsync(db) > 0);
            }

            Assert.False(await PooledHoldsMarkAsync(pooled), "a connection from before the statistics was handed out");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private static async Task<bool> PooledHoldsMarkAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM temp.sqlite_master WHERE name = 'LoadedBeforeStatistics'";
        return (long)(await command.ExecuteScalarAsync())! == 1;
    }

    [Fact]
    public async Task The_portal_gathers_them_at_start_up()
    {
        await Driver.RegisterAsync();
        using var app = new PortalAppFactory(Database);
        _ = app.Services; // starts the host and its background services

        var statistics = new List<string>();
        for (var attempt = 0; attempt < 100 && !statistics.Contains(QueueCountsIndex); attempt++)
        {
            await Task.Delay(100);
            statistics = await app.WithDbAsync(StatisticsAsync);
        }

        Assert.Contains(QueueCountsIndex, statistics);
    }
}
