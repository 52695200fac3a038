using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Tests.Supervision;
using ComplaintPortal.Web.Features.Supervision;
using ComplaintPortal.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Tests.Components.Supervision;

/// <summary>
/// The check page's deadline history says what became of each time limit of a case that ended without meeting it: missed
/// when it fell due before the end, stopped with the case otherwise; never "not met" as if the case were still running.
/// </summary>
public sealed class CheckedCasePanelTests
{
    [Fact]
    public async Task A_case_marked_invalid_shows_its_time_limits_as_stopped_or_missed_not_as_unmet()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var (endedSoon, endedLater) = await s.TwoInvalidCasesOpenedForCheckAsync();

        await using var ctx = new PortalComponentContext("zh-Hans", services =>
        {
            services.AddSingleton<TimeProvider>(s.Driver.Time);
            services.AddSingleton(Options.Create(new OrganisationOptions()));
            services.AddSingleton<OrganisationClock>();
        });
        var stopped = Outcomes(ctx, endedSoon);
        var missed = Outcomes(ctx, endedLater);

        Assert.NotEmpty(stopped);
        Assert.All(stopped, o => Assert.Equal((nameof(DeadlineOutcome.StoppedWithTheCase), "案件结束时未到期，不再计时"), o));
        Assert.Contains((nameof(DeadlineOutcome.MissedBeforeTheEnd), "超时未完成"), missed);
        Assert.DoesNotContain(stopped.Concat(missed), o => o.Text == "未完成");

        // The last column says what warnings and overdue marks the time limit had, and a dash where it had none.
        var panel = ctx.Render<CheckedCasePanel>(p => p.Add(c => c.View, endedSoon));
        Assert.Equal("预警与超期", panel.FindAll("[data-test=deadline-history] thead th")[^1].TextContent.Trim());
        Assert.All(panel.FindAll("[data-test=deadline-flags]"), cell => Assert.Equal("—", cell.TextContent.Trim()));
    }

    private static List<(string Outcome, string Text)> Outcomes(PortalComponentContext ctx, CaseCheckView view) =>
        ctx.Render<CheckedCasePanel>(p => p.Add(c => c.View, view))
            .FindAll("[data-test=deadline-history] tbody tr")
            .Select(row => (row.GetAttribute("data-outcome")!, row.QuerySelector("[data-test=deadline-outcome]")!.TextContent.Trim()))
            .ToList();
}
