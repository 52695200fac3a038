using ComplaintPortal.Domain.Supervision;

namespace ComplaintPortal.Web.Features.Supervision;

public static class SupervisionFeature
{
    public static IServiceCollection AddSupervisionFeature(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddScoped<SampleDrawing>();
        services.AddScoped<ChecklistBook>();
        services.AddScoped<CaseChecking>();
        services.AddScoped<RectificationNotices>();
        services.AddScoped<FiguresPublishing>();
        services.Configure<SupervisionOptions>(configuration.GetSection(SupervisionOptions.SectionName));
        services.AddHostedService<RectificationNoticeMonitorService>();
        services.AddSingleton<RectificationNoticeSignal>();
        services.AddSingleton<Hosting.IInstanceSignalTopic, RectificationSignalTopic>();
        services.AddSingleton<RectificationNoticeCommitSignal>();
        services.AddSingleton<SpotCheckFeed>();
        services.AddSingleton<Hosting.IInstanceSignalTopic, SpotCheckSignalTopic>();
        return services;
    }
}

public sealed class SupervisionOptions
{
    public const string SectionName = "Supervision";

    /// <summary>How often overdue rectification notices are looked for (and escalated once).</summary>
    public TimeSpan MonitorInterval { get; set; } = TimeSpan.FromMinutes(5);

    public bool MonitorEnabled { get; set; } = true;
}
