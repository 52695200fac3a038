using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Features.Admin;

/// <summary>
/// What an administrator does to accounts: find, create, assign department and roles, lock and unlock,
/// set a new password. Every change to what a user may do renews their security stamp, so their open
/// sessions (cookie and circuit) are re-checked and lose the old rights within the validation interval.
/// </summary>
public sealed class UserAdministration(UserManager<PortalUser> users, PortalDbContext db, TimeProvider time)
{
    /// <summary>The error code of a new or edited account without any role.</summary>
    public const string RoleRequiredCode = "RoleRequired";

    /// <summary>A department handler or head without a department would never receive work.</summary>
    public const string DepartmentRequiredCode = "DepartmentRequired";

    /// <summary>One page of accounts matching <paramref name="query"/>, and how many match in all.</summary>
    public async Task<UserPage> PageAsync(UserQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = time.GetUtcNow();
        var matching = db.Users.AsNoTracking();
        if (query.Search is { Length: > 0 } search)
        {
            // User names and e-mail addresses match in any case (Identity's normalized columns); names as typed.
            var text = search.Trim();
            var upper = text.ToUpperInvariant();
            matching = matching.Where(u => u.NormalizedUserName!.Contains(upper) || u.DisplayName.Contains(text)
                || (u.NormalizedEmail != null && u.NormalizedEmail.Contains(upper)));
        }

        if (query.DepartmentId is { } departmentId)
        {
            matching = matching.Where(u => u.DepartmentId == departmentId);
        }

        if (query.Role is { } role && PortalRoles.IsKnown(role))
        {
            var roleId = db.Roles.Where(r => r.Name == role).Select(r => r.Id);
            matching = matching.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleId.Contains(ur.RoleId)));
        }

        matching = query.Status switch
        {
            UserStatusFilter.Active => matching.Where(u => u.LockoutEnd == null || u.LockoutEnd <= now),
            UserStatusFilter.Locked => matching.Where(u => u.LockoutEnd != null && u.LockoutEnd > now),
            UserStatusFilter.All => matching,
            _ => throw new ArgumentOutOfRangeException(nameof(query)),
        };

        var total = await matching.CountAsync(cancellationToken);
        var ordered = (query.SortBy, query.Descending) switch
        {
            (UserSort.DisplayName, false) => matching.OrderBy(u => u.DisplayName).ThenBy(u => u.UserName),
            (UserSort.DisplayName, true) => matching.OrderByDescending(u => u.DisplayName).ThenBy(u => u.UserName),
            (UserSort.Department, false) => matching.OrderBy(u => u.Department!.Code).ThenBy(u => u.UserName),
            (UserSort.Department, true) => matching.OrderByDescending(u => u.Department!.Code).ThenBy(u => u.UserName),
            (UserSort.UserName, true) => matching.OrderByDescending(u => u.UserName),
            (UserSort.UserName, false) => matching.OrderBy(u => u.UserName),
            _ => throw new ArgumentOutOfRangeException(nameof(query)),
        };
        var page = await ordered
            .Skip(Math.Max(0, query.Page) * query.PageSize).Take(query.PageSize)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.Email, u.Department, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        var ids = page.Select(u => u.Id).ToList();
        var roles = (await db.UserRoles.AsNoTracking().Where(ur => ids.Contains(ur.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.UserId, x => x.Name ?? "");
        var rows = page.Select(u => new UserRow(u.Id, u.UserName ?? "", u.DisplayName, u.Email, u.Department,
                roles[u.Id].Order(StringComparer.Ordinal).ToList(), u.LockoutEnd is { } end && end > now))
            .ToList();
        return new UserPage(rows, total);
    }

    /// <summary>The departments people can be placed in (not retired).</summary>
    public Task<List<Department>> DepartmentsAsync(CancellationToken cancellationToken = default) =>
        DepartmentDirectory.ListAsync(db, DepartmentListing.Active, cancellationToken);

    public async Task<IdentityResult> CreateAsync(NewUser input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (RolesProblem(input.Roles, input.DepartmentId) is { } problem)
        {
            return problem;
        }

        var user = new PortalUser
        {
            UserName = input.UserName.Trim(),
            DisplayName = input.DisplayName.Trim(),
            // The e-mail address is optional: an empty field means none.
            Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim(),
            DepartmentId = input.DepartmentId,
            CreatedAt = time.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, input.Password);
        return created.Succeeded ? await users.AddToRolesAsync(user, input.Roles.Distinct()) : created;
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
            roles.Order(StringComparer.Ordinal).ToList(), user.LockoutEnd is { } end && end > time.GetUtcNow(), user.ConcurrencyStamp ?? "");
    }

    /// <summary>
    /// Saves the profile only if nobody changed the account since the form was loaded
    /// (Identity's concurrency stamp), so two administrators never overwrite each other silently.
    /// A change of roles or department ends the user's other sessions' old rights (security stamp).
    /// </summary>
    public async Task<IdentityResult> UpdateAsync(string id, UserChanges changes, string actingUserId)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return Failed(UiText.Common_NotFound);
        }

        if (!string.Equals(user.ConcurrencyStamp, changes.ConcurrencyStamp, StringComparison.Ordinal))
        {
            return Failed(UiText.Common_ConcurrencyConflict, nameof(IdentityErrorDescriber.ConcurrencyFailure));
        }

        if (RolesProblem(changes.Roles, changes.DepartmentId) is { } problem)
        {
            return problem;
        }

        var current = await users.GetRolesAsync(user);
        if (id == actingUserId && current.Contains(PortalRoles.Administrator) && !changes.Roles.Contains(PortalRoles.Administrator))
        {
            return Failed(UiText.Admin_CannotDropOwnAdmin);
        }

        var rightsChange = user.DepartmentId != changes.DepartmentId || !current.ToHashSet(StringComparer.Ordinal).SetEquals(changes.Roles);
        user.DisplayName = changes.DisplayName.Trim();
        user.Email = string.IsNullOrWhiteSpace(changes.Email) ? null : changes.Email.Trim();
        user.DepartmentId = changes.DepartmentId;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return updated;
        }

        var removed = await users.RemoveFromRolesAsync(user, current.Except(changes.Roles));
        var result = removed.Succeeded ? await users.AddToRolesAsync(user, changes.Roles.Except(current)) : removed;
        return result.Succeeded && rightsChange ? await users.UpdateSecurityStampAsync(user) : result;
    }

    /// <summary>Locks (indefinitely) or unlocks an account; either way the user's open sessions are re-checked.</summary>
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

        return result.Succeeded ? await users.UpdateSecurityStampAsync(user) : result;
    }

    /// <summary>
    /// Sets a new password chosen by an administrator (it must meet the policy). Identity renews the
    /// security stamp, so every session the user has open ends at its next check.
    /// </summary>
    public async Task<IdentityResult> ResetPasswordAsync(string id, string newPassword, string actingUserId)
    {
        if (id == actingUserId)
        {
            return Failed(UiText.Admin_ResetOwnPassword);
        }

        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return Failed(UiText.Common_NotFound);
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (result.Succeeded)
        {
            await users.ResetAccessFailedCountAsync(user);
        }

        return result;
    }

    private static IdentityResult? RolesProblem(IReadOnlyCollection<string> roles, int? departmentId) =>
        roles.Count == 0 ? Failed(UiText.Admin_RoleRequired, RoleRequiredCode)
        : roles.Any(r => !PortalRoles.IsKnown(r)) ? Failed(UiText.Admin_UnknownRole)
        : departmentId is null && (roles.Contains(PortalRoles.DepartmentHandler) || roles.Contains(PortalRoles.DepartmentHead))
            ? Failed(UiText.Admin_DepartmentRequired, DepartmentRequiredCode)
        : null;

    private static IdentityResult Failed(string description, string code = "Admin") =>
        IdentityResult.Failed(new IdentityError { Code = code, Description = description });
}
