using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Cases;

/// <summary>
/// Saves a category's routing rules. Each rule is checked when saved: it may only name a department that can
/// receive work (<see cref="Department.ReceivesWork"/>), never a retired or unknown one, leadership or oversight.
/// </summary>
public sealed class RoutingRuleBook(PortalDbContext db, TimeProvider time)
{
    public async Task<OrganisationError> SetAsync(int categoryId, IReadOnlyCollection<int> departmentIds, string by, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(departmentIds);
        var category = await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == categoryId, ct);
        if (category is null)
        {
            return OrganisationError.UnknownCategory;
        }

        var ids = departmentIds.Distinct().ToList();
        var departments = await db.Departments.AsNoTracking().Where(d => ids.Contains(d.Id)).ToListAsync(ct);
        if (departments.Count != ids.Count)
        {
            return OrganisationError.UnknownDepartment;
        }

        if (departments.Any(d => !d.ReceivesWork))
        {
            return OrganisationError.DepartmentReceivesNoWork;
        }

        var rules = await db.RoutingRules.Where(r => r.CategoryId == categoryId).ToListAsync(ct);
        var removed = rules.Where(r => !ids.Contains(r.DepartmentId)).ToList();
        var added = ids.Except(rules.Select(r => r.DepartmentId)).ToList();
        if (removed.Count == 0 && added.Count == 0)
        {
            return OrganisationError.None;
        }

        db.RoutingRules.RemoveRange(removed);
        db.RoutingRules.AddRange(added.Select(d => new RoutingRule(categoryId, d)));
        db.OrganisationChanges.Add(new OrganisationChange(time.GetUtcNow(), by, OrganisationSubject.RoutingRule, category.Code,
            "routes to " + string.Join(",", departments.OrderBy(d => d.Id).Select(d => d.Code))));
        await db.SaveChangesAsync(ct);
        return OrganisationError.None;
    }
}
