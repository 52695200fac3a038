using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Tests.Components.Cases;

/// <summary>The case list says nothing about its cases until it has read them: no "未找到案件" or "共 0 条" while loading.</summary>
public sealed class CaseGridTests
{
    [Fact]
    public async Task Until_the_first_page_is_read_the_list_says_it_is_loading_and_the_pager_gives_no_count()
    {
        var clock = new OrganisationClock(new SettableTimeProvider(), Options.Create(new OrganisationOptions { TimeZone = "Asia/Shanghai" }));
        await using var ctx = new PortalComponentContext("zh-Hans", services => services.AddSingleton(clock));
        var page = new TaskCompletionSource<CaseRowPage>();

        var cut = ctx.Render<CaseGrid>(p => p.Add(g => g.Load, _ => page.Task).Add(g => g.EmptyText, "未找到案件。"));
        string Pager() => cut.FindAll(".mud-table-pagination-caption").Last().TextContent.Trim();

        Assert.DoesNotContain("未找到案件", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-test=no-cases]"));
        Assert.Equal("", Pager());

        page.SetResult(new CaseRowPage([], 0));
        cut.WaitForAssertion(() => Assert.Equal("未找到案件。", cut.Find("[data-test=no-cases]").TextContent));
        Assert.Equal("共 0 条", Pager());
    }
}
