using ComplaintPortal.Tests.Infrastructure;
using MudBlazor;

namespace ComplaintPortal.Tests.Components;

/// <summary>MudBlazor's own strings (here the data grid's pager) follow the user's language.</summary>
public sealed class MudTextTests
{
    [Theory]
    [InlineData("zh-Hans", "每页行数：", "第 1–3 条，共 3 条", 3)]
    [InlineData("zh-Hant", "每頁列數：", "第 1–3 筆，共 3 筆", 3)]
    [InlineData("en", "Rows per page:", "1–3 of 3", 3)]
    // Nothing to page through: the count alone, not "第 0–0 条".
    [InlineData("zh-Hans", "每页行数：", "共 0 条", 0)]
    [InlineData("zh-Hant", "每頁列數：", "共 0 筆", 0)]
    [InlineData("en", "Rows per page:", "0 items", 0)]
    public async Task Data_grid_pager_speaks_the_users_language(string culture, string rowsPerPage, string info, int rows)
    {
        await using var ctx = new PortalComponentContext(culture);

        var grid = ctx.Render<MudDataGrid<string>>(p => p
            .Add(g => g.Items, new[] { "甲", "乙", "丙" }.Take(rows).ToList())
            .Add(g => g.PagerContent, b =>
            {
                b.OpenComponent<MudDataGridPager<string>>(0);
                b.CloseComponent();
            })
            .Add(g => g.Columns, b =>
            {
                b.OpenComponent<PropertyColumn<string, string>>(0);
                b.AddAttribute(1, nameof(PropertyColumn<string, string>.Property), (System.Linq.Expressions.Expression<Func<string, string>>)(s => s));
                b.CloseComponent();
            }));

        var pager = grid.Find(".mud-table-pagination").TextContent;
        Assert.Contains(rowsPerPage, pager, StringComparison.Ordinal);
        Assert.Contains(info, pager, StringComparison.Ordinal);
        Assert.DoesNotContain("0–0", pager, StringComparison.Ordinal);
    }
}
