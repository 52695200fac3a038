using ComplaintPortal.Domain.Persistence;

namespace ComplaintPortal.Web.Features.Health;

internal static class HealthEndpoints
{
    /// <summary>Public on purpose, for load balancers and monitoring: says only whether the database answers.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", async (PortalDbContext db, CancellationToken cancellationToken) =>
        {
            var reachable = await db.Database.CanConnectAsync(cancellationToken);
            var body = new HealthReport(reachable ? "Healthy" : "Unhealthy", reachable ? "reachable" : "unreachable");
            return reachable ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();
        return endpoints;
    }

    internal sealed record HealthReport(string Status, string Database);
}
