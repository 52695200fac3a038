using System.Globalization;
using System.Security.Claims;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Components.Layout;

/// <summary>The signed-in person's display name and department, for the app bar.</summary>
public sealed class CurrentUserSummary(IServiceScopeFactory scopes)
{
    public sealed record Summary(string DisplayName, string? Department);

    public async Task<Summary?> GetAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
        {
            return null;
        }

        // Own scope: the layout must never share a DbContext with the page it frames.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var account = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.DisplayName, u.UserName, Department = u.DepartmentId == null ? null : db.Departments.FirstOrDefault(d => d.Id == u.DepartmentId) })
            .FirstOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return null;
        }

        var name = string.IsNullOrEmpty(account.DisplayName) ? account.UserName ?? "" : account.DisplayName;
        return new Summary(name, account.Department?.DisplayName(CultureInfo.CurrentUICulture));
    }
}
