using ComplaintPortal.Domain.Organisation;

namespace ComplaintPortal.Tests.Web;

/// <summary>
/// Who may open each route of the portal: the decision, written down once. <see cref="RouteAuthorizationTests"/>
/// discovers the routes from the running portal and fails for any route missing here, so whoever adds a page
/// or an endpoint must classify it: the roles that may open it, or <see cref="Public"/> after deciding that
/// anyone may. Which cases a role then sees on it is <c>CaseVisibility</c>'s rule (see
/// <see cref="CrossDepartmentVisibilityTests"/>).
/// </summary>
internal static class RouteTable
{
    /// <summary>No role needed: sign-in and its outcomes, error pages, first-run set-up, health, language choice.</summary>
    public static readonly IReadOnlyList<string> Public =
    [
        "/account/login", "/account/lockout", "/account/access-denied", "/account/no-access", "/Error", "/not-found", "/setup", "/healthz", "/culture/set", "/theme.css",
    ];

    private static readonly string[] Any = [.. PortalRoles.All];
    private static readonly string[] Administrator = [PortalRoles.Administrator];
    private static readonly string[] Supervisor = [PortalRoles.Supervisor];
    private static readonly string[] IntakeClerk = [PortalRoles.IntakeClerk];
    private static readonly string[] PersonalDataReaders = [PortalRoles.ArchiveClerk, PortalRoles.Supervisor];
    private static readonly string[] ArchiveLogReaders = [PortalRoles.ArchiveClerk, PortalRoles.Leadership];

    private static readonly string[] Board =
        [PortalRoles.IntakeClerk, PortalRoles.DepartmentHandler, PortalRoles.DepartmentHead, PortalRoles.Leadership, PortalRoles.Supervisor];

    /// <summary>Route template (as the endpoint data source spells it) → the roles that may open it; empty = public.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Expected = Build(new()
    {
        ["/"] = Any,
        ["/account/password"] = Any,
        ["/account/logout"] = Any,
        ["/cases/search"] = Any,
        ["/cases/search/export.xlsx"] = Any,
        ["/cases/workflow"] = Any,
        ["/cases/{Number}"] = Any,
        ["/cases/{Number}/form"] = Any,
        ["/cases/{number}/evidence/{evidenceId}"] = Any,
        ["/cases/new"] = IntakeClerk,
        ["/api/complaints"] = IntakeClerk,
        ["/cases/queue"] = [PortalRoles.IntakeClerk, PortalRoles.DepartmentHandler, PortalRoles.DepartmentHead, PortalRoles.Leadership],
        ["/board"] = Board,
        ["/board/export.xlsx"] = Board,
        // Mapped only with Board:Diagnostics on (benchmarks; RouteAuthorizationTests.App turns it on).
        ["/board/diagnostics"] = Administrator,
        ["/board/diagnostics/reset"] = Administrator,
        ["/reports/timeliness"] = [PortalRoles.Leadership, PortalRoles.Supervisor, PortalRoles.IntakeClerk, PortalRoles.DepartmentHead],
        ["/reports/statistics"] = [PortalRoles.Leadership, PortalRoles.Supervisor, PortalRoles.IntakeClerk, PortalRoles.DepartmentHead],
        ["/reports/statistics/export.xlsx"] = [PortalRoles.Leadership, PortalRoles.Supervisor, PortalRoles.IntakeClerk, PortalRoles.DepartmentHead],
        ["/reports/improvements"] = [PortalRoles.Leadership, PortalRoles.Supervisor, PortalRoles.DepartmentHead, PortalRoles.DepartmentHandler],
        ["/admin/users"] = Administrator,
        ["/admin/users/{Id}"] = Administrator,
        ["/admin/categories"] = Administrator,
        ["/admin/categories/{Id}"] = Administrator,
        ["/admin/lists"] = Administrator,
        ["/admin/calendars"] = Administrator,
        ["/admin/calendars/{Code}"] = Administrator,
        ["/admin/sla-policies"] = Administrator,
        ["/admin/checklists"] = Administrator,
        ["/supervision/samples"] = Supervisor,
        ["/supervision/samples/{Id:int}"] = Supervisor,
        ["/supervision/samples/{id:int}/export.xlsx"] = Supervisor,
        ["/supervision/checks"] = Supervisor,
        ["/supervision/checks/{Id:int}"] = Supervisor,
        ["/supervision/notices"] = [PortalRoles.Supervisor, PortalRoles.Leadership],
        ["/supervision/notices/{Id:int}"] = [PortalRoles.Supervisor, PortalRoles.Leadership, PortalRoles.DepartmentHead],
        ["/supervision/to-answer"] = [PortalRoles.DepartmentHead],
        ["/supervision/figures"] = [PortalRoles.Supervisor, PortalRoles.Leadership, PortalRoles.DepartmentHead],
        ["/supervision/figures/export.xlsx"] = [PortalRoles.Supervisor, PortalRoles.Leadership, PortalRoles.DepartmentHead],
        ["/supervision/notices/{noticeId:int}/evidence/{evidenceId:int}"] = [PortalRoles.Supervisor, PortalRoles.Leadership, PortalRoles.DepartmentHead],
        ["/notices"] = Any,
        ["/privacy/views"] = PersonalDataReaders,
        ["/privacy/views/export.xlsx"] = PersonalDataReaders,
        ["/archive"] = Any,
        ["/archive/requests"] = Any,
        ["/archive/files/{Number}"] = Any,
        ["/archive/files/{number}/evidence/{evidenceId:int}"] = Any,
        ["/archive/approvals"] = [PortalRoles.Leadership],
        ["/archive/desk"] = [PortalRoles.ArchiveClerk],
        ["/archive/log"] = ArchiveLogReaders,
        ["/archive/log/export"] = ArchiveLogReaders,
        ["/admin/retention"] = Administrator,
        ["/admin/departments"] = Administrator,
        ["/admin/departments/{Id}"] = Administrator,
        ["/admin/message-templates"] = Administrator,
        ["/admin/organisation-log"] = Administrator,
        ["/admin/configuration"] = Administrator,
        ["/admin/configuration/export.json"] = Administrator,
    });

    /// <summary>One spelling per route: a leading slash, no trailing one.</summary>
    public static string Normalise(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var path = "/" + template.Trim('/');
        return path;
    }

    private static Dictionary<string, IReadOnlyList<string>> Build(Dictionary<string, string[]> roles)
    {
        var table = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (path, allowed) in roles)
        {
            table.Add(Normalise(path), allowed);
        }

        foreach (var path in Public)
        {
            table.Add(Normalise(path), []);
        }

        return table;
    }
}
