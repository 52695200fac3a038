using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Web.Features.Cases.EvidenceFiles;
using ComplaintPortal.Web.Hosting;

namespace ComplaintPortal.Web.Features.Cases;

/// <summary>Bound from the <c>Cases</c> configuration section.</summary>
public sealed class CaseOptions
{
    public const string SectionName = "Cases";

    public string CaseNumberPrefix { get; set; } = CaseNumber.DefaultPrefix;

    /// <summary>Evidence folder; relative paths are anchored at the content root (never under wwwroot).</summary>
    public string EvidencePath { get; set; } = "App_Data/evidence";

    /// <summary><c>File</c> (pick-up folder) or <c>Smtp</c>.</summary>
    public string MessageDelivery { get; set; } = "File";

    public string PickupPath { get; set; } = "App_Data/outbox";

    public SmtpSettings Smtp { get; set; } = new();
}

public static class CaseServices
{
    public static IServiceCollection AddCaseFeatures(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = new CaseOptions();
        configuration.GetSection(CaseOptions.SectionName).Bind(options);
        services.AddSingleton(options);
        services.AddSingleton(sp => new CaseNumberPolicy(options.CaseNumberPrefix, sp.GetRequiredService<OrganisationClock>().TimeZone));
        services.AddSingleton(new EvidenceStore(Path.Combine(environment.ContentRootPath, options.EvidencePath)));
        // The customers' messages and the staff's notice mail go by the same channel.
        var sender = options.MessageDelivery switch
        {
            "Smtp" => (ICustomerMessageSender)new SmtpMessageSender(options.Smtp),
            _ => new FilePickupMessageSender(Path.Combine(environment.ContentRootPath, options.PickupPath)),
        };
        services.AddSingleton(sender);
        services.AddSingleton((IStaffMailSender)sender);
        services.AddScoped<ComplaintIntake>();
        services.AddScoped<ComplaintWorkflow>();
        services.AddScoped<CaseQueries>();
        services.AddScoped<SavedSearches>();
        services.AddScoped<CaseViewReader>();
        services.AddScoped<CallerHistory>();
        services.AddScoped<CaseUsers>();
        services.AddMemoryCache();
        services.AddSingleton<IntakeSuggestions>();
        services.AddHostedService<OutboxDeliveryService>();
        return services;
    }

    public static IEndpointRouteBuilder MapCaseEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapEvidenceEndpoints();
        endpoints.MapIntakeApi();
        endpoints.MapSearchExport();
        return endpoints;
    }
}

/// <summary>Delivers the customer outbox every few seconds; a failed message waits for the next round.</summary>
internal sealed class OutboxDeliveryService(IServiceScopeFactory scopes, ICustomerMessageSender sender, TimeProvider time, ILogger<OutboxDeliveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<Domain.Persistence.PortalDbContext>();
                var sent = await OutboxDelivery.DeliverPendingAsync(db, sender, time, stoppingToken);
                if (sent > 0)
                {
                    logger.LogInformation("Delivered {Count} customer messages", sent);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Outbox delivery failed; retrying next round");
            }
        }
    }
}
