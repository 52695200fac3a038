using System.Security.Claims;
using ComplaintPortal.Domain.Organisation;
using MudBlazor;

namespace ComplaintPortal.Web.Components.Layout;

/// <summary>
/// Every entry of the main navigation and who may see it. The menu, the role home pages and the
/// route-by-route authorization tests all read this one table.
/// </summary>
public static class PortalNavigation
{
    public static IReadOnlyList<NavEntry> Entries { get; } =
    [
        new("/", nameof(Resources.UiText.Nav_Home), Icons.Material.Outlined.Home, PortalRoles.All),
        new("/cases/new", nameof(Resources.CaseText.Nav_Intake), Icons.Material.Outlined.AddIcCall, [PortalRoles.IntakeClerk], Resources.CaseText.ResourceManager),
        new("/cases/queue", nameof(Resources.CaseText.Nav_Queue), Icons.Material.Outlined.Inbox,
            [PortalRoles.IntakeClerk, PortalRoles.DepartmentHandler, PortalRoles.DepartmentHead, PortalRoles.Leadership], Resources.CaseText.ResourceManager),
        new("/board", nameof(Resources.BoardText.Nav_Board), Icons.Material.Outlined.Dashboard,
            [PortalRoles.IntakeClerk, PortalRoles.DepartmentHandler, PortalRoles.DepartmentHead, PortalRoles.Leadership, PortalRoles.Supervisor],
            Resources.BoardText.ResourceManager),
        new("/cases/search", nameof(Resources.CaseText.Nav_Search), Icons.Material.Outlined.Search, PortalRoles.All, Resources.CaseText.ResourceManager),
        new("/admin/users", nameof(Resources.UiText.Nav_Users), Icons.Material.Outlined.People, [PortalRoles.Administrator]),
        new("/admin/departments", nameof(Resources.OrganisationText.Nav_Departments), Icons.Material.Outlined.Domain, [PortalRoles.Administrator],
            Resources.OrganisationText.ResourceManager),
        new("/admin/message-templates", nameof(Resources.OrganisationText.Nav_Templates), Icons.Material.Outlined.Sms, [PortalRoles.Administrator],
            Resources.OrganisationText.ResourceManager),
        new("/admin/configuration", nameof(Resources.OrganisationText.Nav_Configuration), Icons.Material.Outlined.ImportExport, [PortalRoles.Administrator],
            Resources.OrganisationText.ResourceManager),
        new("/admin/categories", nameof(Resources.CaseText.Nav_Categories), Icons.Material.Outlined.AccountTree, [PortalRoles.Administrator], Resources.CaseText.ResourceManager),
        new("/admin/lists", nameof(Resources.OrganisationText.Nav_Catalogues), Icons.Material.Outlined.FormatListBulleted, [PortalRoles.Administrator],
            Resources.OrganisationText.ResourceManager),
        new("/reports/timeliness", nameof(Resources.DeadlineText.Nav_Timeliness), Icons.Material.Outlined.Timer,
            [PortalRoles.Leadership, PortalRoles.Supervisor, PortalRoles.IntakeClerk, PortalRoles.DepartmentHead], Resources.DeadlineText.ResourceManager),
        new("/reports/statistics", nameof(Resources.DeadlineText.Nav_Statistics), Icons.Material.Outlined.Insights,
            [PortalRoles.Leadership, PortalRoles.Supervisor, PortalRoles.IntakeClerk, PortalRoles.DepartmentHead], Resources.DeadlineText.ResourceManager),
        new("/reports/improvements", nameof(Resources.DeadlineText.Nav_Improvements), Icons.Material.Outlined.TaskAlt,
            [PortalRoles.Leadership, PortalRoles.Supervisor, PortalRoles.DepartmentHead, PortalRoles.DepartmentHandler], Resources.DeadlineText.ResourceManager),
        new("/admin/calendars", nameof(Resources.DeadlineText.Nav_Calendars), Icons.Material.Outlined.CalendarMonth, [PortalRoles.Administrator],
            Resources.DeadlineText.ResourceManager),
        new("/admin/sla-policies", nameof(Resources.DeadlineText.Nav_SlaPolicies), Icons.Material.Outlined.HourglassBottom, [PortalRoles.Administrator],
            Resources.DeadlineText.ResourceManager),
        new("/supervision/samples", nameof(Resources.SupervisionText.Nav_Samples), Icons.Material.Outlined.Casino, [PortalRoles.Supervisor],
            Resources.SupervisionText.ResourceManager),
        new("/supervision/checks", nameof(Resources.SupervisionText.Nav_Checks), Icons.Material.Outlined.FactCheck, [PortalRoles.Supervisor],
            Resources.SupervisionText.ResourceManager),
        new("/supervision/notices", nameof(Resources.SupervisionText.Nav_Notices), Icons.Material.Outlined.Campaign,
            [PortalRoles.Supervisor, PortalRoles.Leadership], Resources.SupervisionText.ResourceManager),
        new("/supervision/to-answer", nameof(Resources.SupervisionText.Nav_ToAnswer), Icons.Material.Outlined.AssignmentLate, [PortalRoles.DepartmentHead],
            Resources.SupervisionText.ResourceManager),
        new("/supervision/figures", nameof(Resources.SupervisionText.Nav_Figures), Icons.Material.Outlined.Leaderboard,
            [PortalRoles.Supervisor, PortalRoles.Leadership, PortalRoles.DepartmentHead], Resources.SupervisionText.ResourceManager),
        new("/admin/checklists", nameof(Resources.SupervisionText.Nav_Checklists), Icons.Material.Outlined.Checklist, [PortalRoles.Administrator],
            Resources.SupervisionText.ResourceManager),
        new("/privacy/views", nameof(Resources.PrivacyText.Nav_PersonalDataViews), Icons.Material.Outlined.PrivacyTip,
            [PortalRoles.ArchiveClerk, PortalRoles.Supervisor], Resources.PrivacyText.ResourceManager),
        new("/archive", nameof(Resources.ArchiveText.Nav_Browser), Icons.Material.Outlined.Inventory2, PortalRoles.All, Resources.ArchiveText.ResourceManager),
        new("/archive/requests", nameof(Resources.ArchiveText.Nav_Requests), Icons.Material.Outlined.FindInPage, PortalRoles.All, Resources.ArchiveText.ResourceManager),
        new("/archive/approvals", nameof(Resources.ArchiveText.Nav_Approvals), Icons.Material.Outlined.Approval, [PortalRoles.Leadership],
            Resources.ArchiveText.ResourceManager),
        new("/archive/desk", nameof(Resources.ArchiveText.Nav_Desk), Icons.Material.Outlined.Inventory, [PortalRoles.ArchiveClerk], Resources.ArchiveText.ResourceManager),
        new("/archive/log", nameof(Resources.ArchiveText.Nav_Log), Icons.Material.Outlined.ManageSearch, [PortalRoles.ArchiveClerk, PortalRoles.Leadership],
            Resources.ArchiveText.ResourceManager),
        new("/admin/retention", nameof(Resources.ArchiveText.Nav_Retention), Icons.Material.Outlined.AutoDelete, [PortalRoles.Administrator],
            Resources.ArchiveText.ResourceManager),
    ];

    public static IEnumerable<NavEntry> For(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Entries.Where(e => e.Roles.Any(user.IsInRole));
    }
}

/// <param name="Href">Absolute path of the page.</param>
/// <param name="TitleKey">Key of the title in <see cref="Resources.UiText"/>.</param>
/// <param name="Icon">MudBlazor (Material) icon.</param>
/// <param name="Roles">Roles that see the entry (and may open the page).</param>
/// <param name="Strings">The resource holding the title (a feature's own resource); <see cref="Resources.UiText"/> when null.</param>
public sealed record NavEntry(string Href, string TitleKey, string Icon, IReadOnlyList<string> Roles, System.Resources.ResourceManager? Strings = null)
{
    public string Title => (Strings ?? Resources.UiText.ResourceManager).GetString(TitleKey, System.Globalization.CultureInfo.CurrentUICulture) ?? TitleKey;
}
