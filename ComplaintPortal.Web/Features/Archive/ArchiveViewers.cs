using System.Globalization;
using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Features.Archive;

/// <summary>
/// Who is looking at an archived file, as the access register and the watermark name them: the viewer's
/// department and network address (from the request, or the circuit's connection when there is no request).
/// </summary>
public sealed class ArchiveViewers(PortalDbContext db, IHttpContextAccessor http)
{
    public async Task<ViewerContext> ContextAsync(ActingUser user, string? knownAddress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var department = user.DepartmentId is { } id
            ? await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct)
            : null;
        var address = knownAddress ?? http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        return new ViewerContext(department?.DisplayName(CultureInfo.CurrentUICulture), address, department?.Id);
    }
}
