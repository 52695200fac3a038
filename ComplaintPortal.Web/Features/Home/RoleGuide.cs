using System.Globalization;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Web.Resources;
using MudBlazor;

namespace ComplaintPortal.Web.Features.Home;

/// <summary>What each role is called and does, in the user's language; used by the home page and the admin user pages.</summary>
public static class RoleGuide
{
    public static string Title(string role) => Text("Role_" + role) ?? role;

    public static string Duties(string role) => Text("RoleDuty_" + role) ?? "";

    public static string Icon(string role) => role switch
    {
        PortalRoles.IntakeClerk => Icons.Material.Outlined.HeadsetMic,
        PortalRoles.DepartmentHandler => Icons.Material.Outlined.Build,
        PortalRoles.DepartmentHead => Icons.Material.Outlined.SupervisorAccount,
        PortalRoles.Leadership => Icons.Material.Outlined.WorkspacePremium,
        PortalRoles.Supervisor => Icons.Material.Outlined.FactCheck,
        PortalRoles.ArchiveClerk => Icons.Material.Outlined.Inventory2,
        PortalRoles.Administrator => Icons.Material.Outlined.Settings,
        _ => Icons.Material.Outlined.Person,
    };

    private static string? Text(string key) => UiText.ResourceManager.GetString(key, CultureInfo.CurrentUICulture);
}
