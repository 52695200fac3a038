using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Tests.Sla;
using ComplaintPortal.Web.Features.Supervision;
using ComplaintPortal.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Tests.Web.Supervision;

public sealed class NoticeTableTests
{
    [Theory]
    [InlineData("zh-Hans", "剩余 1天2小时", "已逾期 3小时0分", "待核实")]
    [InlineData("en", "1 d 2 h left", "overdue by 3 h 0 min", "waiting for verification")]
    public async Task Each_notice_counts_down_to_its_deadline_and_an_overdue_one_says_by_how_much(string culture, string left, string overdue, string waiting)
    {
        var now = SlaCalendars.Mainland.At("2026-04-08 12:00");
        await using var ctx = new PortalComponentContext(culture,
            s => s.AddSingleton(new OrganisationClock(new SettableTimeProvider(now), Options.Create(new OrganisationOptions()))));
        NoticeRow Row(int id, NoticeStatus status, TimeSpan due, DateTimeOffset? escalated = null) =>
            new(id, 10 + id, "KS-2026-00000" + id, 4, status, now.AddDays(-3), now + due, escalated, 1, 0);
        IReadOnlyList<NoticeRow> rows =
        [
            Row(1, NoticeStatus.Open, TimeSpan.FromHours(26)),
            Row(2, NoticeStatus.Open, TimeSpan.FromHours(-3), escalated: now.AddHours(-1)),
            Row(3, NoticeStatus.Answered, TimeSpan.FromHours(-3)),
        ];

        var table = ctx.Render<NoticeTable>(p => p.Add(t => t.Rows, rows).Add(t => t.Names, SupervisionNames.Empty));

        Assert.Equal(left, table.Find("[data-notice-id='1'] [data-test=countdown]").TextContent.Trim());
        var late = table.Find("[data-notice-id='2']");
        Assert.Equal("True", late.GetAttribute("data-overdue"));
        Assert.Equal(overdue, late.QuerySelector("[data-test=countdown]")!.TextContent.Trim());
        Assert.NotNull(late.QuerySelector("[data-test=escalated]"));
        // Answered: the department has done its part; the committee's verification is not the department's delay.
        Assert.Equal("False", table.Find("[data-notice-id='3']").GetAttribute("data-overdue"));
        Assert.Equal(waiting, table.Find("[data-notice-id='3'] [data-test=countdown]").TextContent.Trim());

        // On a phone each row is a card: every cell carries its column's title (the header row is hidden there).
        var titles = table.FindAll("thead th").Select(th => th.TextContent.Trim()).ToList();
        var labels = table.Find("[data-notice-id='1']").QuerySelectorAll("td").Select(td => td.GetAttribute("data-label") ?? "").ToList();
        Assert.Equal(titles, labels);
        Assert.Contains("portal-narrow-cards", table.Find(".mud-simple-table").ClassList);
    }

    [Fact]
    public async Task An_empty_list_says_so()
    {
        await using var ctx = new PortalComponentContext("zh-Hant",
            s => s.AddSingleton(new OrganisationClock(TimeProvider.System, Options.Create(new OrganisationOptions()))));

        var table = ctx.Render<NoticeTable>(p => p.Add(t => t.Rows, []).Add(t => t.Names, SupervisionNames.Empty));

        Assert.Equal("暫無整改通知。", table.Find("[data-test=no-notices]").TextContent.Trim());
    }
}
