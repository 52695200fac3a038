using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Sla;

namespace ComplaintPortal.Web.Features.Deadlines;

public static class DeadlineServices
{
    public static IServiceCollection AddPortalDeadlines(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // The domain's shared cache, so the workflow (created without DI) and the pages see the same compiled calendars.
        services.AddSingleton(WorkingCalendarCache.Shared);
        services.AddScoped<WorkingCalendarBook>();
        // A saved calendar's provisional deadlines are re-computed in the background; its pages wake the service and watch it.
        services.AddSingleton<ProvisionalRecomputeService>();
        services.AddHostedService(sp => sp.GetRequiredService<ProvisionalRecomputeService>());
        services.AddScoped<SlaPolicyBook>();
        services.AddScoped<TimelinessReport>();
        services.AddScoped<ComplaintTimelinessReport>();
        // The timeliness page reads kept counts, and the cases behind a figure a page at a time.
        services.AddScoped<KeptTimelinessReport>();
        services.AddScoped<TimelinessFigureList>();
        // Improvement actions raised from the statistics' hot spots.
        services.AddScoped<Improvements>();
        services.AddHostedService<Reports.ImprovementMonitorService>();
        services.AddHostedService<Reports.TimelinessCountService>();
        // Notices to people: one in-process feed that the bell of every open page watches.
        services.AddSingleton<INoticeFeed, NoticeFeed>();
        // Notices committed through other instances reach this one's bells too.
        services.Configure<Notices.NoticeOptions>(configuration.GetSection(Notices.NoticeOptions.SectionName));
        services.AddSingleton<Notices.NoticeRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<Notices.NoticeRelay>());
        // Cases closed and notices read through other instances re-count this one's bells too.
        services.AddSingleton<Hosting.IInstanceSignalTopic, Notices.NoticeSignalTopic>();
        services.AddScoped<NoticeBook>();
        // New notices by e-mail too, for those who asked.
        services.AddScoped<NoticeMailing>();
        services.AddSingleton<Notices.NoticeMailer>();
        services.AddHostedService(sp => sp.GetRequiredService<Notices.NoticeMailer>());
        services.Configure<DeadlineMonitorOptions>(configuration.GetSection(DeadlineMonitorOptions.SectionName));
        services.AddHostedService<DeadlineMonitorService>();
        return services;
    }
}

public sealed class DeadlineMonitorOptions
{
    public const string SectionName = "Deadlines";

    /// <summary>How often the monitor scans for due-soon and overdue deadlines.</summary>
    public TimeSpan MonitorInterval { get; set; } = TimeSpan.FromMinutes(1);

    public bool MonitorEnabled { get; set; } = true;
}
