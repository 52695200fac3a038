using System.Security.Claims;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Features.Account.EntraId;

/// <summary>
/// Keeps the portal's own record of an Entra ID user: a <see cref="PortalUser"/> linked by an external
/// login (provider <see cref="LoginProvider"/>, key = object id), its roles copied from the token at
/// every sign-in (Entra ID is the source of truth), and its department from the token when the
/// token says, otherwise as an administrator set it on the user page.
/// </summary>
public sealed class EntraIdUserLink(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    PortalDbContext db,
    TimeProvider time,
    ILogger<EntraIdUserLink> logger)
{
    public const string LoginProvider = "EntraId";
    public const string LoginProviderDisplayName = "Microsoft Entra ID";

    public async Task<EntraIdSignInOutcome> SignInAsync(EntraIdAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.UnmappedAppRoles.Count > 0)
        {
            logger.LogWarning("Entra ID user {ObjectId} has app roles the portal does not map: {AppRoles}", account.ObjectId, account.UnmappedAppRoles);
        }

        var user = await users.FindByLoginAsync(LoginProvider, account.ObjectId) ?? await CreateAsync(account);
        user.DisplayName = Domain.Validation.TextRules.ToOneLine(account.DisplayName, PortalUser.DisplayNameMaxLength);
        user.Email = account.Email;
        var department = user.DepartmentId;
        await ApplyDepartmentAsync(user, account.DepartmentCode, cancellationToken);
        Check(await users.UpdateAsync(user), account);

        var current = await users.GetRolesAsync(user);
        var removed = current.Except(account.Roles, StringComparer.Ordinal).ToList();
        Check(await users.RemoveFromRolesAsync(user, removed), account);
        Check(await users.AddToRolesAsync(user, account.Roles.Except(current, StringComparer.Ordinal)), account);
        if (removed.Count > 0 || user.DepartmentId != department)
        {
            // Entra ID took a role away or moved the person: every session open elsewhere (cookies and
            // circuits) ends at its next security-stamp check, as after an administrator's change here.
            Check(await users.UpdateSecurityStampAsync(user), account);
        }

        if (await users.IsLockedOutAsync(user))
        {
            logger.LogWarning("Entra ID user {ObjectId} is locked out in the portal", account.ObjectId);
            return new EntraIdSignInOutcome(EntraIdSignInStatus.LockedOut, null);
        }

        if (account.Roles.Count == 0)
        {
            logger.LogInformation("Entra ID user {ObjectId} has no portal app role", account.ObjectId);
            return new EntraIdSignInOutcome(EntraIdSignInStatus.NoRole, null);
        }

        // The same principal a password sign-in gets: user id, name, roles from the table, security stamp.
        ClaimsPrincipal principal = await signIn.CreateUserPrincipalAsync(user);
        return new EntraIdSignInOutcome(EntraIdSignInStatus.SignedIn, principal);
    }

    private async Task<PortalUser> CreateAsync(EntraIdAccount account)
    {
        var user = new PortalUser
        {
            UserName = await FreeUserNameAsync(account),
            DisplayName = Domain.Validation.TextRules.ToOneLine(account.DisplayName, PortalUser.DisplayNameMaxLength),
            Email = account.Email,
            CreatedAt = time.GetUtcNow(),
        };
        // No password: this account can only sign in through Entra ID.
        Check(await users.CreateAsync(user), account);
        Check(await users.AddLoginAsync(user, new UserLoginInfo(LoginProvider, account.ObjectId, LoginProviderDisplayName)), account);
        logger.LogInformation("Portal user {UserName} created for Entra ID user {ObjectId}", user.UserName, account.ObjectId);
        return user;
    }

    /// <summary>
    /// The sign-in name when it is free and valid; never taken over from an existing account with the
    /// same name (that would hand a local account to whoever controls the Entra ID name).
    /// </summary>
    private async Task<string> FreeUserNameAsync(EntraIdAccount account)
    {
        var allowed = users.Options.User.AllowedUserNameCharacters;
        var wanted = account.UserName?.Trim();
        if (!string.IsNullOrEmpty(wanted) && wanted.Length <= 256 && wanted.All(allowed.Contains)
            && await users.FindByNameAsync(wanted) is null)
        {
            return wanted;
        }

        return "entra-" + account.ObjectId;
    }

    private async Task ApplyDepartmentAsync(PortalUser user, string? code, CancellationToken cancellationToken)
    {
        if (code is null)
        {
            return;
        }

        var department = await db.Departments.AsNoTracking()
            .Where(d => d.IsActive && d.Code == code)
            .Select(d => (int?)d.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (department is null)
        {
            logger.LogWarning("Entra ID names department {DepartmentCode}, which is not an active department; keeping the assignment", code);
            return;
        }

        user.DepartmentId = department;
    }

    private static void Check(IdentityResult result, EntraIdAccount account)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Entra ID user {account.ObjectId} could not be saved: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}

public enum EntraIdSignInStatus
{
    SignedIn = 0,

    /// <summary>The token carried no app role that maps to a portal role.</summary>
    NoRole = 1,

    /// <summary>An administrator locked the account in the portal.</summary>
    LockedOut = 2,
}

public sealed record EntraIdSignInOutcome(EntraIdSignInStatus Status, ClaimsPrincipal? Principal);
