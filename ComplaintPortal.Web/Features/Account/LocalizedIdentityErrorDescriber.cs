using System.Globalization;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Identity;

namespace ComplaintPortal.Web.Features.Account;

/// <summary>Password-policy and account errors in the user's language.</summary>
public sealed class LocalizedIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = string.Format(CultureInfo.CurrentCulture, UiText.Identity_PasswordTooShort, length) };

    public override IdentityError PasswordRequiresDigit() =>
        new() { Code = nameof(PasswordRequiresDigit), Description = UiText.Identity_PasswordRequiresDigit };

    public override IdentityError PasswordRequiresLower() =>
        new() { Code = nameof(PasswordRequiresLower), Description = UiText.Identity_PasswordRequiresLower };

    public override IdentityError PasswordRequiresUpper() =>
        new() { Code = nameof(PasswordRequiresUpper), Description = UiText.Identity_PasswordRequiresUpper };

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = UiText.Identity_PasswordRequiresNonAlphanumeric };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = string.Format(CultureInfo.CurrentCulture, UiText.Identity_DuplicateUserName, userName) };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = string.Format(CultureInfo.CurrentCulture, UiText.Identity_InvalidUserName, userName) };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = UiText.Identity_PasswordMismatch };

    public override IdentityError ConcurrencyFailure() =>
        new() { Code = nameof(ConcurrencyFailure), Description = UiText.Common_ConcurrencyConflict };
}
