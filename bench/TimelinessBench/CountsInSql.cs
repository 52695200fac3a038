using System.Diagnostics;
using System.Globalization;
using System.Text;
using ComplaintPortal.Domain.Reporting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TimelinessBench;

/// <summary>
/// For comparison only (not the portal's code): the page's figures without the lists behind them, counted by SQLite
/// itself — the seed's rate per department and overall, the per-deadline figures per department and the 12-month
/// trend — to show what a page that loads counts first and a figure's cases on demand would cost.
/// </summary>
internal static class CountsInSql
{
    private static readonly ValueConverter<DateTimeOffset, long> Instant = new DateTimeOffsetToBinaryConverter();

    public static async Task<(double Ms, string Summary)> RunAsync(string dbPath, ReportPeriod period, IReadOnlyList<ReportPeriod> months,
        TimeZoneInfo zone, DateTimeOffset now)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dbPath, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync();
        var (from, to) = period.UtcRange(zone);
        var summary = new StringBuilder();
        var cs = Convert.ToInt64(await ScalarAsync(connection, "SELECT Id FROM Departments WHERE Code = 'CS'"), CultureInfo.InvariantCulture);
        var rate = $"""
            WITH c AS (SELECT Id, Stage, ClosedAt, PausedAt FROM Complaints WHERE ReceivedAt >= $from AND ReceivedAt < $to AND Stage <> 'Duplicate'),
            m AS (SELECT d.ComplaintId, COALESCE(t.DepartmentId, {cs}) AS Dept, c.Stage = 'Closed' AS Resolved,
                    MAX(CASE WHEN d.MetAt IS NOT NULL THEN d.MetAt > d.DueAt
                             WHEN c.Stage IN ('Closed', 'Withdrawn', 'Invalid') THEN d.DueAt < COALESCE(c.ClosedAt, $now)
                             ELSE d.DueAt <= COALESCE(c.PausedAt, $now) END) AS Late
                  FROM c JOIN CaseDeadlines d ON d.ComplaintId = c.Id LEFT JOIN DepartmentTasks t ON t.Id = d.DepartmentTaskId
                  GROUP BY d.ComplaintId, Dept)
            SELECT 0, COUNT(*), SUM(Late = 0), SUM(Resolved) FROM (SELECT MAX(Late) AS Late, MAX(Resolved) AS Resolved FROM m GROUP BY ComplaintId)
            UNION ALL SELECT Dept, COUNT(*), SUM(Late = 0), SUM(Resolved) FROM m GROUP BY Dept
            """;
        await ReadAsync(connection, rate, from, to, now, r => summary.Append(CultureInfo.InvariantCulture, $"#{r.GetInt64(0)} {r.GetInt64(1)}/{r.GetInt64(2)}/{r.GetInt64(3)} "));
        var perDeadline = $"""
            SELECT COALESCE(t.DepartmentId, {cs}), SUM(d.MetAt >= $from AND d.MetAt < $to), SUM(d.MetAt >= $from AND d.MetAt < $to AND d.MetAt <= d.DueAt),
                   SUM(d.DueAt >= $from AND d.DueAt < $to), SUM(d.DueAt >= $from AND d.DueAt < $to AND d.MetAt IS NOT NULL)
            FROM CaseDeadlines d LEFT JOIN DepartmentTasks t ON t.Id = d.DepartmentTaskId
            WHERE d.Id IN (SELECT Id FROM CaseDeadlines WHERE MetAt >= $from AND MetAt < $to UNION ALL SELECT Id FROM CaseDeadlines WHERE DueAt >= $from AND DueAt < $to)
            GROUP BY 1
            """;
        long handled = 0;
        await ReadAsync(connection, perDeadline, from, to, now, r => handled += r.GetInt64(1));
        summary.Append(CultureInfo.InvariantCulture, $"| handled {handled} ");
        var (first, last) = (months[0].UtcRange(zone).From, months[^1].UtcRange(zone).To);
        string Bucket(string column) => "CASE " + string.Concat(months.Select((m, i) =>
            $"WHEN {column} < {Instant.ConvertToProvider(m.UtcRange(zone).To)} THEN {i} ")) + "END";
        var trend = $"""
            SELECT {Bucket("MetAt")}, COUNT(*), SUM(MetAt <= DueAt) FROM CaseDeadlines WHERE MetAt >= $from AND MetAt < $to GROUP BY 1;
            """;
        await ReadAsync(connection, trend, first, last, now, r => summary.Append(CultureInfo.InvariantCulture, $"{r.GetInt64(1)} "));
        var trendDue = $"""
            SELECT {Bucket("DueAt")}, COUNT(*), SUM(MetAt IS NOT NULL) FROM CaseDeadlines WHERE DueAt >= $from AND DueAt < $to GROUP BY 1;
            """;
        await ReadAsync(connection, trendDue, first, last, now, _ => { });
        return (watch.Elapsed.TotalMilliseconds, summary.ToString());
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static async Task ReadAsync(SqliteConnection connection, string sql, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, Action<SqliteDataReader> row)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$from", Instant.ConvertToProvider(from));
        command.Parameters.AddWithValue("$to", Instant.ConvertToProvider(to));
        command.Parameters.AddWithValue("$now", Instant.ConvertToProvider(now));
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            row(reader);
        }
    }
}
