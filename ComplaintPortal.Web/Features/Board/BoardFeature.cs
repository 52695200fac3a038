using ComplaintPortal.Domain.Board;

namespace ComplaintPortal.Web.Features.Board;

public static class BoardFeature
{
    public static IServiceCollection AddBoardFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSignalR();
        services.Configure<BoardOptions>(configuration.GetSection(BoardOptions.SectionName));
        services.AddSingleton<CaseChangeRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<CaseChangeRelay>());
        services.AddSingleton<LedgerCommitSignal>();
        services.AddScoped<BoardQuery>();
        return services;
    }

    public static IEndpointRouteBuilder MapBoardFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<BoardHub>(BoardHub.Path);
        endpoints.MapBoardEndpoints();
        return endpoints;
    }
}
