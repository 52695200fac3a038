using System.Security.Claims;
using ComplaintPortal.Domain.Board;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Web.Features.Cases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>
/// Live board notices. A connection joins only the groups its user may see (<see cref="BoardAudience"/>);
/// a notice carries nothing but the case id, and the page fetches the row through the same authorization.
/// </summary>
[Authorize(Roles = BoardHub.Roles)]
public sealed class BoardHub(CaseUsers users, TimeProvider time) : Hub
{
    public const string Path = "/hubs/board";

    public const string Roles = PortalRoles.IntakeClerk + "," + PortalRoles.DepartmentHandler + "," + PortalRoles.DepartmentHead + ","
        + PortalRoles.Leadership + "," + PortalRoles.Supervisor;

    /// <summary>Client method: a case changed; argument: its id.</summary>
    public const string CaseChanged = "caseChanged";

    /// <summary>Client method: the server's clock (UTC, ISO 8601), to correct countdowns for the browser's clock.</summary>
    public const string Clock = "clock";

    public override async Task OnConnectedAsync()
    {
        var user = Context.User ?? new ClaimsPrincipal();
        var departmentId = (await users.FindAsync(user, Context.ConnectionAborted))?.DepartmentId;
        foreach (var group in BoardAudience.GroupsFor(user.IsInRole, departmentId))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        }

        await Clients.Caller.SendAsync(Clock, time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture), Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }
}
