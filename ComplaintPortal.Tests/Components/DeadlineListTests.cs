using ComplaintPortal.Tests.Deadlines;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Deadlines;
using ComplaintPortal.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Tests.Components;

public sealed class DeadlineListTests
{
    [Fact]
    public async Task Shows_each_deadline_in_the_organisation_zone_with_its_state()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-03-02 09:30");
        var id = (await s.Driver.RegisterAsync()).Id;
        var deadlines = await s.DeadlinesAsync(id);
        var clock = new OrganisationClock(new SettableTimeProvider(s.SetLocal("2026-03-03 17:10")), Options.Create(new OrganisationOptions { TimeZone = "Asia/Shanghai" }));

        var html = await ComponentRenderer.RenderAsync<DeadlineList>(
            "zh-Hans", services => services.AddSingleton(clock), new Dictionary<string, object?> { ["Deadlines"] = deadlines });

        var first = html.QuerySelector("[data-kind=FirstResponse]")!;
        Assert.Equal("DueSoon", first.GetAttribute("data-state"));
        Assert.Contains("首次响应", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("即将到期", first.TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-03-03T10:00:00.0000000Z", first.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal("Running", html.QuerySelector("[data-kind=Completion]")!.GetAttribute("data-state"));
    }
}
