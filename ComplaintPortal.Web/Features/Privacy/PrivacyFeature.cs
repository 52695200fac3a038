using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Privacy;

namespace ComplaintPortal.Web.Features.Privacy;

/// <summary>Who looked at personal data: the log's service, its page and its export.</summary>
public static class PrivacyFeature
{
    /// <summary>The readers of the log (and of its page and export).</summary>
    public const string Readers = PortalRoles.ArchiveClerk + "," + PortalRoles.Supervisor;

    public static IServiceCollection AddPrivacyFeature(this IServiceCollection services)
    {
        services.AddScoped<PersonalDataViews>();
        // The address of a circuit's connection, for the log (ViewerAddress).
        services.AddHttpContextAccessor();
        return services;
    }

    public static IEndpointRouteBuilder MapPrivacyFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/privacy/views/export.xlsx", PersonalDataLogExport.ExportAsync)
            .RequireAuthorization(p => p.RequireRole(Readers.Split(',')));
        return endpoints;
    }
}
