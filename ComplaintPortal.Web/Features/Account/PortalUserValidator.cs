using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Validation;
using ComplaintPortal.Web.Features.Validation;
using Microsoft.AspNetCore.Identity;

namespace ComplaintPortal.Web.Features.Account;

/// <summary>
/// Every account save through Identity (administration, set-up, Entra ID) passes the domain's text rules:
/// a display name is one line of at most <see cref="PortalUser.DisplayNameMaxLength"/> characters without
/// control characters, which would otherwise break exports and other people's screens; the sign-in name and
/// e-mail address fit their columns (refused by name here, never by the store's last-line guard).
/// </summary>
internal sealed class PortalUserValidator : IUserValidator<PortalUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var errors = new List<FieldError>();
        TextRules.Check(errors, "PortalUser.DisplayName", user.DisplayName, PortalUser.DisplayNameMaxLength, TextShape.SingleLine);
        TextRules.Check(errors, "PortalUser.UserName", user.UserName, 256, TextShape.SingleLine);
        TextRules.Check(errors, "PortalUser.Email", user.Email, 256, TextShape.SingleLine);
        return Task.FromResult(errors.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed(errors.Select(e => new IdentityError { Code = e.Field, Description = InputMessages.Describe(e) }).ToArray()));
    }
}
