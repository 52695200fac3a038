using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Organisation;

/// <summary>
/// The one list of departments every page reads (dispatch, routing rules, board filters, reports, user
/// administration), so they can never disagree about which departments exist and which can receive work.
/// </summary>
public static class DepartmentDirectory
{
    public static async Task<List<Department>> ListAsync(PortalDbContext db, DepartmentListing listing, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var departments = db.Departments.AsNoTracking();
        departments = listing switch
        {
            DepartmentListing.All => departments,
            DepartmentListing.Active => departments.Where(d => d.IsActive),
            DepartmentListing.ReceivingWork => departments.Where(d => d.IsActive && d.Kind == DepartmentKind.Operational),
            _ => throw new ArgumentOutOfRangeException(nameof(listing)),
        };
        return await departments.OrderBy(d => d.Id).ToListAsync(ct);
    }

    /// <summary>The departments among <paramref name="ids"/> that may be given new work.</summary>
    public static async Task<List<Department>> ReceivingWorkAsync(PortalDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Departments.AsNoTracking()
            .Where(d => ids.Contains(d.Id) && d.IsActive && d.Kind == DepartmentKind.Operational)
            .OrderBy(d => d.Id)
            .ToListAsync(ct);
    }
}

/// <summary>Which departments a list shows.</summary>
public enum DepartmentListing
{
    /// <summary>Every department, retired ones too: history, reports, board and search filters.</summary>
    All = 0,

    /// <summary>Departments not retired: where people can be placed.</summary>
    Active = 1,

    /// <summary>Active departments that investigate and fix: dispatch and routing rules.</summary>
    ReceivingWork = 2,
}
