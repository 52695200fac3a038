using Microsoft.Data.Sqlite;

namespace CaseGenerator;

/// <summary>
/// The classic SQLite bulk-load set-up: no WAL or journal while loading, and the secondary indexes of
/// the loaded tables dropped first and rebuilt afterwards (one sort each instead of millions of
/// incremental B-tree inserts). The index definitions are read from the database itself, so the
/// rebuilt schema is exactly the migrated one. Foreign keys are off while loading (rows go in blocks,
/// a child's block can be written before its parent's) and checked once at the end for the tables
/// whose keys the generator assigns itself. The loaded tables' triggers (the search's full-text index, kept by triggers on
/// Complaints) are dropped too, and the index (and the columns' last two characters) is rebuilt from the loaded rows in one pass at the end.
/// </summary>
internal sealed class BulkLoadMode(SqliteConnection connection, List<(string Name, string Sql)> indexes)
{
    private static readonly string[] Tables =
        ["Complaints", "DepartmentTasks", "LedgerEvents", "CaseDeadlines", "DeadlineTransitions", "Notifications", "NotificationReads"];

    private static readonly string[] Checked = ["DepartmentTasks", "CaseDeadlines", "DeadlineTransitions", "NotificationReads"];

    public static async Task<BulkLoadMode> EnterAsync(SqliteConnection connection)
    {
        await ExecuteAsync(connection, "PRAGMA journal_mode=DELETE; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-400000; PRAGMA temp_store=MEMORY;");
        var indexes = new List<(string, string)>();
        var triggers = new HashSet<string>(StringComparer.Ordinal);
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = $"SELECT name, sql, type FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", Tables.Select(t => $"'{t}'"))})";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
                if (reader.GetString(2) == "trigger")
                {
                    triggers.Add(reader.GetString(0));
                }
            }
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, triggers.Contains(name) ? $"DROP TRIGGER \"{name}\";" : $"DROP INDEX \"{name}\";");
        }

        return new BulkLoadMode(connection, indexes);
    }

    /// <summary>Rebuilds the indexes (unique ones check the generated data here), keeps the next deadlines and returns to WAL.</summary>
    public async Task LeaveAsync()
    {
        foreach (var (_, sql) in indexes)
        {
            await ExecuteAsync(connection, sql + ";");
        }

        // The rows went in without the model, so the cases' kept next deadline is worked out here, as the
        // migration that added it does (after the deadlines' indexes are back).
        await ExecuteAsync(connection, ComplaintPortal.Domain.Deadlines.NextDeadlineKeeper.RecomputeSqlite);
        await ExecuteAsync(connection, ComplaintPortal.Domain.Board.BoardKeysKeeper.RecomputeTasksSql);
        await ExecuteAsync(connection, ComplaintPortal.Domain.Board.BoardKeysKeeper.RecomputeCasesSql);
        await ExecuteAsync(connection, ComplaintPortal.Domain.Board.BoardKeysKeeper.RecomputeTaskKeysSql);
        if (indexes.Any(i => i.Name.StartsWith("ComplaintText_", StringComparison.Ordinal)))
        {
            await ExecuteAsync(connection, "INSERT INTO ComplaintText(ComplaintText) VALUES ('rebuild');");
        }

        if (indexes.Any(i => i.Name.StartsWith("ComplaintTextEnds_", StringComparison.Ordinal)))
        {
            await ExecuteAsync(connection, ComplaintPortal.Domain.Persistence.Migrations.Sqlite.ComplaintTextPairs.FillSql);
        }

        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; ANALYZE;");
        foreach (var table in Checked)
        {
            await using var check = connection.CreateCommand();
            check.CommandText = $"PRAGMA foreign_key_check(\"{table}\")";
            await using var reader = await check.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                throw new InvalidOperationException($"{table} row {reader.GetValue(1)} refers to a missing {reader.GetString(2)} row.");
            }
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
