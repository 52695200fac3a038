using System.ComponentModel.DataAnnotations;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Features.Admin;

/// <summary>The fields of the create-account form.</summary>
public sealed class AccountInput
{
    private static readonly EmailAddressAttribute EmailFormat = new();

    public string UserName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string? Email { get; set; }

    public int? DepartmentId { get; set; }

    public IReadOnlyCollection<string> Roles { get; set; } = [];

    public string Password { get; set; } = "";

    /// <summary>The e-mail address is optional: empty is fine, anything else must look like an address.</summary>
    public static string? EmailProblem(string? email) =>
        string.IsNullOrWhiteSpace(email) || EmailFormat.IsValid(email.Trim()) ? null : UiText.Validation_Email;

    public NewUser ToNewUser() => new()
    {
        UserName = UserName.Trim(),
        DisplayName = DisplayName.Trim(),
        Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim(),
        DepartmentId = DepartmentId,
        Password = Password,
        Roles = [.. Roles],
    };
}
