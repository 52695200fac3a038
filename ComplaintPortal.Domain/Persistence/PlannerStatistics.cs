using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Persistence;

/// <summary>
/// Keeps the query planner's statistics (SQLite's <c>sqlite_stat1</c>) in step with the data. SQLite picks its indexes by
/// them, and a database that grew in use never had any: only the case generator ran ANALYZE, so every figure measured at
/// 1,000,000 cases had statistics a real portal lacked. Without them the leadership queue's count read the whole of an
/// index instead of its open cases (70 ms against 7 ms). SQL Server keeps its own statistics; there this does nothing.
/// </summary>
public static class PlannerStatistics
{
    /// <summary>
    /// SQLite's own choice of the tables to analyze (<c>PRAGMA optimize</c>, every table checked: 0x10000), listed, not run
    /// (0x1, one <c>ANALYZE</c> statement a table): those never analyzed, with an unanalyzed index, or much grown since.
    /// </summary>
    private const string ListStale = "PRAGMA optimize(0x10003)";

    /// <summary>
    /// Each listed table is analyzed whole. PRAGMA optimize's own sampling (a few thousand rows an index) told the planner
    /// that 1,112 cases share each stage at 1,000,000 (76,924 do), and the leadership count kept its slow plan. Whole, the
    /// analysis took 0.8 s for the cases at that size and 2.6 s for the ledger's 15,000,000 events, one table at a time.
    /// </summary>
    private const string Whole = "PRAGMA analysis_limit = 0";

    /// <summary>Every figure kept, one line each, its table first.</summary>
    private const string Figures = "SELECT tbl || '|' || ifnull(idx, '') || '|' || ifnull(stat, '') FROM sqlite_stat1";

    /// <summary>Whether the figures' table exists (the first analysis makes it).</summary>
    private const string HasFigures = "SELECT 'yes' FROM sqlite_master WHERE name = 'sqlite_stat1'";

    /// <summary>
    /// Analyzes what needs it; returns how many tables' statistics changed. When any did, the pooled connections are let go:
    /// SQLite reads the statistics when a connection loads the schema, and ANALYZE does not make other connections reload it.
    /// </summary>
    public static async Task<int> RefreshAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite())
        {
            return 0;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var stale = (await ReadLinesAsync(connection, ListStale, cancellationToken))
                .Where(line => line.StartsWith("ANALYZE ", StringComparison.Ordinal)).ToList();
            if (stale.Count == 0)
            {
                return 0;
            }

            var before = await FiguresAsync(connection, cancellationToken);
            await ReadLinesAsync(connection, Whole, cancellationToken);
            foreach (var analyze in stale)
            {
                await ReadLinesAsync(connection, analyze, cancellationToken);
            }

            // An empty table stays "never analyzed" (ANALYZE records nothing for it) and is listed every time: what
            // changed is read from the figures themselves.
            var changed = (await FiguresAsync(connection, cancellationToken)).Except(before, StringComparer.Ordinal)
                .Select(line => line[..line.IndexOf('|', StringComparison.Ordinal)]).Distinct(StringComparer.Ordinal).Count();
            if (changed > 0)
            {
                SqliteConnection.ClearAllPools();
            }

            return changed;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<List<string>> FiguresAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        (await ReadLinesAsync(connection, HasFigures, cancellationToken)).Count == 0 ? [] : await ReadLinesAsync(connection, Figures, cancellationToken);

    private static async Task<List<string>> ReadLinesAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var lines = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) ?? "");
        }

        return lines;
    }
}
