using System.Globalization;
using AngleSharp.Html.Parser;
using ComplaintPortal.Domain.Board;
using ComplaintPortal.Web.Features.Board;

namespace ComplaintPortal.Tests.Board;

/// <summary>The board's totals as shared markup: one chip per deadline state, adding up to the open count.</summary>
public sealed class BoardHeadMarkupTests : IDisposable
{
    private readonly CultureInfo previous = CultureInfo.CurrentUICulture;

    public BoardHeadMarkupTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");

    public void Dispose() => CultureInfo.CurrentUICulture = previous;

    [Fact]
    public void Cases_without_a_deadline_get_a_chip_of_their_own_so_the_chips_add_up_to_the_open_count()
    {
        var totals = new BoardTotals(Open: 15, Overdue: 4, DueSoon: 2, OnTrack: 4, Paused: 4);

        var chips = Chips(totals);

        Assert.Equal(["已超时 4", "即将到期 2", "正常 4", "暂停计时 4", "尚无期限 1"], chips.Select(c => c.Text));
        Assert.Equal(totals.Open, chips.Sum(c => c.Count));
        Assert.Equal("total-no-deadline", chips[^1].Test);
    }

    [Fact]
    public void With_every_case_counting_down_or_paused_there_is_no_empty_no_deadline_chip()
    {
        var chips = Chips(new BoardTotals(Open: 3, Overdue: 1, DueSoon: 0, OnTrack: 1, Paused: 1));

        Assert.Equal(["total-overdue", "total-due-soon", "total-on-track", "total-paused"], chips.Select(c => c.Test));
    }

    private static List<(string Text, int Count, string Test)> Chips(BoardTotals totals)
    {
        var html = new HtmlParser().ParseDocument("<div>" + BoardHeadMarkup.Totals(totals).Value + "</div>");
        return html.QuerySelectorAll(".mud-chip").Select(c =>
        {
            var text = c.TextContent.Trim();
            return (text, int.Parse(text[(text.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture), c.GetAttribute("data-test")!);
        }).ToList();
    }
}
