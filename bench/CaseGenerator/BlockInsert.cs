using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CaseGenerator;

/// <summary>
/// Prepared inserts into one table, <see cref="RowsPerBlock"/> rows per statement (one statement per row costs more
/// than the row), parameters reused for every row; rows short of a full block go one by one at <see cref="Flush"/>.
/// </summary>
internal sealed class BlockInsert
{
    private readonly SqliteCommand single;
    private readonly SqliteCommand block;
    private readonly List<object?[]> pending = [];

    public BlockInsert(SqliteConnection connection, string table, string[] columns, int rowsPerBlock)
    {
        RowsPerBlock = rowsPerBlock;
        single = Insert(connection, table, columns, 1);
        block = Insert(connection, table, columns, rowsPerBlock);
    }

    public int RowsPerBlock { get; }

    public long Rows { get; private set; }

    public void Enlist(SqliteTransaction transaction)
    {
        foreach (var command in new[] { single, block })
        {
            command.Transaction = transaction;
            command.Prepare();
        }
    }

    public void Add(object?[] row)
    {
        pending.Add(row);
        Rows++;
        if (pending.Count == RowsPerBlock)
        {
            var i = 0;
            foreach (var r in pending)
            {
                foreach (var value in r)
                {
                    block.Parameters[i++].Value = value ?? DBNull.Value;
                }
            }

            block.ExecuteNonQuery();
            pending.Clear();
        }
    }

    /// <summary>Writes the rows still waiting for a full block; call before each commit.</summary>
    public void Flush()
    {
        foreach (var row in pending)
        {
            for (var i = 0; i < row.Length; i++)
            {
                single.Parameters[i].Value = row[i] ?? DBNull.Value;
            }

            single.ExecuteNonQuery();
        }

        pending.Clear();
    }

    private static SqliteCommand Insert(SqliteConnection connection, string table, string[] columns, int rows)
    {
        var command = connection.CreateCommand();
        var values = Enumerable.Range(0, rows).Select(r =>
            "(" + string.Join(", ", columns.Select((_, c) => "$p" + (r * columns.Length + c).ToString(CultureInfo.InvariantCulture))) + ")");
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES {string.Join(", ", values)}";
        for (var i = 0; i < rows * columns.Length; i++)
        {
            command.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null));
        }

        return command;
    }
}
