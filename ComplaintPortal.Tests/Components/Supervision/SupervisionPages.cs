using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Tests.Components.Cases;
using ComplaintPortal.Tests.Supervision;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Components.Supervision;

/// <summary>The committee's pages over a scenario's database, signed in as its member.</summary>
internal static class SupervisionPages
{
    /// <summary>
    /// A page reads the signed-in member's account (name, department): each test gives the committee its accounts
    /// (<see cref="SupervisionScenario.AddCommitteeAccountsAsync"/>) first. The context sets the culture, so it is made in the
    /// test itself: set in an async method, the culture would not outlive it.
    /// </summary>
    public static CasePageContext NewContext(SupervisionScenario s, Action<IServiceCollection>? more = null)
    {
        var context = new CasePageContext("zh-Hans", s.Database, s.Driver, more: services =>
        {
            services.AddScoped<SampleDrawing>();
            services.AddScoped<ChecklistBook>();
            services.AddScoped<CaseChecking>();
            services.AddSingleton(Domain.Sla.WorkingCalendarCache.Shared);
            // The pages hear the scenario's draws, checks and discards as they would another member's.
            services.AddSingleton(s.SpotChecks);
            more?.Invoke(services);
        });
        context.SignInAs(s.Member);
        return context;
    }
}
