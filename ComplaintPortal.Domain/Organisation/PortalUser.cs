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
}
