using Microsoft.AspNetCore.Identity;

namespace ComplaintPortal.Web.Features.Admin;

/// <summary>
/// Identity's refusals sorted onto the account form's fields, so each shows as an inline message on the
/// field it concerns; what concerns no field is <see cref="Other"/>.
/// </summary>
public sealed record AccountFieldErrors(string? UserName, string? Email, string? Password, string? Roles, string? Other, string? Department = null)
{
    public static AccountFieldErrors None { get; } = new(null, null, null, null, null);

    public bool Any => UserName is not null || Email is not null || Password is not null || Roles is not null || Other is not null || Department is not null;

    public static AccountFieldErrors From(IdentityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var byField = result.Errors.GroupBy(e => FieldOf(e.Code)).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => e.Description)));
        return new(byField.GetValueOrDefault(Field.UserName), byField.GetValueOrDefault(Field.Email), byField.GetValueOrDefault(Field.Password),
            byField.GetValueOrDefault(Field.Roles), byField.GetValueOrDefault(Field.Other), byField.GetValueOrDefault(Field.Department));
    }

    private static Field FieldOf(string code) => code switch
    {
        nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.InvalidUserName) => Field.UserName,
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.InvalidEmail) => Field.Email,
        UserAdministration.RoleRequiredCode => Field.Roles,
        UserAdministration.DepartmentRequiredCode => Field.Department,
        _ when code.StartsWith("Password", StringComparison.Ordinal) => Field.Password,
        _ => Field.Other,
    };

    private enum Field
    {
        UserName,
        Email,
        Password,
        Roles,
        Department,
        Other,
    }
}
