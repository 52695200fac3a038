using ComplaintPortal.Domain.Organisation;
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

    /// <summary>The intake clerks who register cases (generated staff, and any other clerk already in the file).</summary>
    public required IReadOnlyList<Actor> Clerks { get; init; }

    /// <summary>Each operational department's handlers, who own its tasks.</summary>
    public required IReadOnlyDictionary<int, IReadOnlyList<Actor>> Handlers { get; init; }

    /// <summary>Each operational department's head, who assigns some tasks by name.</summary>
    public required IReadOnlyDictionary<int, Actor> Heads { get; init; }

    /// <summary>The active kinds of solution's codes in their order, for the tasks that reach a solution.</summary>
    public IReadOnlyList<string> SolutionTypes { get; init; } = [];

    /// <summary>The active cause categories' codes in their order, for the tasks that record findings.</summary>
    public IReadOnlyList<string> CauseCategories { get; init; } = [];

    public static async Task<ReferenceData> LoadAsync(SqliteConnection connection)
    {
        var categories = await ReadAsync(connection, "SELECT Id, Code, ParentId FROM Categories WHERE IsActive = 1",
            r => new CategoryRow(r.GetInt32(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetInt32(2)));
        var departments = await ReadAsync(connection, "SELECT Id, Code, Kind FROM Departments WHERE IsActive = 1",
            r => new DepartmentRow(r.GetInt32(0), r.GetString(1), r.GetString(2)));
        var rules = await ReadAsync(connection, "SELECT CategoryId, DepartmentId FROM RoutingRules", r => (r.GetInt32(0), r.GetInt32(1)));
        var operational = departments.Where(d => d.Kind == "Operational").ToList();
        var staff = await ReadAsync(connection,
            "SELECT u.Id, u.DisplayName, u.DepartmentId, r.Name FROM AspNetUsers u JOIN AspNetUserRoles ur ON ur.UserId = u.Id"
            + " JOIN AspNetRoles r ON r.Id = ur.RoleId WHERE u.DepartmentId IS NOT NULL ORDER BY u.UserName",
            r => (Actor: new Actor(r.GetString(0), r.GetString(1), r.GetInt32(2)), Role: r.GetString(3)));
        IReadOnlyList<Actor> Holding(string role, int departmentId) =>
            staff.Where(s => s.Role == role && s.Actor.DepartmentId == departmentId).Select(s => s.Actor).ToList();
        var customerService = departments.First(d => d.Code == "CS").Id;

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

        var solutionTypes = await ReadAsync(connection, "SELECT Code FROM SolutionTypes WHERE IsActive = 1 ORDER BY SortOrder, Id", r => r.GetString(0));
        var causeCategories = await ReadAsync(connection, "SELECT Code FROM CauseCategories WHERE IsActive = 1 ORDER BY SortOrder, Id", r => r.GetString(0));
        return new ReferenceData
        {
            Categories = categories,
            SolutionTypes = solutionTypes,
            CauseCategories = causeCategories,
            Operational = operational,
            RoutingByCategory = routing,
            CustomerServiceId = customerService,
            LeadershipId = departments.First(d => d.Code == "LEAD").Id,
            Clerks = Holding(PortalRoles.IntakeClerk, customerService),
            Handlers = operational.ToDictionary(d => d.Id, d => Holding(PortalRoles.DepartmentHandler, d.Id)),
            Heads = operational.ToDictionary(d => d.Id, d => Holding(PortalRoles.DepartmentHead, d.Id)[0]),
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
