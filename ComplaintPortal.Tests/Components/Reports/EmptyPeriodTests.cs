using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Components.Cases;
using ComplaintPortal.Web.Features.Reports;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Components.Reports;

/// <summary>
/// A report opened on a month with no complaints yet (the current month, in its first days): it says so and offers the month
/// before, which then shows that month's figures.
/// </summary>
public sealed class EmptyPeriodTests : CasePageTest
{
    /// <summary>The test clock's month is March 2026: one complaint received in February, none since.</summary>
    private async Task ReceivedInFebruaryAsync()
    {
        var february = await Driver.CaseInStageAsync(CaseStage.Registered);
        await using var db = Database.CreateContext();
        var categoryId = Driver.CategoryId(CategoryCatalog.Service);
        await db.Complaints.Where(c => c.Id == february.Id).ExecuteUpdateAsync(c => c
            .SetProperty(x => x.ReceivedAt, new DateTimeOffset(2026, 2, 10, 2, 0, 0, TimeSpan.Zero)).SetProperty(x => x.CategoryId, categoryId));
    }

    [Fact]
    public async Task The_statistics_of_an_empty_month_offer_the_month_before_and_show_it()
    {
        var ctx = Open();
        await ReceivedInFebruaryAsync();
        ctx.SignInAs(Driver.Leader);

        var cut = ctx.RenderPage<Statistics>();

        Assert.Equal("本期间没有受理投诉。", cut.WaitForElement("[data-test=no-complaints]").TextContent.Trim());
        var before = cut.Find("[data-test=period-before]");
        Assert.Equal("查看上一期：2026年2月", before.TextContent.Trim());
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(before.GetAttribute("href")!);

        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-figure=received] [data-test=figure]").TextContent.Trim()));
        Assert.Equal("2026/2/1 至 2026/2/28", cut.Find("[data-test=range]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-test=no-complaints]"));
    }

    [Fact]
    public async Task The_timeliness_of_an_empty_quarter_offers_the_quarter_before_in_the_readers_language_and_shows_it()
    {
        var ctx = Open("zh-Hant");
        await ReceivedInFebruaryAsync();
        ctx.SignInAs(Driver.Leader);
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/reports/timeliness?period=Quarter&year=2026&number=2");

        var cut = ctx.RenderPage<Timeliness>();

        Assert.Equal("本期沒有受理投訴。", cut.WaitForElement("[data-test=no-complaints]").TextContent.Trim());
        var before = cut.Find("[data-test=period-before]");
        Assert.Equal("查看上一期：2026年第1季", before.TextContent.Trim());
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(before.GetAttribute("href")!);

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-test=no-complaints]")));
        Assert.StartsWith("2026/1/1 至 2026/3/31", cut.Find("[data-test=range]").TextContent.Trim(), StringComparison.Ordinal);
    }
}
