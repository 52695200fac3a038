using System.Globalization;
using System.Text;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Organisation.Setup;
using ComplaintPortal.Domain.Persistence;

namespace ComplaintPortal.Web.Features.Organisation;

/// <summary>The configuration file download (administrators only).</summary>
public static class ConfigurationEndpoints
{
    public const string ExportPath = "/admin/configuration/export.json";

    public static IEndpointRouteBuilder MapConfigurationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(ExportPath, async (PortalDbContext db, TimeProvider time, CancellationToken ct) =>
        {
            var json = OrganisationSetupExport.ToJson(await OrganisationSetupExport.ReadAsync(db, ct));
            var name = string.Create(CultureInfo.InvariantCulture, $"portal-configuration-{time.GetUtcNow():yyyyMMdd}.json");
            return TypedResults.File(Encoding.UTF8.GetBytes(json), "application/json", name);
        }).RequireAuthorization(p => p.RequireRole(PortalRoles.Administrator));
        return app;
    }
}
