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
    public async Task Shows_each_deadline_in_the_organisation_zone_with_its_state_and_a_countdown_from_the_servers_now()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        s.SetLocal("2026-03-02 09:30");
        var id = (await s.Driver.RegisterAsync()).Id;
        var deadlines = await s.DeadlinesAsync(id);
        var now = s.SetLocal("2026-03-03 17:10");
        var clock = new OrganisationClock(new SettableTimeProvider(now), Options.Create(new OrganisationOptions { TimeZone = "Asia/Shanghai" }));
        await using var ctx = new PortalComponentContext("zh-Hans", services => services.AddSingleton(clock));

        var cut = ctx.Render<DeadlineList>(p => p.Add(d => d.Deadlines, deadlines));

        var first = cut.Find("[data-kind=FirstResponse]");
        Assert.Equal("DueSoon", first.GetAttribute("data-state"));
        Assert.Contains("首次响应", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("即将到期", first.TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-03-03T10:00:00.0000000Z", first.QuerySelector("time")!.GetAttribute("datetime"));
        var countdown = first.QuerySelector("portal-countdown")!;
        Assert.Equal("2026-03-03T10:00:00.0000000Z", countdown.GetAttribute("due"));
        Assert.Equal(now.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture), countdown.GetAttribute("now"));
        Assert.Equal("剩余50分0秒", countdown.TextContent);
        Assert.Equal("Running", cut.Find("[data-kind=Completion]").GetAttribute("data-state"));
    }

    [Fact]
    public async Task Shows_the_rule_next_to_each_deadline_and_marks_one_reaching_an_unknown_year_provisional()
    {
        await using var s = await DeadlineScenario.CreateAsync();
        // 2027's holidays are not entered: the plan and completion reach into it.
        var now = s.SetLocal("2026-12-30 10:00");
        var id = (await s.Driver.RegisterAsync()).Id;
        var deadlines = await s.DeadlinesAsync(id);
        var clock = new OrganisationClock(new SettableTimeProvider(now), Options.Create(new OrganisationOptions { TimeZone = "Asia/Shanghai" }));
        await using var ctx = new PortalComponentContext("zh-Hant", services => services.AddSingleton(clock));

        var cut = ctx.Render<DeadlineList>(p => p.Add(d => d.Deadlines, deadlines));

        var first = cut.Find("[data-kind=FirstResponse]");
        Assert.Contains("1 個工作日內（整日）", first.QuerySelector("[data-test=deadline-rule]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(first.QuerySelector("[data-test=provisional]"));
        var completion = cut.Find("[data-kind=Completion]");
        Assert.Contains("7 個工作日內（整日）", completion.QuerySelector("[data-test=deadline-rule]")!.TextContent, StringComparison.Ordinal);
        var mark = completion.QuerySelector("[data-test=provisional]")!;
        Assert.Contains("暫定", mark.TextContent, StringComparison.Ordinal);
        Assert.Contains("尚未錄入法定假日", mark.GetAttribute("aria-label"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", 0, 75, "1 min 15 s left")]
    [InlineData("en", 2, 3 * 3600 + 59, "2 d 3 h left")]
    [InlineData("zh-Hans", -1, 0, "已超期1天0小时")]
    [InlineData("zh-Hant", 0, -(5 * 60 + 12), "已逾期5分12秒")]
    public void Countdown_says_the_two_largest_parts_as_the_browser_does(string culture, int days, int seconds, string expected)
    {
        using var ctx = new PortalComponentContext(culture);
        var now = new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

        Assert.Equal(expected, CountdownText.Format(now.AddDays(days).AddSeconds(seconds), now));
    }
}
