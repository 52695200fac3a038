using Microsoft.Data.Sqlite;

namespace CaseGenerator;

internal sealed record CategoryRow(int Id, string Code, int? ParentId);

internal sealed record DepartmentRow(int Id, string Code, string Kind);

/// <summary>Categories, departments and routing as seeded, so generated cases use the real tree.</summary>
internal sealed class ReferenceData
{
    public required IReadOnlyList<CategoryRow> Categories { get; init; }

    public required IReadOnlyList<DepartmentRow> Operational { get; init; }

    public required IReadOnlyDictionary<int, IReadOnlyList<DepartmentRow>> RoutingByCategory { get; init; }

    public required int CustomerServiceId { get; init; }

    public required int LeadershipId { get; init; }

    public static async Task<ReferenceData> LoadAsync(SqliteConnection connection)
    {
        var categories = await ReadAsync(connection, "SELECT Id, Code, ParentId FROM Categories WHERE IsActive = 1",
            r => new CategoryRow(r.GetInt32(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetInt32(2)));
        var departments = await ReadAsync(connection, "SELECT Id, Code, Kind FROM Departments WHERE IsActive = 1",
            r => new DepartmentRow(r.GetInt32(0), r.GetString(1), r.GetString(2)));
        var rules = await ReadAsync(connection, "SELECT CategoryId, DepartmentId FROM RoutingRules", r => (r.GetInt32(0), r.GetInt32(1)));
        var operational = departments.Where(d => d.Kind == "Operational").ToList();

        // The nearest ancestor with rules wins, as RoutingProposal does; none means "chosen by hand".
        var routing = new Dictionary<int, IReadOnlyList<DepartmentRow>>();
        foreach (var category in categories)
        {
            var chosen = new List<DepartmentRow>();
            for (var id = (int?)category.Id; id is not null && chosen.Count == 0; id = categories.FirstOrDefault(c => c.Id == id)?.ParentId)
            {
                chosen.AddRange(rules.Where(r => r.Item1 == id).Select(r => departments.First(d => d.Id == r.Item2)));
            }

            routing[category.Id] = chosen;
        }

        return new ReferenceData
        {
            Categories = categories,
            Operational = operational,
            RoutingByCategory = routing,
            CustomerServiceId = departments.First(d => d.Code == "CS").Id,
            LeadershipId = departments.First(d => d.Code == "LEAD").Id,
        };
    }

    private static async Task<List<T>> ReadAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<T>();
        while (await reader.ReadAsync())
        {
            result.Add(map(reader));
        }

        return result;
    }
}
