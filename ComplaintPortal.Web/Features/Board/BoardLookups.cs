using System.Globalization;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>Category and department names in the viewer's language, loaded once per board render.</summary>
public sealed record BoardLookups(IReadOnlyDictionary<int, string> Categories, IReadOnlyDictionary<int, string> Departments)
{
    public static async Task<BoardLookups> LoadAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var culture = CultureInfo.CurrentUICulture;
        var categories = await db.Categories.AsNoTracking().ToListAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking().ToListAsync(cancellationToken);
        return new BoardLookups(
            categories.ToDictionary(c => c.Id, c => c.DisplayName(culture)),
            departments.ToDictionary(d => d.Id, d => d.DisplayName(culture)));
    }

    /// <summary>Whether <paramref name="other"/> names every category and department as this does.</summary>
    public bool SameNames(BoardLookups other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Same(Categories, other.Categories) && Same(Departments, other.Departments);

        static bool Same(IReadOnlyDictionary<int, string> a, IReadOnlyDictionary<int, string> b) =>
            a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var name) && name == pair.Value);
    }

    public string Category(int? id) => id is { } key && Categories.TryGetValue(key, out var name) ? name : "";

    public string Department(int id) => Departments.TryGetValue(id, out var name) ? name : "";
}
