using System.Security.Claims;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Features.Cases;

/// <summary>Turns the signed-in principal into the workflow's <see cref="ActingUser"/> (department comes from the account).</summary>
public sealed class CaseUsers(PortalDbContext db)
{
    public async Task<ActingUser?> FindAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
        {
            return null;
        }

        var account = await db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new { u.DisplayName, u.UserName, u.DepartmentId })
            .FirstOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return null;
        }

        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var name = string.IsNullOrEmpty(account.DisplayName) ? account.UserName ?? id : account.DisplayName;
        return new ActingUser(id, name, account.DepartmentId, roles);
    }
}
