using ComplaintPortal.Domain.Board;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Web.Features.Board;

public static class BoardFeature
{
    public static IServiceCollection AddBoardFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BoardOptions>().Bind(configuration.GetSection(BoardOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BoardOptions>, BoardOptionsValidator>());
        services.AddSingleton<IBoardRowSource, BoardRowSource>();
        services.AddSingleton<BoardChangeFeed>();
        services.AddSingleton<BoardProbe>();
        services.AddSingleton<BoardRowMarkup>();
        services.AddSingleton<CaseChangeRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<CaseChangeRelay>());
        services.AddSingleton<LedgerCommitSignal>();
        services.AddSingleton<CircuitCount>();
        services.AddScoped<BoardCircuitHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, BoardCircuitHandler>(sp => sp.GetRequiredService<BoardCircuitHandler>()));
        services.AddScoped<BoardQuery>();
        return services;
    }

    public static IEndpointRouteBuilder MapBoardFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapBoardEndpoints();
        return endpoints;
    }
}
