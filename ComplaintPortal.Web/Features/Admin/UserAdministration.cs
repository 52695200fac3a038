using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Features.Admin;

/// <summary>What an administrator does to accounts: create, assign department and roles, lock and unlock.</summary>
public sealed class UserAdministration(UserManager<PortalUser> users, PortalDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, Department = u.Department, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name ?? "", cancellationToken);
        var userRoles = (await db.UserRoles.AsNoTracking().ToListAsync(cancellationToken))
            .ToLookup(ur => ur.UserId, ur => roleNames[ur.RoleId]);
        return rows.Select(u => new UserRow(
                u.Id, u.UserName ?? "", u.DisplayName, u.Department, userRoles[u.Id].Order(StringComparer.Ordinal).ToList(),
                u.LockoutEnd is { } end && end > now))
            .ToList();
    }

    public Task<List<Department>> DepartmentsAsync(CancellationToken cancellationToken = default) =>
        db.Departments.AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.Id).ToListAsync(cancellationToken);

    public async Task<IdentityResult> CreateAsync(NewUser input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var unknown = input.Roles.Where(r => !PortalRoles.IsKnown(r)).ToList();
        if (unknown.Count > 0)
        {
            return Failed(UiText.Admin_UnknownRole);
        }

        var user = new PortalUser
        {
            UserName = input.UserName.Trim(),
            DisplayName = input.DisplayName.Trim(),
            Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim(),
            DepartmentId = input.DepartmentId,
            CreatedAt = time.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded)
        {
            return created;
        }

        return input.Roles.Count == 0 ? created : await users.AddToRolesAsync(user, input.Roles.Distinct());
    }

    public async Task<UserDetails?> FindAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return null;
        }

        var roles = await users.GetRolesAsync(user);
        return new UserDetails(user.Id, user.UserName ?? "", user.DisplayName, user.Email, user.DepartmentId,
            roles.ToList(), user.LockoutEnd is { } end && end > time.GetUtcNow(), user.ConcurrencyStamp ?? "");
    }

    /// <summary>
    /// Saves the profile only if nobody changed the account since the form was loaded
    /// (Identity's concurrency stamp), so two administrators never overwrite each other silently.
    /// </summary>
    public async Task<IdentityResult> UpdateAsync(string id, string concurrencyStamp, string displayName, int? departmentId, IReadOnlyCollection<string> roles, string actingUserId)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return Failed(UiText.Common_NotFound);
        }

        if (!string.Equals(user.ConcurrencyStamp, concurrencyStamp, StringComparison.Ordinal))
        {
            return Failed(UiText.Common_ConcurrencyConflict, nameof(IdentityErrorDescriber.ConcurrencyFailure));
        }

        if (roles.Any(r => !PortalRoles.IsKnown(r)))
        {
            return Failed(UiText.Admin_UnknownRole);
        }

        var current = await users.GetRolesAsync(user);
        if (id == actingUserId && current.Contains(PortalRoles.Administrator) && !roles.Contains(PortalRoles.Administrator))
        {
            return Failed(UiText.Admin_CannotDropOwnAdmin);
        }

        user.DisplayName = displayName.Trim();
        user.DepartmentId = departmentId;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return updated;
        }

        var removed = await users.RemoveFromRolesAsync(user, current.Except(roles));
        return removed.Succeeded ? await users.AddToRolesAsync(user, roles.Except(current)) : removed;
    }

    public async Task<IdentityResult> SetLockedAsync(string id, bool locked, string actingUserId)
    {
        if (locked && id == actingUserId)
        {
            return Failed(UiText.Admin_CannotLockSelf);
        }

        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return Failed(UiText.Common_NotFound);
        }

        await users.SetLockoutEnabledAsync(user, true);
        var result = await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (result.Succeeded && !locked)
        {
            await users.ResetAccessFailedCountAsync(user);
        }

        return result;
    }

    private static IdentityResult Failed(string description, string code = "Admin") =>
        IdentityResult.Failed(new IdentityError { Code = code, Description = description });
}

public sealed record UserRow(string Id, string UserName, string DisplayName, Department? Department, IReadOnlyList<string> Roles, bool IsLocked);

public sealed record UserDetails(string Id, string UserName, string DisplayName, string? Email, int? DepartmentId, IReadOnlyList<string> Roles, bool IsLocked, string ConcurrencyStamp);

public sealed class NewUser
{
    public string UserName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string? Email { get; set; }

    public int? DepartmentId { get; set; }

    public string Password { get; set; } = "";

    public List<string> Roles { get; set; } = [];
}
