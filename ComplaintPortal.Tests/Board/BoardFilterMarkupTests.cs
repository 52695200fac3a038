using System.Globalization;
using AngleSharp.Html.Parser;
using ComplaintPortal.Domain.Board;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Web.Features.Board;

namespace ComplaintPortal.Tests.Board;

/// <summary>The board's filter lists as shared markup, and the query-string pairs their options carry.</summary>
public sealed class BoardFilterMarkupTests : IDisposable
{
    private static readonly Dictionary<int, string> Departments = new() { [3] = "质量部", [1] = "客服部" };
    private readonly CultureInfo previous = CultureInfo.CurrentUICulture;

    public BoardFilterMarkupTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");

    public void Dispose() => CultureInfo.CurrentUICulture = previous;

    [Fact]
    public void Each_list_marks_the_filter_s_choice_and_its_options_carry_their_query_string_pair()
    {
        var filter = new BoardFilter { DepartmentId = 3, Stage = CaseStage.InDepartments, DueSoonOnly = true, Sort = BoardSort.Received };

        var html = new HtmlParser().ParseDocument("<div>" + BoardFilterMarkup.For(filter, Departments).Value + "</div>");

        string Chosen(string list) => Assert.Single(html.QuerySelectorAll($"select[data-test=filter-{list}] option[selected]")).GetAttribute("value")!;
        Assert.Equal("dept=3", Chosen("dept"));
        Assert.Equal("stage=InDepartments", Chosen("stage"));
        Assert.Equal("priority=", Chosen("priority"));
        Assert.Equal("due=soon", Chosen("due"));
        Assert.Equal("sort=Received", Chosen("sort"));
        // Departments in id order after "all", by name; every list under its label.
        Assert.Equal(["全部", "客服部", "质量部"], html.QuerySelectorAll("select[data-test=filter-dept] option").Select(o => o.TextContent));
        Assert.Equal(5, html.QuerySelectorAll("label.board-filter > span + select").Length);
        Assert.Equal("/board", html.QuerySelector("a[data-test=filter-reset]")!.GetAttribute("href"));
        // Every option's pair, read back, chooses exactly that option.
        foreach (var option in html.QuerySelectorAll("option"))
        {
            var chosen = BoardQueryString.With(filter, option.GetAttribute("value"));
            var again = new HtmlParser().ParseDocument("<div>" + BoardFilterMarkup.For(chosen, Departments).Value + "</div>");
            Assert.Contains(option.GetAttribute("value"), again.QuerySelectorAll("option[selected]").Select(o => o.GetAttribute("value")));
        }
    }

    [Fact]
    public void The_same_filter_and_names_share_one_string_and_other_names_get_their_own()
    {
        var filter = new BoardFilter { Priority = Priority.Urgent };

        var first = BoardFilterMarkup.For(filter, Departments);
        var again = BoardFilterMarkup.For(filter with { }, Departments);
        var renamed = BoardFilterMarkup.For(filter, new Dictionary<int, string> { [3] = "品质部" });

        Assert.Same(first.Value, again.Value);
        Assert.Contains("品质部", renamed.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stage=Acknowledged", "?dept=3&stage=Acknowledged&due=soon")]
    [InlineData("stage=", "?dept=3&due=soon")]
    [InlineData("due=overdue", "?dept=3&stage=InDepartments&due=overdue")]
    [InlineData("due=", "?dept=3&stage=InDepartments")]
    [InlineData("sort=CaseNumber", "?dept=3&stage=InDepartments&due=soon&sort=CaseNumber")]
    [InlineData("dept=", "?stage=InDepartments&due=soon")]
    [InlineData("wall=1", "?dept=3&stage=InDepartments&due=soon")]
    [InlineData("stage", "?dept=3&stage=InDepartments&due=soon")]
    [InlineData(null, "?dept=3&stage=InDepartments&due=soon")]
    public void A_pair_changes_its_one_filter_and_nothing_else(string? pair, string expected)
    {
        var filter = new BoardFilter { DepartmentId = 3, Stage = CaseStage.InDepartments, DueSoonOnly = true };

        Assert.Equal(expected, BoardQueryString.Format(BoardQueryString.With(filter, pair)));
    }

    [Theory]
    [InlineData("24", 24)]
    [InlineData("8", 8)]
    [InlineData("40", 40)]
    [InlineData("7", 16)]
    [InlineData("41", 16)]
    [InlineData("-3", 16)]
    [InlineData("twelve", 16)]
    [InlineData(null, 16)]
    public void A_wall_asks_for_8_to_40_rows_a_page_and_anything_else_keeps_the_configured_page(string? rows, int expected) =>
        Assert.Equal(expected, BoardQueryString.WallRows(rows, configured: 16));
}
