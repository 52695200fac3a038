using AngleSharp.Dom;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Board;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ComplaintPortal.Tests.Board;

/// <summary>The board's pager: MudPagination's look and labels, as links that keep the board's filters.</summary>
public sealed class BoardPagerTests
{
    public static TheoryData<int, int> Pages()
    {
        var data = new TheoryData<int, int>();
        foreach (var pages in new[] { 1, 2, 5, 9, 10, 12, 30 })
        {
            for (var current = 1; current <= pages; current++)
            {
                data.Add(pages, current);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Pager_shows_the_pages_classes_and_labels_MudPagination_shows(int pages, int current)
    {
        await using var ctx = new PortalComponentContext("zh-Hans");
        var mud = ctx.Render<MudPagination>(p => p.Add(x => x.Count, pages).Add(x => x.Selected, current).Add(x => x.Size, Size.Small));

        var ours = ctx.Render(Markup(pages, current - 1, "?sort=Received"));

        Assert.Equal(mud.Find("ul").ClassName, ours.Find("ul").ClassName);
        Assert.Equal(Items(mud.FindAll("li")), Items(ours.FindAll("li")));
    }

    [Fact]
    public async Task Pager_links_every_page_to_the_board_with_its_filters_and_marks_the_current_one()
    {
        await using var ctx = new PortalComponentContext("en");

        var pager = ctx.Render(Markup(5, 0, "?sort=Received"));

        Assert.Equal(
            ["/board?sort=Received", "/board?sort=Received&page=2", "/board?sort=Received&page=3", "/board?sort=Received&page=4", "/board?sort=Received&page=5"],
            pager.FindAll(".mud-pagination-item a.mud-button").Select(a => a.GetAttribute("href")));
        var current = pager.Find("a[aria-current=page]");
        Assert.Equal("1", current.TextContent);
        Assert.Equal("Current page 1", current.GetAttribute("aria-label"));
        Assert.True(pager.Find("[data-page-link=previous]").HasAttribute("disabled"));
        Assert.Equal("/board?sort=Received&page=2", pager.Find("[data-page-link=next]").GetAttribute("href"));
        Assert.Equal("Next page", pager.Find("[data-page-link=next]").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Last_page_links_back_and_cannot_go_further()
    {
        await using var ctx = new PortalComponentContext("zh-Hant");

        var pager = ctx.Render(Markup(3, 2, "?dept=4"));

        Assert.Equal("/board?dept=4&page=2", pager.Find("[data-page-link=previous]").GetAttribute("href"));
        Assert.Equal("上一頁", pager.Find("[data-page-link=previous]").GetAttribute("aria-label"));
        Assert.True(pager.Find("[data-page-link=next]").HasAttribute("disabled"));
        Assert.Equal("第 1 頁", pager.Find("[data-page-link='1']").GetAttribute("aria-label"));
    }

    private static RenderFragment Markup(int pages, int pageIndex, string query) => builder =>
        builder.AddContent(0, BoardPager.Markup(pages, pageIndex, query, index => "/board" + query + (index > 0 ? "&page=" + (index + 1) : "")));

    // What a reader sees and hears of each item: its classes, the button's classes, label, current mark and text.
    private static List<string> Items(IEnumerable<IElement> items) => items.Select(li =>
    {
        var child = li.FirstElementChild!;
        return string.Join(" | ", li.ClassName, child.ClassName, child.GetAttribute("aria-label"), child.GetAttribute("aria-current"),
            child.HasAttribute("disabled"), child.TextContent, child.QuerySelector("svg")?.InnerHtml);
    }).ToList();
}
