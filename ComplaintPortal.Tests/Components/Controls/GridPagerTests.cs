using Bunit;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Components.Controls;
using MudBlazor;

namespace ComplaintPortal.Tests.Components.Controls;

/// <summary>A long list's pager takes a page number: the middle of the list is one step away, not hundreds of "next" clicks.</summary>
public sealed class GridPagerTests
{
    [Theory]
    [InlineData("zh-Hans", "/ 共 10 页", "第 61–70 条，共 95 条", "第 91–95 条，共 95 条")]
    [InlineData("zh-Hant", "/ 共 10 頁", "第 61–70 筆，共 95 筆", "第 91–95 筆，共 95 筆")]
    [InlineData("en", "of 10", "61–70 of 95", "91–95 of 95")]
    public async Task A_page_number_reads_that_page_from_the_server_and_a_number_past_the_end_reads_the_last(string culture, string pages, string seventh,
        string last)
    {
        await using var ctx = new PortalComponentContext(culture);
        var read = new List<int>();
        var cut = Render(ctx, 95, read);
        cut.WaitForAssertion(() => Assert.Equal("1", PageField(cut).GetAttribute("value")));
        Assert.Contains(pages, cut.Find(".portal-grid-pager-page .mud-input-adornment-end").TextContent, StringComparison.Ordinal);

        PageField(cut).Change("7");
        cut.WaitForAssertion(() => Assert.Contains(seventh, cut.Find(".mud-table-pagination").TextContent, StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(61, 10).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            cut.FindAll("tbody .mud-table-cell").Select(c => c.TextContent.Trim()));
        Assert.Equal(60, read[^1]);
        Assert.Equal("7", PageField(cut).GetAttribute("value"));

        // The next-page button and the field agree.
        cut.FindAll(".mud-table-pagination-actions button")[2].Click();
        cut.WaitForAssertion(() => Assert.Equal("8", PageField(cut).GetAttribute("value")));

        PageField(cut).Change("999");
        cut.WaitForAssertion(() => Assert.Contains(last, cut.Find(".mud-table-pagination").TextContent, StringComparison.Ordinal));
        Assert.Equal(90, read[^1]);
    }

    [Fact]
    public async Task A_list_of_three_pages_or_fewer_has_no_page_number()
    {
        await using var ctx = new PortalComponentContext("zh-Hans");
        var cut = Render(ctx, 30, []);
        cut.WaitForAssertion(() => Assert.Contains("共 30 条", cut.Find(".mud-table-pagination").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-test=grid-page]"));
    }

    private static IRenderedComponent<MudDataGrid<int>> Render(PortalComponentContext ctx, int rows, List<int> read) =>
        ctx.Render<MudDataGrid<int>>(p => p
            .Add(g => g.ServerData, (state, _) =>
            {
                var skip = state.Page * state.PageSize;
                read.Add(skip);
                return Task.FromResult(new GridData<int> { Items = Enumerable.Range(skip + 1, Math.Max(0, Math.Min(state.PageSize, rows - skip))).ToList(), TotalItems = rows });
            })
            .Add(g => g.PagerContent, b =>
            {
                b.OpenComponent<GridPager<int>>(0);
                b.AddAttribute(1, nameof(GridPager<int>.Read), true);
                b.CloseComponent();
            })
            .Add(g => g.Columns, b =>
            {
                b.OpenComponent<PropertyColumn<int, int>>(0);
                b.AddAttribute(1, nameof(PropertyColumn<int, int>.Property), (System.Linq.Expressions.Expression<Func<int, int>>)(n => n));
                b.CloseComponent();
            }));

    private static AngleSharp.Dom.IElement PageField(IRenderedComponent<MudDataGrid<int>> cut) => cut.Find("input[data-test=grid-page]");
}
