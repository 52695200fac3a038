using Microsoft.AspNetCore.Identity;

namespace ComplaintPortal.Domain.Organisation;

/// <summary>A person who signs in to the portal (local account or Entra ID), with the department they work for.</summary>
public sealed class PortalUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    public string DisplayName { get; set; } = "";

    public int? DepartmentId { get; set; }

    public Department? Department { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The longest language tag kept for <see cref="Language"/> (<c>zh-Hant</c>).</summary>
    public const int LanguageMaxLength = 10;

    /// <summary>The portal's language the person last chose (<c>zh-Hans</c>, <c>zh-Hant</c>, <c>en</c>): what their notice mail is written in.</summary>
    public string? Language { get; set; }

    /// <summary>Whether their new notices are also sent to their e-mail address.</summary>
    public bool MailNotices { get; set; }

    /// <summary>The last notice whose mail was sent or was not due (those before mail was switched on): mail goes for newer ones only.</summary>
    public int NoticesMailedThrough { get; set; }
}
