using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Cases;

/// <summary>
/// Which departments the routing rules propose for a category (the nearest ancestor with rules wins). Only
/// departments that can receive work are proposed, so a rule left behind by an old installation proposes nothing.
/// </summary>
public static class RoutingProposal
{
    public static async Task<IReadOnlyList<int>> ForCategoryAsync(PortalDbContext db, int? categoryId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.ParentId, cancellationToken);
        var receiving = db.Departments.Where(d => d.IsActive && d.Kind == Organisation.DepartmentKind.Operational).Select(d => d.Id);
        var rules = await db.RoutingRules.AsNoTracking().Where(r => receiving.Contains(r.DepartmentId)).ToListAsync(cancellationToken);
        var seen = new HashSet<int>();
        for (var id = categoryId; id is not null && seen.Add(id.Value); id = categories.GetValueOrDefault(id.Value))
        {
            var departments = rules.Where(r => r.CategoryId == id).Select(r => r.DepartmentId).ToList();
            if (departments.Count > 0)
            {
                return departments;
            }
        }

        return [];
    }
}
