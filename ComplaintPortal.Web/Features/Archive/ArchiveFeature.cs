using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Web.Hosting;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Web.Features.Archive;

/// <summary>The archive (檔案管理): its services, its three scheduled jobs and its endpoints.</summary>
public static class ArchiveFeature
{
    public static IServiceCollection AddArchive(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<ArchiveOptions>(configuration.GetSection(ArchiveOptions.SectionName));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ArchiveOptions>>().Value);
        services.AddSingleton<ArchiveFeed>();
        services.AddScoped<Archiver>();
        services.AddScoped<ArchiveAccess>();
        services.AddScoped<ArchiveCatalog>();
        services.AddScoped<ArchiveDisposals>();
        services.AddScoped<ArchiveInspector>();
        services.AddScoped<RetentionBook>();
        services.AddScoped<ArchiveViewers>();
        services.AddScoped<ArchiveLogQuery>();
        services.AddHttpContextAccessor();
        // The clerk's buttons run the same jobs in the background, one at a time, with their progress on every desk.
        services.AddSingleton<ArchiveJobGate>();
        services.AddSingleton<ArchiveDeskJobs>();
        services.AddHostedService(sp => sp.GetRequiredService<ArchiveDeskJobs>());
        // Archive changes made through other instances reach this one's pages (a revocation closes open views everywhere).
        services.AddSingleton<IInstanceSignalTopic, ArchiveSignalTopic>();
        services.AddHostedService<ArchivingService>();
        services.AddHostedService<DisposalListingService>();
        services.AddHostedService<DisposalService>();
        services.AddHostedService<ArchiveInspectionService>();
        // Readers whose days ran out are asked to confirm finishing (a light scan, from start-up on).
        services.AddHostedService<ArchiveLoanReminderService>();
        return services;
    }

    public static IEndpointRouteBuilder MapArchive(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapArchiveEndpoints();
}
