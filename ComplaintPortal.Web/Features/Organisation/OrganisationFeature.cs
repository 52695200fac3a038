using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;

namespace ComplaintPortal.Web.Features.Organisation;

public static class OrganisationFeature
{
    /// <summary>Departments, teams, routing rules, message templates and configuration export/import.</summary>
    public static IServiceCollection AddOrganisation(this IServiceCollection services)
    {
        services.AddScoped<DepartmentBook>();
        services.AddScoped<TeamBook>();
        services.AddScoped<RoutingRuleBook>();
        services.AddScoped<DepartmentAdministration>();
        services.AddScoped<Domain.Cases.CatalogueBook>();
        services.AddScoped<CustomerMessageBook>();
        return services;
    }
}
