using System.Security.Claims;
using ComplaintPortal.Domain.Organisation;

namespace ComplaintPortal.Web.Features.Account.EntraId;

/// <summary>
/// Turns the ID token's claims into a portal account: who (object id), which portal roles (from the
/// <c>roles</c> claim through <see cref="EntraIdSettings.RoleMap"/>), and which department (from
/// <see cref="EntraIdSettings.DepartmentClaim"/> or <see cref="EntraIdSettings.DepartmentGroups"/>).
/// </summary>
public static class EntraIdClaimMapping
{
    // The handler keeps JWT names (MapInboundClaims = false); long names cover a principal that went through a claims mapper.
    private static readonly string[] ObjectIdTypes = ["oid", "http://schemas.microsoft.com/identity/claims/objectidentifier"];
    private static readonly string[] TenantIdTypes = ["tid", "http://schemas.microsoft.com/identity/claims/tenantid"];
    private static readonly string[] RoleTypes = ["roles", "role", ClaimTypes.Role];
    private static readonly string[] GroupTypes = ["groups", "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups"];
    private static readonly string[] NameTypes = ["name", ClaimTypes.Name];
    private static readonly string[] UserNameTypes = ["preferred_username", "upn", ClaimTypes.Upn];
    private static readonly string[] EmailTypes = ["email", ClaimTypes.Email];

    /// <summary>
    /// Defence in depth on top of the handler's token validation: the token must name a user, be from
    /// this tenant (the issuer check alone would accept any tenant of a multi-tenant template), and, when
    /// the audience is still present, be for this app. Returns what is wrong, or null.
    /// </summary>
    public static string? ProblemWith(IReadOnlyCollection<Claim> claims, EntraIdSettings settings)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(settings);
        var objectId = First(claims, ObjectIdTypes);
        if (string.IsNullOrWhiteSpace(objectId))
        {
            return "The ID token carries no object id (oid).";
        }

        var tenantId = First(claims, TenantIdTypes);
        if (tenantId is null || !string.Equals(tenantId, settings.TenantId.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return $"The ID token was issued by tenant '{tenantId}', not the configured tenant.";
        }

        var audience = First(claims, ["aud"]);
        return audience is not null && !string.Equals(audience, settings.ClientId, StringComparison.OrdinalIgnoreCase)
            ? $"The ID token is for audience '{audience}', not this application."
            : null;
    }

    public static EntraIdAccount Map(IReadOnlyCollection<Claim> claims, EntraIdSettings settings)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(settings);
        var appRoles = All(claims, RoleTypes).Distinct(StringComparer.Ordinal).ToList();
        var roles = new List<string>();
        var unmapped = new List<string>();
        foreach (var appRole in appRoles)
        {
            if (PortalRoleFor(appRole, settings) is { } role)
            {
                roles.Add(role);
            }
            else
            {
                unmapped.Add(appRole);
            }
        }

        var objectId = First(claims, ObjectIdTypes) ?? "";
        var userName = First(claims, UserNameTypes);
        return new EntraIdAccount(
            objectId,
            First(claims, TenantIdTypes) ?? "",
            userName,
            First(claims, NameTypes) ?? userName ?? objectId,
            First(claims, EmailTypes) ?? (userName is not null && userName.Contains('@', StringComparison.Ordinal) ? userName : null),
            PortalRoles.All.Where(r => roles.Contains(r, StringComparer.Ordinal)).ToList(),
            unmapped,
            DepartmentCode(claims, settings));
    }

    /// <summary>A configured map is the whole truth; without one, an app-role value must be a portal role name.</summary>
    public static string? PortalRoleFor(string appRole, EntraIdSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.RoleMap.Count > 0)
        {
            return settings.RoleMap.TryGetValue(appRole, out var mapped) && PortalRoles.IsKnown(mapped) ? mapped : null;
        }

        return PortalRoles.IsKnown(appRole) ? appRole : null;
    }

    private static string? DepartmentCode(IReadOnlyCollection<Claim> claims, EntraIdSettings settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.DepartmentClaim)
            && First(claims, [settings.DepartmentClaim]) is { } code && !string.IsNullOrWhiteSpace(code))
        {
            return code.Trim();
        }

        return All(claims, GroupTypes)
            .Select(g => settings.DepartmentGroups.TryGetValue(g, out var department) ? department : null)
            .FirstOrDefault(d => !string.IsNullOrWhiteSpace(d));
    }

    private static string? First(IReadOnlyCollection<Claim> claims, string[] types) =>
        claims.FirstOrDefault(c => types.Contains(c.Type, StringComparer.Ordinal))?.Value;

    private static IEnumerable<string> All(IReadOnlyCollection<Claim> claims, string[] types) =>
        claims.Where(c => types.Contains(c.Type, StringComparer.Ordinal)).Select(c => c.Value);
}

/// <summary>A person as Entra ID describes them, in portal terms.</summary>
/// <param name="ObjectId">The user's immutable object id (<c>oid</c>): the key of the external login.</param>
/// <param name="Roles">Portal roles, in <see cref="PortalRoles.All"/> order; empty means no access.</param>
/// <param name="UnmappedAppRoles">App roles the portal does not know (logged, never granted).</param>
/// <param name="DepartmentCode">From the department claim or group; null leaves the administrator's choice.</param>
public sealed record EntraIdAccount(
    string ObjectId,
    string TenantId,
    string? UserName,
    string DisplayName,
    string? Email,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> UnmappedAppRoles,
    string? DepartmentCode);
