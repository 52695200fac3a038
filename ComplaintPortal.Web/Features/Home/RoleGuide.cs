using System.Globalization;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Features.Home;

/// <summary>What each role is called and does, in the user's language; used by the home page and the admin user pages.</summary>
public static class RoleGuide
{
    public static string Title(string role) => Text("Role_" + role) ?? role;

    public static string Duties(string role) => Text("RoleDuty_" + role) ?? "";

    public static string Icon(string role) => role switch
    {
        PortalRoles.IntakeClerk => "bi-headset",
        PortalRoles.DepartmentHandler => "bi-tools",
        PortalRoles.DepartmentHead => "bi-diagram-3",
        PortalRoles.Leadership => "bi-award",
        PortalRoles.Supervisor => "bi-clipboard-check",
        PortalRoles.ArchiveClerk => "bi-archive",
        PortalRoles.Administrator => "bi-gear",
        _ => "bi-person",
    };

    private static string? Text(string key) => UiText.ResourceManager.GetString(key, CultureInfo.CurrentUICulture);
}
