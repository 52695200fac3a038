using System.Globalization;
using ComplaintPortal.Web.Features.Board;

namespace ComplaintPortal.Tests.Board;

/// <summary>The board's words, read once per language and shared by every open board.</summary>
public sealed class BoardWordsTests
{
    [Fact]
    public void Words_are_in_the_language_asked_for_whatever_the_current_thread_speaks()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            var simplified = BoardWords.For(CultureInfo.GetCultureInfo("zh-Hans"));
            var english = BoardWords.For(CultureInfo.GetCultureInfo("en"));

            Assert.Equal("12,345 件未结投诉", simplified.Count(12345));
            Assert.Equal("第 2 / 17 页", simplified.Page(1, 17));
            Assert.Equal("12,345 open cases", english.Count(12345));
            Assert.Equal(("1 open case", "0 open cases", "1 件未结投诉"), (english.Count(1), english.Count(0), simplified.Count(1)));
            Assert.Equal("Page 2 of 17", english.Page(1, 17));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Every_board_in_one_language_shares_one_set_of_words()
    {
        Assert.Same(BoardWords.For(CultureInfo.GetCultureInfo("zh-Hant")), BoardWords.For(CultureInfo.GetCultureInfo("zh-Hant")));
    }
}
